import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "@/lib/staff/actions";
import { ALL_STAFF, requireStaff } from "@/lib/staff/require-staff";

export default async function AccountPage() {
  const staff = await requireStaff(ALL_STAFF);
  const t = await getTranslations("admin.account");
  return (
    <div className="max-w-xl space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-600">{staff.email}</p>
      </header>
      <section
        aria-labelledby="password"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="password" className="font-semibold">
          {t("password")}
        </h2>
        <ChangePasswordForm />
      </section>
      <section
        aria-labelledby="sessions"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="sessions" className="font-semibold">
          {t("sessions")}
        </h2>
        <p className="text-sm text-stone-600">{t("signOutEverywhereHint")}</p>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary">
            {t("signOutEverywhere")}
          </Button>
        </form>
      </section>
    </div>
  );
}
