import "server-only";
import { db } from "@/lib/db";
import type { HandoutVisibility } from "@/lib/generated/prisma/client";
import { hashToken } from "@/lib/registrations/tokens";

type Text = { ru: string; ky?: string; en?: string };

const listed = {
  id: true,
  sessionId: true,
  title: true,
  fileName: true,
  contentType: true,
  size: true,
  visibility: true,
  createdAt: true,
} as const;

/** An event's handouts of these visibilities, without their bytes, oldest first. */
export async function listHandouts({
  eventId,
  visibilities,
}: {
  eventId: string;
  visibilities: readonly HandoutVisibility[];
}) {
  const rows = await db.handout.findMany({
    where: { eventId, visibility: { in: [...visibilities] } },
    select: listed,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ ...row, title: row.title as Text }));
}

export type HandoutListing = Awaited<ReturnType<typeof listHandouts>>[number];

/** What a download needs to know before its bytes: who may have it, its type, name, size and hash. */
export function getHandout({ id }: { id: string }) {
  return db.handout.findUnique({
    where: { id },
    select: {
      id: true,
      eventId: true,
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      visibility: true,
    },
  });
}

/** One stored piece of a handout's bytes; null when it has been removed since. */
export async function readHandoutChunk({ handoutId, position }: { handoutId: string; position: number }) {
  const chunk = await db.handoutChunk.findUnique({
    where: { handoutId_position: { handoutId, position } },
    select: { bytes: true },
  });
  return chunk?.bytes ?? null;
}

/**
 * Whether a participant's token is of this event's confirmed participant:
 * the people "participants only" means. Waiting, declined and cancelled
 * registrations are not.
 */
export async function isConfirmedParticipant({ token, eventId }: { token: string; eventId: string }) {
  const registration = await db.registration.findFirst({
    where: { manageTokenHash: hashToken(token), eventId, status: "CONFIRMED" },
    select: { id: true },
  });
  return registration !== null;
}
