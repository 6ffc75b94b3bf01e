import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DoorCheckIn } from "@/components/check-in/door";
import { defaultDay } from "@/lib/check-in/rules";
import { getEventForStaff } from "@/lib/events/data";
import { dayBeginsAt } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";
import { requireEventAccess } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.checkIn"))("title") };
}

export default async function CheckInPage({ params }: PageProps<"/admin/events/[id]/check-in">) {
  const { id } = await params;
  const { staff, permissions } = await requireEventAccess({ event: id, permission: "event.checkIn" });
  const event = await getEventForStaff({ id });
  const day = event && defaultDay(event.days, { timeZone: event.timeZone, now: new Date() });
  if (!event || !day) notFound();
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("admin.checkIn");
  // Short enough for the day picker on a narrow phone.
  const dayLabel = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "numeric",
    month: "long",
    timeZone: event.timeZone,
  });
  return (
    <>
      <h1 className="sr-only">
        {t("title")}: {localize(event.title, locale)}
      </h1>
      <DoorCheckIn
        eventId={event.id}
        staffId={staff.id}
        keepUntil={(event.days.at(-1) ?? day).endsAt.toISOString()}
        timeZone={event.timeZone}
        days={event.days.map((eventDay) => ({
          id: eventDay.id,
          label: dayLabel.format(eventDay.startsAt),
          beginsAt: dayBeginsAt({ startsAt: eventDay.startsAt, timeZone: event.timeZone }).toISOString(),
        }))}
        defaultDayId={day.id}
        canAdmit={permissions.has("event.registrations")}
      />
    </>
  );
}
