import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { InstrumentForm } from "@/components/outcomes/instrument-form";
import { ManageLinkNotFound } from "@/components/registrations/manage-link-not-found";
import { buttonClass } from "@/components/ui/button";
import { localize } from "@/lib/events/schema";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { submitResponseAction } from "@/lib/outcomes/actions";
import { getParticipantInstrument } from "@/lib/outcomes/data";
import { kindOfPath } from "@/lib/outcomes/schema";
import { getRegistrationByToken } from "@/lib/registrations/data";
import { ACTIVE_STATUSES } from "@/lib/registrations/rules";
import { manageTokenSchema } from "@/lib/registrations/tokens";

export const dynamic = "force-dynamic";

// The address holds the participant's token: "same-origin", as on their page,
// keeps it from other sites and lets a form posted without JavaScript name its origin.
export async function generateMetadata({
  params,
}: PageProps<"/[locale]/r/[token]/[instrument]">): Promise<Metadata> {
  const { locale, instrument } = await params;
  const kind = kindOfPath(instrument);
  const t = await getTranslations({ locale, namespace: "outcomes" });
  return {
    title: kind ? t(`title.${kind}`) : undefined,
    robots: { index: false, follow: false },
    referrer: "same-origin",
  };
}

/**
 * A pre-test, post-test or feedback survey, by the participant's personal
 * link (docs/decisions/032-outcome-instruments.md): the form while it is
 * open and not yet answered, otherwise a page that says why not.
 */
export default async function InstrumentPage({ params }: PageProps<"/[locale]/r/[token]/[instrument]">) {
  const { locale, token, instrument: path } = await params;
  setRequestLocale(locale);
  const kind = kindOfPath(path);
  if (!kind || !manageTokenSchema.safeParse(token).success) notFound();
  const registration = await getRegistrationByToken({ token });
  if (!registration) return <ManageLinkNotFound />;
  const found = await getParticipantInstrument({ token, kind });
  if (!found) notFound();
  const t = await getTranslations("outcomes");
  const active = (ACTIVE_STATUSES as readonly string[]).includes(found.registration.status);
  const notice = !active
    ? t("notAllowed")
    : found.answered
      ? t("answered")
      : found.state !== "open"
        ? t(found.state === "closed" ? "closed" : "notOpen")
        : undefined;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t(`title.${kind}`)}</h1>
        <p className="text-stone-700">{localize(registration.event.title, locale as Locale)}</p>
      </header>
      {notice ? (
        <div className="space-y-4">
          <p
            role="status"
            className="rounded-md border border-stone-300 bg-white p-4 text-lg font-medium"
            data-testid="instrument-notice"
          >
            {notice}
          </p>
          <Link href={`/r/${token}`} className={buttonClass("secondary")}>
            {t("back")}
          </Link>
        </div>
      ) : (
        <>
          <p className="text-stone-700">
            {t(`intro.${kind}`)} {found.instrument.anonymous && t("anonymous")}
          </p>
          <InstrumentForm
            action={submitResponseAction.bind(null, { token, kind, locale: locale as Locale })}
            questions={found.questions}
            labels={{ legend: t("questions"), send: t("send"), sending: t("sending") }}
          />
        </>
      )}
    </div>
  );
}
