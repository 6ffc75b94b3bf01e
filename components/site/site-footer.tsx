import { getTranslations } from "next-intl/server";

export async function SiteFooter() {
  const t = await getTranslations("site");
  return (
    <footer className="border-t border-stone-200 bg-white">
      <p className="mx-auto max-w-4xl px-4 py-4 text-sm text-stone-600">{t("footer")}</p>
    </footer>
  );
}
