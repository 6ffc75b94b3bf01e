"use client";

import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

// A client component: as a server component in a not-found.tsx it would be
// rendered before the page sets the request's language, and fix it to
// Russian for the whole page.

/** What an address that opens nothing says: the title and the advice of `namespace`, and the way home. */
export function NotFoundMessage({ namespace }: { namespace: "manage" | "verify" }) {
  const t = useTranslations(namespace);
  const te = useTranslations("errorPage");
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-stone-700">{t("notFound")}</p>
      <Link href="/" className="inline-block text-brand-700 underline">
        {te("home")}
      </Link>
    </div>
  );
}
