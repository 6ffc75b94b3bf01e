import { getTranslations } from "next-intl/server";
import { StaffLink } from "@/components/ui/staff-link";

export default async function DeniedPage() {
  const t = await getTranslations("admin.denied");
  return (
    <main className="mx-auto mt-16 max-w-md space-y-3 rounded-lg border border-stone-200 bg-white p-6 text-center">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <p>{t("text")}</p>
      <StaffLink href="/admin/sign-in" className="text-brand-700 underline">
        {t("signInOther")}
      </StaffLink>
    </main>
  );
}
