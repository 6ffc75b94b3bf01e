import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { setAttendanceAction } from "@/lib/check-in/actions";
import { getAttendanceGrid } from "@/lib/check-in/data";
import { defaultDay } from "@/lib/check-in/rules";
import { getEventForStaff } from "@/lib/events/data";
import { dayHasBegun } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import { formatDate, formatTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { fullName } from "@/lib/registrations/names";
import { requireEventAccess } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.attendance"))("title") };
}

export default async function AttendancePage({
  params,
  searchParams,
}: PageProps<"/admin/events/[id]/attendance">) {
  const { id } = await params;
  const { permissions } = await requireEventAccess({ event: id, permission: "event.registrations.read" });
  // A viewer reads the marks and changes none (docs/decisions/038-viewer-data-minimization.md).
  const marks = permissions.has("event.registrations");
  const event = await getEventForStaff({ id });
  if (!event) notFound();
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

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-stone-600">{localize(event.title, locale)}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        {permissions.has("event.checkIn") && (
          <Link href={`/admin/events/${event.id}/check-in`} className="text-brand-700 underline">
            {tc("open")}
          </Link>
        )}
      </header>

      <section aria-labelledby="by-day" className="space-y-3">
        <h2 id="by-day" className="text-lg font-semibold">
          {t("byDay")}
        </h2>
        <ul className="flex flex-wrap gap-2">
          {event.days.map((day) => (
            <li key={day.id}>
              <Link
                href={`?day=${day.id}`}
                aria-current={day.id === selected?.id ? "page" : undefined}
                className="block rounded-md border border-stone-300 bg-white px-3 py-2 aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-50"
              >
                <span className="block font-medium">{formatDate(day.startsAt, zone)}</span>
                <span className="block text-sm" data-testid="day-summary">
                  {t("summary", { present: presentOn(day.id).length, confirmed })}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        {selectedMarks.length === 0 ? (
          <p>{t("nobody")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  <th className="p-2">№</th>
                  <th className="p-2">{t("participant")}</th>
                  <th className="p-2">{t("organization")}</th>
                  <th className="p-2">{t("markedAt")}</th>
                  <th className="p-2">{t("markedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {selectedMarks.map(({ row, mark }, index) => (
                  <tr key={row.id} className="border-t border-stone-200">
                    <td className="p-2 tabular-nums">{index + 1}</td>
                    <td className="p-2">
                      {marks ? (
                        <Link href={`/admin/registrations/${row.id}`} className="text-brand-700 underline">
                          {fullName(row)}
                        </Link>
                      ) : (
                        fullName(row)
                      )}
                    </td>
                    <td className="p-2">{row.organization}</td>
                    <td className="p-2 tabular-nums">{formatTime(mark.markedAt, zone)}</td>
                    <td className="p-2">{mark.markedBy?.name ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="grid" className="space-y-3">
        <h2 id="grid" className="text-lg font-semibold">
          {t("grid")}
        </h2>
        {marks && <p className="text-sm text-stone-600">{t("rule")}</p>}
        {rows.length === 0 ? (
          <p>{t("empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  <th className="p-2">{t("participant")}</th>
                  {event.days.map((day) => (
                    <th key={day.id} className="whitespace-nowrap p-2 text-center">
                      {formatDate(day.startsAt, zone)}
                    </th>
                  ))}
                  <th className="p-2 text-center">{t("days")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} className="border-t border-stone-200">
                    <th scope="row" className="p-2 font-normal">
                      {fullName(row)}
                      {row.status !== "CONFIRMED" && (
                        <span className="block text-xs font-semibold text-amber-800">
                          {t("notConfirmed")}
                        </span>
                      )}
                    </th>
                    {event.days.map((day) => {
                      const present = row.attendance.some((mark) => mark.eventDayId === day.id);
                      const label = { name: fullName(row), day: formatDate(day.startsAt, zone) };
                      // A mark wrongly made on a day to come can still be taken away.
                      if (!present && !begun.has(day.id)) {
                        return (
                          <td key={day.id} className="p-1 text-center text-stone-600">
                            {t("notBegun")}
                          </td>
                        );
                      }
                      if (!marks) {
                        return (
                          <td key={day.id} className="p-1 text-center" data-testid="mark">
                            {present ? t("present") : t("absent")}
                          </td>
                        );
                      }
                      return (
                        <td key={day.id} className="p-1 text-center">
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
                        </td>
                      );
                    })}
                    <td className="p-2 text-center tabular-nums">{row.attendance.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
