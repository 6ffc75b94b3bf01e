import "server-only";
import { db } from "@/lib/db";
import type { EventScope } from "@/lib/staff/permissions";

export const AUDIT_PAGE_SIZE = 100;

export type AuditFilters = {
  /**
   * The events whose entries the reader may see (decision 041): "every"
   * shows every entry, those of no event too; a list, only its events'.
   */
  events: EventScope;
  action?: string;
  actorId?: string;
  eventId?: string;
  /** Entries at or after this instant… */
  from?: Date;
  /** …and before this one. */
  to?: Date;
  /** Older than this entry: the next page. */
  before?: bigint;
};

/** The audit log, newest first, a page at a time (keyset on the id, so deep pages cost the same). */
export async function listAuditLog(filters: AuditFilters) {
  const eventId = {
    ...(filters.events === "every" ? {} : { in: [...filters.events] }),
    ...(filters.eventId ? { equals: filters.eventId } : {}),
  };
  const entries = await db.auditLog.findMany({
    where: {
      eventId,
      ...(filters.action ? { action: { startsWith: filters.action } } : {}),
      ...(filters.actorId ? { actorId: filters.actorId } : {}),
      ...(filters.from || filters.to ? { at: { gte: filters.from, lt: filters.to } } : {}),
      ...(filters.before ? { id: { lt: filters.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { email: true } } },
  });
  return { entries: entries.slice(0, AUDIT_PAGE_SIZE), more: entries.length > AUDIT_PAGE_SIZE };
}

/**
 * What the filters offer: the actions recorded so far, staff accounts and
 * events; for a reader of some events, only what their entries name.
 */
export async function auditFilterChoices({ events: scope }: { events: EventScope }) {
  const inScope = scope === "every" ? {} : { eventId: { in: [...scope] } };
  const [actions, staff, events] = await Promise.all([
    db.auditLog.findMany({
      where: inScope,
      distinct: ["action"],
      select: { action: true },
      orderBy: { action: "asc" },
    }),
    db.staffUser.findMany({
      where: scope === "every" ? {} : { auditEntries: { some: inScope } },
      select: { id: true, email: true },
      orderBy: { email: "asc" },
    }),
    db.event.findMany({
      where: scope === "every" ? {} : { id: { in: [...scope] } },
      select: { id: true, slug: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return { actions: actions.map((row) => row.action), staff, events };
}

/**
 * Who and what a page of entries names by id, to show as words and links:
 * registrations by the person's name, events by title, staff accounts by
 * email, letters by their kind, event days by their date. An id with no row
 * left (an erased registration) is simply absent.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function auditSubjects(
  entries: { entityType: string; entityId: string; action: string; data: unknown }[],
) {
  // Only ids shaped as the columns' uuids: an odd value must not fail the page.
  const uuids = (values: unknown[]) => [
    ...new Set(values.filter((value): value is string => typeof value === "string" && UUID.test(value))),
  ];
  const ids = (type: string) =>
    uuids(entries.filter((entry) => entry.entityType === type).map((entry) => entry.entityId));
  const fromData = (key: string) =>
    uuids(entries.map((entry) => (entry.data as Record<string, unknown> | null)?.[key]));
  const [registrations, events, staff, letters, days] = await Promise.all([
    db.registration.findMany({
      where: { id: { in: ids("registration") } },
      select: { id: true, lastName: true, firstName: true, patronymic: true },
    }),
    db.event.findMany({
      where: { id: { in: [...ids("event"), ...fromData("from")] } },
      select: { id: true, title: true },
    }),
    db.staffUser.findMany({ where: { id: { in: ids("staff_user") } }, select: { id: true, email: true } }),
    db.outboxMessage.findMany({
      where: { id: { in: ids("outbox_message") } },
      select: { id: true, template: true, registrationId: true },
    }),
    db.eventDay.findMany({
      where: { id: { in: fromData("day") } },
      select: { id: true, startsAt: true, event: { select: { timeZone: true } } },
    }),
  ]);
  return {
    registrations: new Map(registrations.map((row) => [row.id, row])),
    events: new Map(events.map((row) => [row.id, row])),
    staff: new Map(staff.map((row) => [row.id, row])),
    letters: new Map(letters.map((row) => [row.id, row])),
    days: new Map(days.map((row) => [row.id, { startsAt: row.startsAt, timeZone: row.event.timeZone }])),
  };
}

export type AuditSubjects = Awaited<ReturnType<typeof auditSubjects>>;
