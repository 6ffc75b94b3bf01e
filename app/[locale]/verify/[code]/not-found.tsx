import { getTranslations } from "next-intl/server";

/** An unknown or withdrawn code: said plainly, with a 404 status. */
export default async function CertificateNotFound() {
  const t = await getTranslations("verify");
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-stone-700">{t("notFound")}</p>
    </div>
  );
}
