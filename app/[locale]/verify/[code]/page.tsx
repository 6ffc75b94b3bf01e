import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { normalizeCertificateCode } from "@/lib/certificates/codes";
import { findValidCertificate } from "@/lib/certificates/data";
import { localize } from "@/lib/events/schema";
import { formatDateRange } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { fullName } from "@/lib/registrations/names";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/verify/[code]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "verify" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Anyone may check a certificate: it shows the holder's name, the event and its dates, nothing more. */
export default async function VerifyCertificatePage({ params }: PageProps<"/[locale]/verify/[code]">) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  const normalized = normalizeCertificateCode(code);
  const certificate = normalized ? await findValidCertificate({ code: normalized }) : null;
  if (!certificate) notFound();
  const t = await getTranslations("verify");
  const { registration } = certificate;
  const { event } = registration;
  const first = event.days[0];
  const last = event.days.at(-1);
  const zone = { locale: locale as Locale, timeZone: event.timeZone };
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t("title")}</h1>
      <section
        aria-labelledby="valid"
        className="space-y-4 rounded-lg border border-brand-600 bg-white p-4 sm:p-6"
      >
        <h2 id="valid" className="text-lg font-semibold text-brand-700">
          <span aria-hidden="true">✓ </span>
          {t("valid")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
          <dt className="text-sm text-stone-600">{t("name")}</dt>
          <dd className="text-lg font-semibold" data-testid="certificate-name">
            {fullName(registration)}
          </dd>
          <dt className="text-sm text-stone-600">{t("event")}</dt>
          <dd>{localize(event.title, locale as Locale)}</dd>
          {first && last && (
            <>
              <dt className="text-sm text-stone-600">{t("dates")}</dt>
              <dd>{formatDateRange(first.startsAt, last.endsAt, zone)}</dd>
            </>
          )}
        </dl>
      </section>
    </div>
  );
}
