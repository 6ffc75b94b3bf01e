import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";

const letterInclude = {
  event: {
    include: {
      days: { orderBy: { startsAt: "asc" as const } },
      parties: { orderBy: [{ role: "asc" as const }, { position: "asc" as const }] },
    },
  },
} satisfies Prisma.RegistrationInclude;

/** Everything a letter about a registration shows, as it is now. */
export function getLetterRegistration({ registrationId }: { registrationId: string }) {
  return db.registration.findUnique({ where: { id: registrationId }, include: letterInclude });
}

export type LetterRegistration = NonNullable<Awaited<ReturnType<typeof getLetterRegistration>>>;

/** An event as its letters show it, for a letter not about one of its registrations (a preview). */
export function getLetterEvent({ eventId }: { eventId: string }) {
  return db.event.findUnique({ where: { id: eventId }, include: letterInclude.event.include });
}

/** The same for a batch of letters, in one round of queries, by registration id. */
export async function getLetterRegistrations(
  registrationIds: string[],
): Promise<Map<string, LetterRegistration>> {
  const registrations = await db.registration.findMany({
    where: { id: { in: registrationIds } },
    include: letterInclude,
  });
  return new Map(registrations.map((registration) => [registration.id, registration]));
}

export const OUTBOX_PAGE_SIZE = 100;

/** An event's letters, newest first, with how many are in each state. */
export async function listEventOutbox({
  eventId,
  status,
  page,
}: {
  eventId: string;
  status?: OutboxStatus;
  page: number;
}) {
  const where = { eventId, ...(status ? { status } : {}) };
  const [counts, total, letters] = await Promise.all([
    db.outboxMessage.groupBy({ by: ["status"], where: { eventId }, _count: { _all: true } }),
    db.outboxMessage.count({ where }),
    db.outboxMessage.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * OUTBOX_PAGE_SIZE,
      take: OUTBOX_PAGE_SIZE,
      select: {
        id: true,
        template: true,
        toAddress: true,
        status: true,
        attempts: true,
        lastError: true,
        sentAt: true,
        createdAt: true,
        registrationId: true,
      },
    }),
  ]);
  return {
    counts: Object.fromEntries(counts.map((row) => [row.status, row._count._all])) as Partial<
      Record<OutboxStatus, number>
    >,
    letters,
    pages: Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE)),
  };
}
