import type { PublicEvent } from "@/lib/events/data";
import { registrationState } from "@/lib/events/rules";

/** The public JSON form of an event (GET /api/events/<slug>, documented in the README). */
export function eventSummaryForApi(event: PublicEvent, now = new Date()) {
  return {
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    timeZone: event.timeZone,
    venue: { name: event.venueName, address: event.venueAddress },
    days: event.days.map((day) => ({
      date: day.date.toISOString().slice(0, 10),
      startsAt: day.startsAt.toISOString(),
      endsAt: day.endsAt.toISOString(),
    })),
    registration: {
      state: registrationState({ event, lastDayEndsAt: event.days.at(-1)?.endsAt, now }),
      opensAt: event.registrationOpensAt?.toISOString() ?? null,
      closesAt: event.registrationClosesAt?.toISOString() ?? null,
      requiresApproval: event.requiresApproval,
    },
    seats: {
      capacity: event.capacity,
      reserved: event.seats.quotas,
      left: { total: event.seats.total, byCategory: event.seats.byCategory },
    },
  };
}
