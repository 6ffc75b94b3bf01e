import "server-only";
import { db } from "@/lib/db";

export const AUDIT_PAGE_SIZE = 100;

export type AuditFilters = {
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
  const entries = await db.auditLog.findMany({
    where: {
      ...(filters.action ? { action: { startsWith: filters.action } } : {}),
      ...(filters.actorId ? { actorId: filters.actorId } : {}),
      ...(filters.eventId ? { eventId: filters.eventId } : {}),
      ...(filters.from || filters.to ? { at: { gte: filters.from, lt: filters.to } } : {}),
      ...(filters.before ? { id: { lt: filters.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    include: { actor: { select: { email: true } } },
  });
  return { entries: entries.slice(0, AUDIT_PAGE_SIZE), more: entries.length > AUDIT_PAGE_SIZE };
}

/** What the filters offer: the actions recorded so far, staff accounts and events. */
export async function auditFilterChoices() {
  const [actions, staff, events] = await Promise.all([
    db.auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
    db.staffUser.findMany({ select: { id: true, email: true }, orderBy: { email: "asc" } }),
    db.event.findMany({ select: { id: true, slug: true }, orderBy: { createdAt: "desc" } }),
  ]);
  return { actions: actions.map((row) => row.action), staff, events };
}
