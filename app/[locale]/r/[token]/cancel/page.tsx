import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { ManageLinkNotFound } from "@/components/registrations/manage-link-not-found";
import { Button, buttonClass } from "@/components/ui/button";
import { localize } from "@/lib/events/schema";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { cancelRegistrationAction } from "@/lib/registrations/actions";
import { getRegistrationByToken } from "@/lib/registrations/data";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/r/[token]/cancel">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "manage" });
  return { title: t("cancelTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** The confirmation step before a cancellation: a page, so it works without JavaScript. */
export default async function CancelRegistrationPage({ params }: PageProps<"/[locale]/r/[token]/cancel">) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const registration = await getRegistrationByToken({ token });
  if (!registration) return <ManageLinkNotFound />;
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
