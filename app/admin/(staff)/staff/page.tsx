import { getLocale, getTranslations } from "next-intl/server";
import { NewStaffForm } from "@/components/admin/new-staff-form";
import { ResetPasswordButton } from "@/components/admin/reset-password-button";
import { StaffChangeForm } from "@/components/admin/staff-change-form";
import { inputClass } from "@/components/ui/field";
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
              <StaffChangeForm
                action={changeStaffAction.bind(null, account.id)}
                className="flex flex-wrap items-end gap-2"
              >
                <input type="hidden" name="change" value="role" />
                <label className="space-y-1">
                  <span className="block font-medium">{t("role")}</span>
                  <select name="role" defaultValue={account.role} className={inputClass}>
                    {staffRoles.map((role) => (
                      <option key={role} value={role}>
                        {tr(role)}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="submit"
                  className="min-h-11 rounded-md border border-stone-300 px-3 hover:bg-stone-100"
                >
                  {t("changeRole")}
                </button>
              </StaffChangeForm>
              {/* Admins are instance-wide: never in an organization (decision 041). */}
              {account.role !== "ADMIN" && organizations.length > 0 && (
                <StaffChangeForm
                  action={changeStaffAction.bind(null, account.id)}
                  className="flex flex-wrap items-end gap-2"
                >
                  <input type="hidden" name="change" value="organization" />
                  <label className="space-y-1">
                    <span className="block font-medium">{t("organization")}</span>
                    <select
                      name="organizationId"
                      defaultValue={account.organizationId ?? ""}
                      className={inputClass}
                    >
                      <option value="">{t("noOrganization")}</option>
                      {organizations.map((organization) => (
                        <option key={organization.id} value={organization.id}>
                          {organization.name}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="submit"
                    className="min-h-11 rounded-md border border-stone-300 px-3 hover:bg-stone-100"
                  >
                    {t("changeOrganization")}
                  </button>
                </StaffChangeForm>
              )}
              <StaffChangeForm action={changeStaffAction.bind(null, account.id)}>
                <input type="hidden" name="change" value={account.disabledAt ? "enable" : "disable"} />
                <button
                  type="submit"
                  className="min-h-11 rounded-md border border-stone-300 px-3 hover:bg-stone-100"
                >
                  {account.disabledAt ? t("enable") : t("disable")}
                </button>
              </StaffChangeForm>
              {account.totpEnabledAt && (
                <StaffChangeForm action={changeStaffAction.bind(null, account.id)}>
                  <input type="hidden" name="change" value="second_factor" />
                  <button type="submit" className="underline hover:no-underline">
                    {t("removeSecondFactor")}
                  </button>
                </StaffChangeForm>
              )}
              <ResetPasswordButton action={resetStaffPasswordAction.bind(null, account.id)} />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
