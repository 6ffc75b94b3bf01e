import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { Button, buttonClass } from "@/components/ui/button";
import { localize } from "@/lib/events/schema";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { cancelRegistrationAction } from "@/lib/registrations/actions";
import { getRegistrationByToken } from "@/lib/registrations/data";
import { manageTokenSchema } from "@/lib/registrations/tokens";

export const dynamic = "force-dynamic";

// The address holds the participant's token: "same-origin" keeps it from the
// sites linked here (the map, the partners) and still lets a form posted
// without JavaScript name its origin, which Next checks ("no-referrer" sends
// "Origin: null", and the action is refused).
export async function generateMetadata({
  params,
}: PageProps<"/[locale]/r/[token]/cancel">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "manage" });
  return { title: t("cancelTitle"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/** The confirmation step before a cancellation: a page, so it works without JavaScript. */
export default async function CancelRegistrationPage({ params }: PageProps<"/[locale]/r/[token]/cancel">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  if (!manageTokenSchema.safeParse(token).success) notFound();
  const registration = await getRegistrationByToken({ token });
  if (!registration) return <NotFoundMessage namespace="manage" />;
  const t = await getTranslations("manage");
  return (
    <div className="mx-auto max-w-xl space-y-6 rounded-lg border border-stone-200 bg-white p-6">
      <h1 className="text-2xl font-semibold">{t("cancelTitle")}</h1>
      <p className="font-medium">{localize(registration.event.title, locale as Locale)}</p>
      <p className="text-stone-700">{t("cancelExplain")}</p>
      <ActionForm
        action={cancelRegistrationAction.bind(null, { token, locale: locale as Locale })}
        className="flex flex-col gap-3 sm:flex-row"
      >
        <Button type="submit" variant="danger">
          {t("cancelConfirm")}
        </Button>
        <Link href={`/r/${token}`} className={buttonClass("secondary")}>
          {t("cancelKeep")}
        </Link>
      </ActionForm>
    </div>
  );
}
