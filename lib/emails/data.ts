import "server-only";
import { db } from "@/lib/db";
import type { OutboxStatus } from "@/lib/generated/prisma/enums";

/** Everything a letter about a registration shows, as it is now. */
export function getLetterRegistration({ registrationId }: { registrationId: string }) {
  return db.registration.findUnique({
    where: { id: registrationId },
    include: {
      event: {
        include: {
          days: { orderBy: { startsAt: "asc" } },
          parties: { orderBy: [{ role: "asc" }, { position: "asc" }] },
        },
      },
    },
  });
}

export type LetterRegistration = NonNullable<Awaited<ReturnType<typeof getLetterRegistration>>>;

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
