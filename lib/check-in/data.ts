import "server-only";
import type { Roster } from "@/lib/check-in/schema";
import { db } from "@/lib/db";

/**
 * What a door phone keeps for an event: every registration (those not
 * confirmed are shown flagged) and every mark of every day, so that any of
 * the event's days can be worked offline.
 */
export async function getRoster({
  eventId,
  now = new Date(),
}: {
  eventId: string;
  now?: Date;
}): Promise<Roster> {
  const [participants, marks] = await Promise.all([
    db.registration.findMany({
      where: { eventId },
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { number: "asc" }],
      select: {
        id: true,
        lastName: true,
        firstName: true,
        patronymic: true,
        organization: true,
        checkInCode: true,
        status: true,
      },
    }),
    db.attendance.findMany({
      where: { eventDay: { eventId } },
      select: {
        registrationId: true,
        eventDayId: true,
        markedAt: true,
        clientMarkId: true,
        markedBy: { select: { name: true } },
      },
    }),
  ]);
  return {
    fetchedAt: now.toISOString(),
    participants: participants.map(({ checkInCode, ...participant }) => ({
      ...participant,
      code: checkInCode,
    })),
    marks: marks.map((mark) => ({
      registrationId: mark.registrationId,
      eventDayId: mark.eventDayId,
      markedAt: mark.markedAt.toISOString(),
      markedBy: mark.markedBy?.name ?? null,
      clientMarkId: mark.clientMarkId,
    })),
  };
}

/** The attendance page: who was present on which day, and those who were expected. */
export function getAttendanceGrid({ eventId }: { eventId: string }) {
  return db.registration.findMany({
    where: { eventId, OR: [{ status: "CONFIRMED" }, { attendance: { some: {} } }] },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { number: "asc" }],
    select: {
      id: true,
      lastName: true,
      firstName: true,
      patronymic: true,
      organization: true,
      status: true,
      attendance: {
        select: { eventDayId: true, markedAt: true, markedBy: { select: { name: true } } },
      },
    },
  });
}
