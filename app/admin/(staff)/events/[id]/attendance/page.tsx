import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { StaffLink } from "@/components/ui/staff-link";
import { setAttendanceAction } from "@/lib/check-in/actions";
import { getAttendanceGrid } from "@/lib/check-in/data";
import { defaultDay } from "@/lib/check-in/rules";
import { dayHasBegun } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import { formatDate, formatTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { fullName } from "@/lib/registrations/names";
import { requireStaffEvent } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.attendance"))("title") };
}

export default async function AttendancePage({
  params,
  searchParams,
}: PageProps<"/admin/events/[id]/attendance">) {
  const { id } = await params;
  const { event, permissions } = await requireStaffEvent({ id, permission: "event.registrations.read" });
  // A viewer reads the marks and changes none (docs/decisions/038-viewer-data-minimization.md).
  const marks = permissions.has("event.registrations");
  const requested = (await searchParams).day;
  const selected =
    event.days.find((day) => day.id === requested) ??
    defaultDay(event.days, { timeZone: event.timeZone, now: new Date() });
  const rows = await getAttendanceGrid({ eventId: event.id });
  const locale = (await getLocale()) as Locale;
  const zone = { locale, timeZone: event.timeZone };
  const t = await getTranslations("admin.attendance");
  const tc = await getTranslations("admin.checkIn");
  const confirmed = rows.filter((row) => row.status === "CONFIRMED").length;
  const presentOn = (dayId: string) =>
    rows.flatMap((row) =>
      row.attendance.filter((mark) => mark.eventDayId === dayId).map((mark) => ({ row, mark })),
    );
  const selectedMarks = selected ? presentOn(selected.id) : [];
  const now = new Date();
  const begun = new Set(
    event.days
      .filter((day) => dayHasBegun({ startsAt: day.startsAt, timeZone: event.timeZone, now }))
      .map((day) => day.id),
  );

  const markCell = (row: (typeof rows)[number], day: (typeof event.days)[number]) => {
    const present = row.attendance.some((mark) => mark.eventDayId === day.id);
    const label = { name: fullName(row), day: formatDate(day.startsAt, zone) };
    // A mark wrongly made on a day to come can still be taken away.
    if (!present && !begun.has(day.id)) return <span className="text-stone-600">{t("notBegun")}</span>;
    if (!marks) return <span data-testid="mark">{present ? t("present") : t("absent")}</span>;
    return (
      <ActionForm action={setAttendanceAction}>
        <input type="hidden" name="eventId" value={event.id} />
        <input type="hidden" name="registrationId" value={row.id} />
        <input type="hidden" name="eventDayId" value={day.id} />
        <input type="hidden" name="present" value={present ? "0" : "1"} />
        <button
          type="submit"
          aria-pressed={present}
          aria-label={present ? t("markAbsent", label) : t("markPresent", label)}
          className="min-h-10 min-w-20 rounded-md border border-stone-300 px-2 aria-pressed:border-brand-600 aria-pressed:bg-brand-600 aria-pressed:font-semibold aria-pressed:text-white"
        >
          {present ? t("present") : t("absent")}
        </button>
      </ActionForm>
    );
  };

  return (
    <div className="space-y-8">
      <PageHeader context={localize(event.title, locale)} title={t("title")}>
        {permissions.has("event.checkIn") && (
          <StaffLink href={`/admin/events/${event.id}/check-in`} className="text-brand-700 underline">
            {tc("open")}
          </StaffLink>
        )}
      </PageHeader>

      <Panel id="by-day" title={t("byDay")}>
        <ul className="flex flex-wrap gap-2">
          {event.days.map((day) => (
            <li key={day.id}>
              <StaffLink
                href={`?day=${day.id}`}
                aria-current={day.id === selected?.id ? "page" : undefined}
                className="block rounded-md border border-stone-300 bg-white px-3 py-2 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
              >
                <span className="block font-medium">{formatDate(day.startsAt, zone)}</span>
                <span className="block text-sm" data-testid="day-summary">
                  {t("summary", { present: presentOn(day.id).length, confirmed })}
                </span>
              </StaffLink>
            </li>
          ))}
        </ul>
        <DataTable
          rows={selectedMarks}
          rowKey={({ row }) => row.id}
          empty={t("nobody")}
          columns={[
            { key: "number", header: "№", className: "tabular-nums", cell: (_, index) => index + 1 },
            {
              key: "participant",
              header: t("participant"),
              cell: ({ row }) =>
                marks ? (
                  <StaffLink href={`/admin/registrations/${row.id}`} className="text-brand-700 underline">
                    {fullName(row)}
                  </StaffLink>
                ) : (
                  fullName(row)
                ),
            },
            { key: "organization", header: t("organization"), cell: ({ row }) => row.organization },
            {
              key: "markedAt",
              header: t("markedAt"),
              className: "tabular-nums",
              cell: ({ mark }) => formatTime(mark.markedAt, zone),
            },
            { key: "markedBy", header: t("markedBy"), cell: ({ mark }) => mark.markedBy?.name ?? "—" },
          ]}
        />
      </Panel>

      <Panel id="grid" title={t("grid")} hint={marks && t("rule")}>
        <DataTable
          rows={rows}
          rowKey={(row) => row.id}
          empty={t("empty")}
          columns={[
            {
              key: "participant",
              header: t("participant"),
              rowHeader: true,
              cell: (row) => (
                <>
                  {fullName(row)}
                  {row.status !== "CONFIRMED" && (
                    <span className="block text-xs font-semibold text-amber-800">{t("notConfirmed")}</span>
                  )}
                </>
              ),
            },
            ...event.days.map((day) => ({
              key: day.id,
              header: formatDate(day.startsAt, zone),
              className: "p-1 text-center",
              headerClassName: "whitespace-nowrap p-2",
              cell: (row: (typeof rows)[number]) => markCell(row, day),
            })),
            {
              key: "days",
              header: t("days"),
              className: "text-center tabular-nums",
              cell: (row) => row.attendance.length,
            },
          ]}
        />
      </Panel>
    </div>
  );
}
