"use client";

import { useTranslations } from "next-intl";

// A client component: as a server component it would be rendered before the
// page sets the request's language, and fix it to Russian for the whole page.

/** An unknown or withdrawn code: said plainly, with a 404 status. */
export default function CertificateNotFound() {
  const t = useTranslations("verify");
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-stone-700">{t("notFound")}</p>
    </div>
  );
}
