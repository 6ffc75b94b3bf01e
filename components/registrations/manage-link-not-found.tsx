import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function ManageLinkNotFound() {
  const t = await getTranslations("manage");
  const tn = await getTranslations("notFound");
  return (
    <div className="space-y-3 py-10 text-center">
      <h1 className="text-2xl font-semibold">{t("notFoundTitle")}</h1>
      <p className="text-stone-700">{t("notFound")}</p>
      <Link href="/" className="inline-block text-brand-700 underline">
        {tn("back")}
      </Link>
    </div>
  );
}
