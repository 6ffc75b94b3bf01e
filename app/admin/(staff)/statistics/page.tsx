import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { StatisticsSection } from "@/components/statistics/statistics-section";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { StaffLink } from "@/components/ui/staff-link";
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

  return (
    <div className="space-y-6">
      <PageHeader title={t("yearTitle", { year })}>
        <nav aria-label={t("year")} className="flex flex-wrap gap-3 text-sm">
          {years.map((candidate) => (
            <StaffLink
              key={candidate}
              href={`/admin/statistics?year=${candidate}`}
              aria-current={candidate === year ? "page" : undefined}
              className="text-brand-700 underline aria-[current=page]:font-semibold aria-[current=page]:no-underline"
            >
              {candidate}
            </StaffLink>
          ))}
        </nav>
      </PageHeader>

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

      <Panel id="events" title={t("events")}>
        <DataTable
          rows={summary.events}
          rowKey={(event) => event.id}
          empty={t("noEvents")}
          columns={[
            {
              key: "event",
              header: t("event"),
              rowHeader: true,
              // A long title keeps a readable width on a phone; the figures scroll sideways.
              className: "min-w-48",
              cell: (event) => (
                <StaffLink href={`/admin/events/${event.id}/statistics`} className="text-brand-700 underline">
                  {localize(event.title, locale)}
                </StaffLink>
              ),
            },
            {
              key: "dates",
              header: t("dates"),
              cell: (event) => formatDateRange(event.firstDay, event.lastDay, { locale, timeZone: "UTC" }),
              className: "min-w-32",
            },
            ...(["registered", "confirmed", "attended"] as const).map((key) => ({
              key,
              header: t(key),
              cell: (event: (typeof summary.events)[number]) => event[key],
              className: "text-right tabular-nums",
            })),
          ]}
        />
      </Panel>
    </div>
  );
}
