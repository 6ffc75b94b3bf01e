import "server-only";
import { db } from "@/lib/db";
import type { EventScope } from "@/lib/staff/permissions";

/** The newest letters kept, of the events in scope; those of no event only with every event in scope. */
export async function listMailbox({ events, take = 200 }: { events: EventScope; take?: number }) {
  const letters =
    events === "every"
      ? undefined
      : await db.outboxMessage.findMany({ where: { eventId: { in: [...events] } }, select: { id: true } });
  return db.mailboxMessage.findMany({
    where: letters ? { outboxMessageId: { in: letters.map((letter) => letter.id) } } : {},
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toAddress: true, subject: true, createdAt: true },
  });
}

export function getMailboxMessage({ id }: { id: string }) {
  return db.mailboxMessage.findUnique({ where: { id } });
}
