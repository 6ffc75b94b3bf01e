import { getLocale, getTranslations } from "next-intl/server";
import { SignOutForm } from "@/components/admin/sign-out-form";
import { ActionForm } from "@/components/forms/action-form";
import { cn } from "@/components/ui/cn";
import { StaffLink } from "@/components/ui/staff-link";
import { locales } from "@/lib/i18n/routing";
import { setStaffLocaleAction } from "@/lib/staff/actions";
import type { EventScope } from "@/lib/staff/permissions";
import { ALL_STAFF, requireStaff, staffEvents } from "@/lib/staff/require-staff";

const languageNames = { ru: "Русский", ky: "Кыргызча", en: "English" } as const;

/** The staff area's frame. Its check is a convenience: every page checks again. */
export default async function StaffLayout({ children }: LayoutProps<"/admin">) {
  const staff = await requireStaff(ALL_STAFF, { setup: true, passwordChange: true });
  const teams = await staffEvents(staff);
  const some = (scope: EventScope) => scope === "every" || scope.length > 0;
  const t = await getTranslations("admin");
  const site = await getTranslations("site");
  const current = await getLocale();
  const admin = staff.role === "ADMIN";
  const links = [
    { href: "/admin", label: t("nav.events"), shown: true },
    { href: "/admin/mailbox", label: t("nav.mailbox"), shown: some(teams.scope("event.letters")) },
    {
      href: "/admin/statistics",
      label: t("statistics.yearly"),
      shown: some(teams.scope("event.statistics")),
    },
    { href: "/admin/staff", label: t("nav.staff"), shown: admin },
    { href: "/admin/organizations", label: t("nav.organizations"), shown: admin },
    { href: "/admin/audit", label: t("nav.audit"), shown: some(teams.scope("event.audit")) },
    { href: "/admin/instance", label: t("instance.nav"), shown: admin },
    // The account's link sits beside the sign-out button on a wider screen.
    { href: "/admin/account", label: t("nav.account"), shown: true, className: "sm:hidden" },
  ].filter((link) => link.shown);
  return (
    <div className="min-h-screen">
      {/* On a phone two short lines, not five: the links scroll sideways under the name. */}
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:py-3">
          <StaffLink href="/admin" className="min-w-0 truncate font-semibold text-brand-700">
            <span className="sm:hidden">{site("name")}</span>
            <span className="hidden sm:inline">{t("title")}</span>
          </StaffLink>
          <nav
            aria-label={t("title")}
            className="order-last -mx-4 flex basis-full gap-4 overflow-x-auto whitespace-nowrap px-4 pb-1 max-sm:mask-r-from-85% sm:order-none sm:mx-0 sm:basis-auto sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0"
          >
            {links.map((link) => (
              <StaffLink
                key={link.href}
                href={link.href}
                className={cn("py-1 hover:underline", link.className)}
              >
                {link.label}
              </StaffLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2 text-sm sm:gap-3">
            <ActionForm action={setStaffLocaleAction} className="flex" aria-label={t("nav.language")}>
              {locales.map((locale) => (
                <button
                  type="submit"
                  key={locale}
                  name="locale"
                  value={locale}
                  lang={locale}
                  aria-label={languageNames[locale]}
                  aria-pressed={locale === current}
                  className="rounded px-2 py-1 hover:bg-stone-100 aria-pressed:bg-brand-50 aria-pressed:font-semibold"
                >
                  <span className="sm:hidden">{locale.toUpperCase()}</span>
                  <span className="hidden sm:inline">{languageNames[locale]}</span>
                </button>
              ))}
            </ActionForm>
            <StaffLink
              href="/admin/account"
              className="hidden text-stone-600 hover:underline sm:inline"
              title={t("nav.account")}
            >
              {staff.email}
            </StaffLink>
            <SignOutForm label={t("nav.signOut")} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
