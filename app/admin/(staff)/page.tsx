import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { listEventsForStaff } from "@/lib/events/data";
import { localize } from "@/lib/events/schema";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { ORGANIZERS, requireStaff } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function StaffEventsPage() {
  await requireStaff(ORGANIZERS);
  const t = await getTranslations("admin.events");
  const locale = (await getLocale()) as Locale;
  const events = await listEventsForStaff();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {events.length === 0 && <p>{t("empty")}</p>}
      <ul className="space-y-3">
        {events.map((event) => (
          <li key={event.id} className="rounded-lg border border-stone-200 bg-white p-4">
            <p className="text-sm text-stone-600">
              {event.days[0] && formatDate(event.days[0].startsAt, { locale, timeZone: event.timeZone })} ·{" "}
              {event.status}
            </p>
            <h2 className="font-semibold">{localize(event.title, locale)}</h2>
            <p className="text-sm">{t("counts", { ...event.counts, capacity: event.capacity })}</p>
            <Link href={`/admin/events/${event.id}`} className="mt-2 inline-block text-brand-700 underline">
              {t("open")}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
