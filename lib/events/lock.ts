import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The event's row lock, held to the end of the transaction (decision 004).
 * The editors of an event's form and images take it as registrations do, so
 * that a registration never reads them half-changed. False for an unknown
 * event.
 */
export async function lockEventRow(tx: Prisma.TransactionClient, eventId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM event WHERE id = ${eventId}::uuid FOR UPDATE`;
  return rows.length > 0;
}
