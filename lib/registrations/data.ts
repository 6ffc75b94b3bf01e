import "server-only";
import { db } from "@/lib/db";
import type { ParticipantCategory, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { type RegistrationFilters, registrationOrder, registrationWhere } from "@/lib/registrations/filters";
import { hashToken } from "@/lib/registrations/tokens";

/** The registration a management link opens, with its event; null for an unknown token. */
export async function getRegistrationByToken({ token }: { token: string }) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
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
 * One page of an event's registrations for staff. The search matches any part
 * of the name, email, organization, position or phone, in any case.
 */
export async function listRegistrations({
  eventId,
  filters,
  page,
}: {
  eventId: string;
  filters: RegistrationFilters;
  page: number;
}) {
  const where = registrationWhere(eventId, filters);
  const [total, rows] = await Promise.all([
    db.registration.count({ where }),
    db.registration.findMany({
      where,
      orderBy: registrationOrder(filters),
      skip: (page - 1) * REGISTRATIONS_PAGE_SIZE,
      take: REGISTRATIONS_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        category: true,
        region: true,
        lastName: true,
        firstName: true,
        patronymic: true,
        email: true,
        organization: true,
        position: true,
        createdAt: true,
      },
    }),
  ]);
  return { total, rows, pages: Math.max(1, Math.ceil(total / REGISTRATIONS_PAGE_SIZE)) };
}

/** How many registrations an event has in each status and, for confirmed ones, each sector. */
export async function countRegistrations({ eventId }: { eventId: string }) {
  const rows = await db.registration.groupBy({
    by: ["status", "category"],
    where: { eventId },
    _count: { _all: true },
  });
  const byStatus: Partial<Record<RegistrationStatus, number>> = {};
  const confirmedByCategory: Partial<Record<ParticipantCategory, number>> = {};
  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + row._count._all;
    if (row.status === "CONFIRMED") confirmedByCategory[row.category] = row._count._all;
  }
  return { byStatus, confirmedByCategory };
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
