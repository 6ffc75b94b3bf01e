"use client";

import { useTranslations } from "next-intl";

// A client component, like the verification page's not-found: as a server
// component it would be rendered before the page sets the request's
// language, and fix it to Russian.

/** A management link cut short or mistyped: the advice for a link that opens nothing, with a 404. */
export default function ManageLinkMalformed() {
  const t = useTranslations("manage");
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-stone-700">{t("notFound")}</p>
    </div>
  );
}
