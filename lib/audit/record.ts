import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ActorType } from "@/lib/generated/prisma/enums";

export type Actor = { type: ActorType; staffId?: string };

export const participantActor: Actor = { type: "PARTICIPANT" };
export const systemActor: Actor = { type: "SYSTEM" };

/** Appends to the audit log inside the caller's transaction. Ids and field names only, no personal data. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  entry: {
    actor: Actor;
    action: string;
    entityType: string;
    entityId: string;
    eventId?: string;
    data?: Prisma.InputJsonValue;
  },
) {
  await tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.staffId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      eventId: entry.eventId,
      data: entry.data ?? {},
    },
  });
}
