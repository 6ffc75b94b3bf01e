import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { StatisticsSection } from "@/components/statistics/statistics-section";
import { localize } from "@/lib/events/schema";
import { formatDateRange } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { genders } from "@/lib/registrations/schema";
import { ALL_STAFF, requireSome, requireStaff, staffEvents } from "@/lib/staff/require-staff";
import { getYearStatistics, listStatisticsYears } from "@/lib/statistics/data";

export const dynamic = "force-dynamic";

const yearSchema = z.coerce.number().int().min(2000).max(2100);

/** A year of seminars: each event's figures, and the people counted once. */
export default async function YearStatisticsPage({ searchParams }: PageProps<"/admin/statistics">) {
  const staff = await requireStaff(ALL_STAFF);
  const events = requireSome((await staffEvents(staff)).scope("event.statistics"));
  const years = await listStatisticsYears({ events });
  const requested = yearSchema.safeParse((await searchParams).year);
  const year = requested.success ? requested.data : (years[0] ?? new Date().getFullYear());
  const summary = await getYearStatistics({ year, events });
  const t = await getTranslations("admin.statistics");
  const tg = await getTranslations("gender");
  const locale = (await getLocale()) as Locale;
  const cell = "p-2 text-right tabular-nums";

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("yearTitle", { year })}</h1>
        <nav aria-label={t("year")} className="flex flex-wrap gap-3 text-sm">
          {years.map((candidate) => (
            <Link
              key={candidate}
              href={`/admin/statistics?year=${candidate}`}
              aria-current={candidate === year ? "page" : undefined}
              className="text-brand-700 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
            >
              {candidate}
            </Link>
          ))}
        </nav>
      </header>

      <StatisticsSection
        table={{
          id: "year-people",
          title: t("summary"),
          head: [t("group"), t("people"), t("peopleAttended")],
          rows: genders.map((gender) => ({
            name: tg(gender),
            values: [summary.people.byGender[gender].people, summary.people.byGender[gender].attended],
          })),
          total: [summary.people.total, summary.people.attended],
        }}
      />

      <section aria-labelledby="events" className="space-y-2 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="events" className="text-lg font-semibold">
          {t("events")}
        </h2>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard (axe: scrollable-region-focusable). */}
        <section className="overflow-x-auto" aria-labelledby="events" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="p-2">
                  {t("event")}
                </th>
                <th scope="col" className="p-2">
                  {t("dates")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("registered")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("confirmed")}
                </th>
                <th scope="col" className="p-2 text-right">
                  {t("attended")}
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.events.map((event) => (
                <tr key={event.id} className="border-t border-stone-200">
                  <th scope="row" className="p-2 font-normal">
                    <Link href={`/admin/events/${event.id}/statistics`} className="text-brand-700 underline">
                      {localize(event.title, locale)}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap p-2">
                    {formatDateRange(event.firstDay, event.lastDay, { locale, timeZone: "UTC" })}
                  </td>
                  <td className={cell}>{event.registered}</td>
                  <td className={cell}>{event.confirmed}</td>
                  <td className={cell}>{event.attended}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>
    </div>
  );
}
