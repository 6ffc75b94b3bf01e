import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { SecondFactorForm } from "@/components/admin/second-factor-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getEnv } from "@/lib/env";
import { signOutEverywhereAction } from "@/lib/staff/actions";
import { getSecondFactorState } from "@/lib/staff/data";
import { ALL_STAFF, requireStaff } from "@/lib/staff/require-staff";

export default async function AccountPage({ searchParams }: PageProps<"/admin/account">) {
  const staff = await requireStaff(ALL_STAFF, { setup: true });
  const t = await getTranslations("admin.account");
  const secondFactor = await getSecondFactorState({ staffId: staff.id });
  const required = staff.role === "ADMIN" && getEnv().REQUIRE_ADMIN_SECOND_FACTOR;
  const mustSetUp = required && !secondFactor.enabledAt && (await searchParams).secondFactor === "required";
  return (
    <div className="max-w-xl space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-600">{staff.email}</p>
      </header>
      {mustSetUp && <Notice tone="warning">{t("secondFactor.required")}</Notice>}
      <section
        aria-labelledby="second-factor"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="second-factor" className="font-semibold">
          {t("secondFactor.title")}
        </h2>
        <SecondFactorForm
          enabled={Boolean(secondFactor.enabledAt)}
          recoveryCodesLeft={secondFactor.recoveryCodesLeft}
          mayRemove={!required}
        />
      </section>
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
