import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/admin/sign-in-form";

export default async function SignInPage() {
  const t = await getTranslations("admin.signIn");
  return (
    <main className="mx-auto mt-16 max-w-sm space-y-6 rounded-lg border border-stone-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <SignInForm />
    </main>
  );
}
