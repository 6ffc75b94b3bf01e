import "server-only";
import { db } from "@/lib/db";
import { listEventLogoFiles } from "@/lib/images/data";
import type { QuestionText } from "@/lib/questions/schema";

/**
 * What one day's signature sheet shows: the event, the day, and every
 * confirmed participant with whether they were marked present that day, and
 * the contact and sector the organizer may choose to print beside them.
 * Null when the day is not one of the event's.
 */
export async function getSignatureSheetData({ eventId, dayId }: { eventId: string; dayId: string }) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    include: {
      days: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, endsAt: true } },
      parties: { where: { role: "ORGANIZER" }, orderBy: { position: "asc" }, select: { name: true } },
      regions: { orderBy: { position: "asc" }, select: { code: true, label: true } },
    },
  });
  const dayIndex = event?.days.findIndex((day) => day.id === dayId) ?? -1;
  const day = event?.days[dayIndex];
  if (!event || !day) return null;
  const [participants, attendanceCount, logos] = await Promise.all([
    db.registration.findMany({
      where: { eventId, status: "CONFIRMED" },
      select: {
        lastName: true,
        firstName: true,
        patronymic: true,
        organization: true,
        position: true,
        phone: true,
        email: true,
        gender: true,
        category: true,
        region: true,
        attendance: { where: { eventDayId: dayId }, select: { id: true } },
      },
    }),
    db.attendance.count({ where: { eventDayId: dayId } }),
    listEventLogoFiles({ eventId }),
  ]);
  return {
    event: {
      ...event,
      regions: event.regions.map((region) => ({ code: region.code, label: region.label as QuestionText })),
    },
    day: { ...day, number: dayIndex + 1 },
    attendanceCount,
    logos,
    participants: participants.map(({ attendance, ...participant }) => ({
      ...participant,
      present: attendance.length > 0,
    })),
  };
}

export type SignatureSheetData = NonNullable<Awaited<ReturnType<typeof getSignatureSheetData>>>;

/** The days a sheet can be printed for, in order. */
export function listSheetDays({ eventId }: { eventId: string }) {
  return db.eventDay.findMany({
    where: { eventId },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true },
  });
}
