import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ParticipantCategory, RegistrationStatus } from "@/lib/generated/prisma/enums";
import {
  type RegistrationFilters,
  type RegistrationPageStart,
  registrationCursor,
  registrationOrder,
  registrationsBeyond,
  registrationWhere,
} from "@/lib/registrations/filters";
import { hashToken, manageTokenSchema } from "@/lib/registrations/tokens";

/** The registration a management link opens, with its event; null for an unknown token. */
export async function getRegistrationByToken({ token }: { token: string }) {
  if (!manageTokenSchema.safeParse(token).success) return null;
  const registration = await db.registration.findUnique({
    where: { manageTokenHash: hashToken(token) },
    include: { event: { include: { days: { orderBy: { startsAt: "asc" } } } } },
  });
  if (!registration) return null;
  return { ...registration, waitlistPosition: await waitlistPosition(registration) };
}

/** 1 for the first in line of their sector; undefined when not waiting. */
export async function waitlistPosition(registration: {
  eventId: string;
  category: ParticipantCategory;
  status: RegistrationStatus;
  number: number;
}): Promise<number | undefined> {
  if (registration.status !== "WAITLISTED") return undefined;
  const ahead = await db.registration.count({
    where: {
      eventId: registration.eventId,
      category: registration.category,
      status: "WAITLISTED",
      number: { lt: registration.number },
    },
  });
  return ahead + 1;
}

export type ManagedRegistration = NonNullable<Awaited<ReturnType<typeof getRegistrationByToken>>>;

export const REGISTRATIONS_PAGE_SIZE = 50;

/**
 * One page of an event's registrations for staff, from a cursor rather than
 * an offset: a page far into the list costs what the first one does. The
 * search matches any part of the name, email, organization, position or
 * phone, in any case. `previous` and `next` start the neighbouring pages,
 * when there are rows there.
 *
 * `contacts: false` (a caller without `event.contacts`, a viewer) reads no
 * contact column at all and searches names, organizations and positions
 * only, so that a typed address or phone confirms nothing
 * (docs/decisions/038-viewer-data-minimization.md).
 */
export async function listRegistrations({
  eventId,
  filters,
  start,
  contacts,
}: {
  eventId: string;
  filters: RegistrationFilters;
  start?: RegistrationPageStart;
  contacts: boolean;
}): Promise<{ rows: ListedRegistration[]; previous?: RegistrationPageStart; next?: RegistrationPageStart }> {
  const where = registrationWhere(eventId, filters, { contacts });
  const backwards = start?.backwards ?? false;
  // One row more than a page says whether the list goes on beyond it.
  const found = await db.registration.findMany({
    where: start ? { AND: [where, registrationsBeyond(filters, start)] } : where,
    orderBy: registrationOrder(filters, { backwards }),
    take: REGISTRATIONS_PAGE_SIZE + 1,
    select: contacts ? listedColumns : listedWithoutContacts,
  });
  const more = found.length > REGISTRATIONS_PAGE_SIZE;
  // Back at the list's start, or past its end (rows changed since the link
  // was made): the first page, whole.
  if (start && (backwards ? !more : found.length === 0))
    return listRegistrations({ eventId, filters, contacts });
  const rows = found.slice(0, REGISTRATIONS_PAGE_SIZE);
  if (backwards) rows.reverse();
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows,
    // Going forwards, the cursor's own row lies behind; going backwards, ahead.
    previous:
      first && start && (!backwards || more)
        ? { cursor: registrationCursor(filters, first), backwards: true }
        : undefined,
    next:
      last && (backwards || more)
        ? { cursor: registrationCursor(filters, last), backwards: false }
        : undefined,
  };
}

/** What a viewer's list reads: who, from where, in which sector, and where the registration stands. */
const listedWithoutContacts = {
  id: true,
  number: true,
  status: true,
  category: true,
  region: true,
  lastName: true,
  firstName: true,
  patronymic: true,
  organization: true,
  position: true,
  createdAt: true,
} as const;

const listedColumns = { ...listedWithoutContacts, email: true } as const;

/** A row of the list; `email` only when it was read with contacts. */
type ListedRegistration = Prisma.RegistrationGetPayload<{ select: typeof listedWithoutContacts }> & {
  email?: string;
};

/**
 * How many registrations an event has in each status and sector (`cells`,
 * kept by a trigger in registration_count); from them, in each status, and
 * confirmed in each sector.
 */
export async function countRegistrations({ eventId }: { eventId: string }) {
  const cells = await db.registrationCount.findMany({
    where: { eventId, count: { gt: 0 } },
    select: { status: true, category: true, count: true },
  });
  const byStatus: Partial<Record<RegistrationStatus, number>> = {};
  const confirmedByCategory: Partial<Record<ParticipantCategory, number>> = {};
  for (const cell of cells) {
    byStatus[cell.status] = (byStatus[cell.status] ?? 0) + cell.count;
    if (cell.status === "CONFIRMED") confirmedByCategory[cell.category] = cell.count;
  }
  return { cells, byStatus, confirmedByCategory };
}

/** Beyond this many matching rows the list says "more than", rather than count them all on every page. */
export const FOUND_COUNT_LIMIT = 10_000;

/**
 * How many registrations the list's filters find, counting rows only when
 * nothing else tells: filters of status and sector alone add up the event's
 * counts; a list that fits on its first page (`onePage`, its rows) is its
 * length; anything else is counted up to FOUND_COUNT_LIMIT (`more` beyond).
 */
export async function countFound({
  eventId,
  filters,
  counts,
  onePage,
  contacts,
}: {
  eventId: string;
  filters: RegistrationFilters;
  counts: Awaited<ReturnType<typeof countRegistrations>>;
  onePage?: number;
  /** As the list was read (listRegistrations). */
  contacts: boolean;
}): Promise<{ count: number; more: boolean }> {
  const { status, category, sort: _sort, desc: _desc, ...narrowing } = filters;
  if (Object.values(narrowing).every((value) => value === undefined)) {
    const cells = counts.cells.filter(
      (cell) => (!status || cell.status === status) && (!category || cell.category === category),
    );
    return { count: cells.reduce((sum, cell) => sum + cell.count, 0), more: false };
  }
  if (onePage !== undefined) return { count: onePage, more: false };
  const counted = await db.registration.count({
    where: registrationWhere(eventId, filters, { contacts }),
    take: FOUND_COUNT_LIMIT + 1,
  });
  return { count: Math.min(counted, FOUND_COUNT_LIMIT), more: counted > FOUND_COUNT_LIMIT };
}

/** One registration for staff: details, the letters sent about it, and its history. */
export async function getRegistrationForStaff({ id }: { id: string }) {
  const registration = await db.registration.findUnique({
    where: { id },
    include: {
      event: { select: { id: true, title: true, timeZone: true } },
      outbox: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          template: true,
          toAddress: true,
          status: true,
          attempts: true,
          sentAt: true,
          lastError: true,
          createdAt: true,
        },
      },
    },
  });
  if (!registration) return null;
  const history = await db.auditLog.findMany({
    where: { entityType: "registration", entityId: id },
    orderBy: { at: "asc" },
    include: { actor: { select: { email: true } } },
  });
  return { ...registration, history };
}
