import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { SecondFactorForm } from "@/components/admin/second-factor-form";
import { StaffSessionsList } from "@/components/admin/staff-sessions-list";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { getEnv } from "@/lib/env";
import { signOutEverywhereAction } from "@/lib/staff/actions";
import { getSecondFactorState, listActiveSessions } from "@/lib/staff/data";
import { ALL_STAFF, currentSessionId, requireStaff } from "@/lib/staff/require-staff";

export default async function AccountPage({ searchParams }: PageProps<"/admin/account">) {
  const staff = await requireStaff(ALL_STAFF, { setup: true, passwordChange: true });
  const t = await getTranslations("admin.account");
  const passwordSection = (
    <section aria-labelledby="password" className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="password" className="font-semibold">
        {t("password")}
      </h2>
      <ChangePasswordForm />
    </section>
  );
  const header = (
    <header>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-stone-600">{staff.email}</p>
    </header>
  );
  // A password someone else has seen: choosing a new one is all there is to do.
  if (staff.mustChangePassword) {
    return (
      <div className="max-w-xl space-y-8">
        {header}
        <Notice tone="warning">{t("passwordRequired")}</Notice>
        {passwordSection}
      </div>
    );
  }

  const [secondFactor, sessions, currentId] = await Promise.all([
    getSecondFactorState({ staffId: staff.id }),
    listActiveSessions({ staffId: staff.id }),
    currentSessionId(),
  ]);
  const required = staff.role === "ADMIN" && getEnv().REQUIRE_ADMIN_SECOND_FACTOR;
  const mustSetUp = required && !secondFactor.enabledAt && (await searchParams).secondFactor === "required";
  return (
    <div className="max-w-xl space-y-8">
      {header}
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
      {passwordSection}
      <section
        aria-labelledby="sessions"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="sessions" className="font-semibold">
          {t("sessions")}
        </h2>
        <StaffSessionsList sessions={sessions} currentId={currentId} />
        <p className="text-sm text-stone-600">{t("signOutEverywhereHint")}</p>
        <ActionForm action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary">
            {t("signOutEverywhere")}
          </Button>
        </ActionForm>
      </section>
    </div>
  );
}
