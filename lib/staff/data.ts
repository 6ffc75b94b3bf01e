import "server-only";
import { db } from "@/lib/db";
import { isSessionLive, SESSION_ABSOLUTE_SECONDS } from "@/lib/staff/rules";

export function findStaffByEmail({ email }: { email: string }) {
  return db.staffUser.findUnique({ where: { email } });
}

const staffAccountFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  expiresAt: true,
  sessionVersion: true,
  totpEnabledAt: true,
  mustChangePassword: true,
  organizationId: true,
} as const;

/**
 * A session with its account as they are now, in one read: the session's
 * end, the role, the disabled flag and the session version are checked on
 * every request.
 */
export function getStaffSession({ id }: { id: string }) {
  return db.staffSession.findUnique({
    where: { id },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      staff: { select: staffAccountFields },
    },
  });
}

export type StaffAccount = NonNullable<Awaited<ReturnType<typeof getStaffSession>>>["staff"];

/** The account's sessions that still open the staff area, newest use first. */
export async function listActiveSessions({ staffId, now = new Date() }: { staffId: string; now?: Date }) {
  const sessions = await db.staffSession.findMany({
    // Narrowed to what could still be live; isSessionLive decides, as for every request.
    where: {
      staffId,
      revokedAt: null,
      createdAt: { gt: new Date(now.getTime() - SESSION_ABSOLUTE_SECONDS * 1000) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, device: true, createdAt: true, lastSeenAt: true, revokedAt: true },
  });
  return sessions.filter((session) => isSessionLive(session, now));
}

/** Every staff account for the admins' list, active ones first. */
export function listStaffAccounts() {
  return db.staffUser.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      createdAt: true,
      organizationId: true,
    },
  });
}

/** The second factor of an account as its owner sees it. */
export async function getSecondFactorState({ staffId }: { staffId: string }) {
  const [staff, recoveryCodesLeft] = await Promise.all([
    db.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { totpEnabledAt: true } }),
    db.staffRecoveryCode.count({ where: { staffId } }),
  ]);
  return { enabledAt: staff.totpEnabledAt, recoveryCodesLeft };
}

/** What an event-scoped entry point names: an event, or objects of one; all must be of the same event. */
export type EventRef = {
  event?: string;
  registration?: string;
  /** An outbox letter. */
  letter?: string;
  /** A letter as the mailbox keeps it. */
  mailbox?: string;
  day?: string;
};

/**
 * The event each named object belongs to, one read per object: undefined
 * for an object that does not exist, null for a letter of no event.
 */
function eventOfObject(kind: keyof EventRef, id: string): Promise<string | null | undefined> {
  const eventId = (row: { eventId: string | null } | null) => (row ? row.eventId : undefined);
  switch (kind) {
    case "event":
      return db.event.findUnique({ where: { id }, select: { id: true } }).then((row) => row?.id);
    case "registration":
      return db.registration.findUnique({ where: { id }, select: { eventId: true } }).then(eventId);
    case "letter":
      return db.outboxMessage.findUnique({ where: { id }, select: { eventId: true } }).then(eventId);
    case "day":
      return db.eventDay.findUnique({ where: { id }, select: { eventId: true } }).then(eventId);
    case "mailbox":
      return eventOfMailboxLetter(id);
  }
}

async function eventOfMailboxLetter(id: string): Promise<string | null | undefined> {
  const kept = await db.mailboxMessage.findUnique({ where: { id }, select: { outboxMessageId: true } });
  if (!kept) return undefined;
  if (!kept.outboxMessageId) return null;
  const letter = await db.outboxMessage.findUnique({
    where: { id: kept.outboxMessageId },
    select: { eventId: true },
  });
  return letter?.eventId ?? null;
}

/**
 * The one event the reference names, with its organization and the caller's
 * role on its team: undefined when an object does not exist or they are of
 * different events; `eventId: null` for what belongs to no event (a letter of none).
 */
export async function resolveEventRef({ ref, staffId }: { ref: EventRef; staffId: string }) {
  const entries = Object.entries(ref).filter((entry): entry is [keyof EventRef, string] => !!entry[1]);
  const found = await Promise.all(entries.map(([kind, id]) => eventOfObject(kind, id)));
  const eventIds = new Set(found);
  const [eventId] = eventIds;
  if (eventIds.size !== 1 || eventId === undefined) return undefined;
  if (eventId === null) return { eventId: null, organizationId: null, eventRole: null };
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: { organizationId: true, team: { where: { staffId }, select: { role: true } } },
  });
  if (!event) return undefined;
  return { eventId, organizationId: event.organizationId, eventRole: event.team[0]?.role ?? null };
}

/** The ids of the events on whose team the account is, with its role there. */
export function listMemberships({ staffId }: { staffId: string }) {
  return db.eventMembership.findMany({ where: { staffId }, select: { eventId: true, role: true } });
}

/** The ids of an organization's events. */
export async function listOrganizationEventIds({ organizationId }: { organizationId: string }) {
  const events = await db.event.findMany({ where: { organizationId }, select: { id: true } });
  return events.map((event) => event.id);
}
