import "server-only";
import { db } from "@/lib/db";
import { zonedParts } from "@/lib/events/rules";
import { localizedTextSchema } from "@/lib/events/schema";
import type { ParticipantCategory } from "@/lib/generated/prisma/enums";
import { participantCategories, type SeatsTaken, seatsLeft } from "@/lib/registrations/rules";
import type { EventScope } from "@/lib/staff/permissions";

/** Events the public may see: announced, whether or not registration is open. */
const PUBLIC_STATUSES = ["PUBLISHED", "CLOSED", "ARCHIVED"] as const;

export async function listPublicEvents({ now = new Date() }: { now?: Date } = {}) {
  const events = await db.event.findMany({
    where: { status: { in: [...PUBLIC_STATUSES] } },
    include: { days: { orderBy: { startsAt: "asc" } } },
  });
  const lastDay = (event: (typeof events)[number]) => event.days.at(-1)?.endsAt ?? event.createdAt;
  const firstDay = (event: (typeof events)[number]) => event.days[0]?.startsAt ?? event.createdAt;
  return {
    upcoming: events
      .filter((event) => lastDay(event) >= now && event.status !== "ARCHIVED")
      .sort((a, b) => firstDay(a).getTime() - firstDay(b).getTime()),
    past: events
      .filter((event) => lastDay(event) < now || event.status === "ARCHIVED")
      .sort((a, b) => firstDay(b).getTime() - firstDay(a).getTime()),
  };
}

export async function getPublicEvent({ slug }: { slug: string }) {
  const event = await db.event.findFirst({
    where: { slug, status: { in: [...PUBLIC_STATUSES] } },
    include: {
      days: { orderBy: { startsAt: "asc" } },
      quotas: true,
      parties: { orderBy: [{ role: "asc" }, { position: "asc" }] },
    },
  });
  if (!event) return null;
  const taken = await countConfirmedByCategory({ eventId: event.id });
  const quotas = Object.fromEntries(event.quotas.map((quota) => [quota.category, quota.seats]));
  return { ...event, seats: { ...seatsLeft({ capacity: event.capacity, quotas }, taken), quotas } };
}

export type PublicEvent = NonNullable<Awaited<ReturnType<typeof getPublicEvent>>>;

async function countConfirmedByCategory({ eventId }: { eventId: string }): Promise<SeatsTaken> {
  const rows = await db.registration.groupBy({
    by: ["category"],
    where: { eventId, status: "CONFIRMED" },
    _count: { _all: true },
  });
  const taken = Object.fromEntries(participantCategories.map((category) => [category, 0])) as Record<
    ParticipantCategory,
    number
  >;
  for (const row of rows) taken[row.category] = row._count._all;
  return taken;
}

/** Every event, newest first, with the numbers staff look at first. */
export async function listEventsForStaff({ events: scope }: { events: EventScope }) {
  const events = await db.event.findMany({
    where: scope === "every" ? {} : { id: { in: [...scope] } },
    orderBy: { createdAt: "desc" },
    include: {
      days: { orderBy: { startsAt: "asc" }, take: 1 },
      organization: { select: { name: true } },
    },
  });
  const counts = await db.registration.groupBy({
    by: ["eventId", "status"],
    where: { eventId: { in: events.map((event) => event.id) } },
    _count: { _all: true },
  });
  return events.map((event) => {
    const count = (status: string) =>
      counts.find((row) => row.eventId === event.id && row.status === status)?._count._all ?? 0;
    return {
      ...event,
      counts: { confirmed: count("CONFIRMED"), waitlisted: count("WAITLISTED"), pending: count("PENDING") },
    };
  });
}

export function getEventForStaff({ id }: { id: string }) {
  return db.event.findUnique({
    where: { id },
    include: { quotas: true, days: { orderBy: { startsAt: "asc" } } },
  });
}

/** An event as its settings form shows it: wall-clock times in its own zone. */
export async function getEventSettingsValues({ id }: { id: string }) {
  const event = await db.event.findUnique({
    where: { id },
    include: { days: { orderBy: { startsAt: "asc" } }, quotas: true },
  });
  if (!event) return null;
  const local = (instant: Date | null) => {
    if (!instant) return "";
    const { date, time } = zonedParts(instant, event.timeZone);
    return `${date}T${time}`;
  };
  return {
    event,
    values: {
      slug: event.slug,
      title: localizedTextSchema.parse(event.title),
      summary: localizedTextSchema.parse(event.summary),
      description: localizedTextSchema.parse(event.description),
      audience: localizedTextSchema.parse(event.audience),
      venueName: localizedTextSchema.parse(event.venueName),
      venueAddress: localizedTextSchema.parse(event.venueAddress),
      timeZone: event.timeZone,
      registrationOpensAt: local(event.registrationOpensAt),
      registrationClosesAt: local(event.registrationClosesAt),
      capacity: String(event.capacity),
      quotas: Object.fromEntries(event.quotas.map((quota) => [quota.category, String(quota.seats)])),
      requiresApproval: event.requiresApproval,
      contactEmail: event.contactEmail ?? "",
      retentionDays: event.retentionDays === null ? "" : String(event.retentionDays),
      days: event.days.map((day) => ({
        date: zonedParts(day.startsAt, event.timeZone).date,
        start: zonedParts(day.startsAt, event.timeZone).time,
        end: zonedParts(day.endsAt, event.timeZone).time,
      })),
    },
  };
}

/** An event's id by its slug, whatever its status (the command line names events by slug). */
export async function findEventIdBySlug({ slug }: { slug: string }): Promise<string | undefined> {
  return (await db.event.findUnique({ where: { slug }, select: { id: true } }))?.id;
}
