import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/admin/change-password-form";
import { SecondFactorForm } from "@/components/admin/second-factor-form";
import { StaffSessionsList } from "@/components/admin/staff-sessions-list";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { getEnv } from "@/lib/env";
import { signOutEverywhereAction } from "@/lib/staff/actions";
import { getSecondFactorState, listActiveSessions } from "@/lib/staff/data";
import { ALL_STAFF, currentSessionId, requireStaff } from "@/lib/staff/require-staff";

export default async function AccountPage({ searchParams }: PageProps<"/admin/account">) {
  const staff = await requireStaff(ALL_STAFF, { setup: true, passwordChange: true });
  const t = await getTranslations("admin.account");
  const passwordSection = (
    <Panel id="password" title={t("password")} boxed>
      <ChangePasswordForm />
    </Panel>
  );
  const header = (
    <PageHeader title={t("title")}>
      <p className="text-stone-600">{staff.email}</p>
    </PageHeader>
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
      <Panel id="second-factor" title={t("secondFactor.title")} boxed>
        <SecondFactorForm
          enabled={Boolean(secondFactor.enabledAt)}
          recoveryCodesLeft={secondFactor.recoveryCodesLeft}
          mayRemove={!required}
        />
      </Panel>
      {passwordSection}
      <Panel id="sessions" title={t("sessions")} boxed>
        <StaffSessionsList sessions={sessions} currentId={currentId} />
        <p className="text-sm text-stone-600">{t("signOutEverywhereHint")}</p>
        <ActionForm action={signOutEverywhereAction}>
          <Button type="submit" variant="secondary">
            {t("signOutEverywhere")}
          </Button>
        </ActionForm>
      </Panel>
    </div>
  );
}
