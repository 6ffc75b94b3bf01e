import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NewStaffForm } from "@/components/admin/new-staff-form";
import { ResetPasswordButton } from "@/components/admin/reset-password-button";
import { StaffChangeForm } from "@/components/admin/staff-change-form";
import { Button } from "@/components/ui/button";
import { LabelledSelect } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { formatDateTime, STAFF_TIME_ZONE } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { listOrganizationChoices } from "@/lib/organizations/data";
import { changeStaffAction, resetStaffPasswordAction } from "@/lib/staff/actions";
import { listStaffAccounts } from "@/lib/staff/data";
import { ADMINS, requireStaff } from "@/lib/staff/require-staff";
import { staffRoles } from "@/lib/staff/schema";

export const dynamic = "force-dynamic";

export default async function StaffAccountsPage() {
  const admin = await requireStaff(ADMINS);
  const t = await getTranslations("admin.staff");
  const tr = await getTranslations("admin.staff.roles");
  const locale = (await getLocale()) as Locale;
  const [accounts, organizations] = await Promise.all([listStaffAccounts(), listOrganizationChoices()]);
  const when = (date: Date | null) =>
    date ? formatDateTime(date, { locale, timeZone: STAFF_TIME_ZONE }) : "—";

  return (
    <div className="space-y-8">
      <PageHeader title={t("title")} />

      <Panel id="new" title={t("new")} hint={t("newExplain")} boxed>
        <NewStaffForm />
      </Panel>

      <ul className="space-y-3" aria-label={t("title")}>
        {accounts.map((account) => (
          <li
            key={account.id}
            data-testid="staff-account"
            className={`space-y-3 rounded-lg border bg-white p-4 ${account.disabledAt ? "border-stone-200 opacity-70" : "border-stone-300"}`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p>
                <strong>{account.name}</strong> <span className="text-stone-600">{account.email}</span>
                {account.id === admin.id && <span className="text-stone-600"> ({t("you")})</span>}
              </p>
              <p className="text-sm text-stone-600">
                {account.disabledAt ? t("disabledSince", { at: when(account.disabledAt) }) : tr(account.role)}
                {" · "}
                {t("lastSignIn", { at: when(account.lastSignInAt) })}
                {" · "}
                {account.totpEnabledAt ? t("secondFactorOn") : t("secondFactorOff")}
              </p>
            </div>
            <div className="flex flex-wrap items-end gap-4 text-sm">
              <ChangeForm accountId={account.id} change="role" label={t("changeRole")}>
                <LabelledSelect
                  label={t("role")}
                  name="role"
                  defaultValue={account.role}
                  options={staffRoles.map((role) => [role, tr(role)] as const)}
                />
              </ChangeForm>
              {/* Admins are instance-wide: never in an organization (decision 041). */}
              {account.role !== "ADMIN" && organizations.length > 0 && (
                <ChangeForm accountId={account.id} change="organization" label={t("changeOrganization")}>
                  <LabelledSelect
                    label={t("organization")}
                    name="organizationId"
                    defaultValue={account.organizationId ?? ""}
                    options={[
                      ["", t("noOrganization")],
                      ...organizations.map((organization) => [organization.id, organization.name] as const),
                    ]}
                  />
                </ChangeForm>
              )}
              <ChangeForm
                accountId={account.id}
                change={account.disabledAt ? "enable" : "disable"}
                label={account.disabledAt ? t("enable") : t("disable")}
              />
              {account.totpEnabledAt && (
                <ChangeForm
                  accountId={account.id}
                  change="second_factor"
                  label={t("removeSecondFactor")}
                  plain
                />
              )}
              <ResetPasswordButton action={resetStaffPasswordAction.bind(null, account.id)} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One change to an account (its role, organization, access, second factor): what to change, if a choice, and its button. */
function ChangeForm({
  accountId,
  change,
  label,
  plain = false,
  children,
}: {
  accountId: string;
  change: string;
  label: string;
  /** A button that reads as a link: a rarer change, kept apart from the others. */
  plain?: boolean;
  children?: ReactNode;
}) {
  return (
    <StaffChangeForm
      action={changeStaffAction.bind(null, accountId)}
      className="flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="change" value={change} />
      {children}
      {plain ? (
        <button type="submit" className="underline hover:no-underline">
          {label}
        </button>
      ) : (
        <Button type="submit" variant="secondary" className="px-3 font-normal">
          {label}
        </Button>
      )}
    </StaffChangeForm>
  );
}
