import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime, STAFF_TIME_ZONE } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { listMailbox } from "@/lib/mailbox/data";
import { ALL_STAFF, requireSome, requireStaff, staffEvents } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  const staff = await requireStaff(ALL_STAFF);
  const events = requireSome((await staffEvents(staff)).scope("event.letters"));
  const t = await getTranslations("admin.mailbox");
  const locale = (await getLocale()) as Locale;
  const letters = await listMailbox({ events });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="text-stone-700">{t("explain")}</p>
      {letters.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{t("at")}</th>
                <th className="p-2">{t("to")}</th>
                <th className="p-2">{t("subject")}</th>
              </tr>
            </thead>
            <tbody>
              {letters.map((letter) => (
                <tr key={letter.id} className="border-t border-stone-200">
                  <td className="whitespace-nowrap p-2">
                    {formatDateTime(letter.createdAt, { locale, timeZone: STAFF_TIME_ZONE })}
                  </td>
                  <td className="p-2">{letter.toAddress}</td>
                  <td className="p-2">
                    <Link href={`/admin/mailbox/${letter.id}`} className="text-brand-700 underline">
                      {letter.subject}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
