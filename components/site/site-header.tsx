import { getTranslations } from "next-intl/server";
import { LanguageSwitcher } from "@/components/site/language-switcher";
import { Link } from "@/lib/i18n/navigation";

export async function SiteHeader() {
  const t = await getTranslations("site");
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex flex-col leading-tight">
          <span className="text-lg font-semibold text-brand-700">{t("name")}</span>
          <span className="text-xs text-stone-600">{t("tagline")}</span>
        </Link>
        <LanguageSwitcher label={t("language")} />
      </div>
    </header>
  );
}
