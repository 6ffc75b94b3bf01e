import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { SignOutForm } from "@/components/admin/sign-out-form";
import { ActionForm } from "@/components/forms/action-form";
import { locales } from "@/lib/i18n/routing";
import { setStaffLocaleAction } from "@/lib/staff/actions";
import { ALL_STAFF, requireStaff } from "@/lib/staff/require-staff";

const languageNames = { ru: "Русский", ky: "Кыргызча", en: "English" } as const;

/** The staff area's frame. Its check is a convenience: every page checks again. */
export default async function StaffLayout({ children }: LayoutProps<"/admin">) {
  const staff = await requireStaff(ALL_STAFF, { setup: true, passwordChange: true });
  const t = await getTranslations("admin");
  const current = await getLocale();
  return (
    <div className="min-h-screen">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label={t("title")} className="flex flex-wrap items-center gap-4">
            <Link href="/admin" className="font-semibold text-brand-700">
              {t("title")}
            </Link>
            <Link href="/admin" className="hover:underline">
              {t("nav.events")}
            </Link>
            {staff.role !== "CHECK_IN" && (
              <>
                <Link href="/admin/mailbox" className="hover:underline">
                  {t("nav.mailbox")}
                </Link>
                <Link href="/admin/statistics" className="hover:underline">
                  {t("statistics.yearly")}
                </Link>
              </>
            )}
            {staff.role === "ADMIN" && (
              <>
                <Link href="/admin/staff" className="hover:underline">
                  {t("nav.staff")}
                </Link>
                <Link href="/admin/audit" className="hover:underline">
                  {t("nav.audit")}
                </Link>
                <Link href="/admin/instance" className="hover:underline">
                  {t("instance.nav")}
                </Link>
              </>
            )}
          </nav>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <ActionForm action={setStaffLocaleAction} className="flex gap-1" aria-label={t("nav.language")}>
              {locales.map((locale) => (
                <button
                  type="submit"
                  key={locale}
                  name="locale"
                  value={locale}
                  lang={locale}
                  aria-pressed={locale === current}
                  className="rounded px-2 py-1 hover:bg-stone-100 aria-pressed:bg-brand-50 aria-pressed:font-semibold"
                >
                  {languageNames[locale]}
                </button>
              ))}
            </ActionForm>
            <Link href="/admin/account" className="text-stone-600 hover:underline" title={t("nav.account")}>
              {staff.email}
            </Link>
            <SignOutForm label={t("nav.signOut")} />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </div>
  );
}
