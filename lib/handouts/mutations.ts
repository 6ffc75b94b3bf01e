import "server-only";
import { createReadStream } from "node:fs";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { queueLetter } from "@/lib/emails/queue";
import { lockEventRow } from "@/lib/events/lock";
import type { Prisma } from "@/lib/generated/prisma/client";
import { HANDOUT_CHUNK_BYTES } from "@/lib/handouts/rules";
import type { HandoutDetails } from "@/lib/handouts/schema";
import type { StagedHandout } from "@/lib/handouts/upload";

/** Writing 20 MiB in pieces takes seconds on a slow disk; Prisma's default of 5 s would cut it short. */
const STORE_TIMEOUT_MS = 120_000;

export type AddHandoutResult =
  | { ok: true; id: string }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; fieldErrors: { sessionId: "invalidChoice" } };

/**
 * Stores a checked upload: its row and its bytes in one transaction, so a
 * failure half-way stores nothing. The file is read from disk one piece at a
 * time, each written before the next is read.
 */
export async function addHandout({
  eventId,
  details,
  file,
  actor,
}: {
  eventId: string;
  details: HandoutDetails;
  file: StagedHandout;
  actor: Actor;
}): Promise<AddHandoutResult> {
  return db.$transaction(
    async (tx) => {
      if (!(await lockEventRow(tx, eventId))) return { ok: false, reason: "not_found" } as const;
      if (details.sessionId) {
        // The trigger handout_session_of_event refuses it too; this says which field.
        const session = await tx.eventSession.findFirst({
          where: { id: details.sessionId, day: { eventId } },
          select: { id: true },
        });
        if (!session)
          return { ok: false, reason: "invalid", fieldErrors: { sessionId: "invalidChoice" } } as const;
      }
      const handout = await tx.handout.create({
        data: {
          eventId,
          sessionId: details.sessionId ?? null,
          title: details.title,
          fileName: details.name,
          contentType: file.type,
          size: file.size,
          sha256: file.sha256,
          visibility: details.visibility,
        },
        select: { id: true },
      });
      let position = 0;
      for await (const chunk of createReadStream(file.path, { highWaterMark: HANDOUT_CHUNK_BYTES })) {
        await tx.handoutChunk.create({
          // The stream's own buffer, not a copy: it is garbage once written.
          data: { handoutId: handout.id, position, bytes: chunk as Uint8Array<ArrayBuffer> },
          select: { position: true },
        });
        position += 1;
      }
      // Ids and the type, not the name or the title: a file's name may be a person's.
      await recordAudit(tx, {
        actor,
        action: "event.handout_added",
        entityType: "event",
        entityId: eventId,
        eventId,
        data: {
          handoutId: handout.id,
          sessionId: details.sessionId ?? null,
          visibility: details.visibility,
          contentType: file.type,
          size: file.size,
          sha256: file.sha256,
        },
      });
      return { ok: true, id: handout.id } as const;
    },
    { timeout: STORE_TIMEOUT_MS },
  );
}

export async function removeHandout({
  eventId,
  handoutId,
  actor,
}: {
  eventId: string;
  handoutId: string;
  actor: Actor;
}): Promise<{ ok: true } | { ok: false; reason: "not_found" }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.handout.deleteMany({ where: { id: handoutId, eventId } });
    if (count === 0) return { ok: false, reason: "not_found" } as const;
    await recordAudit(tx, {
      actor,
      action: "event.handout_removed",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { handoutId },
    });
    return { ok: true } as const;
  });
}

/**
 * Queues "the materials are online" to everyone marked present on at least
 * one day, once each (a dedupe key per registration): pressing the button
 * again writes only to those marked since. Returns how many were queued.
 */
export async function announceHandouts({ eventId, actor }: { eventId: string; actor: Actor }) {
  return db.$transaction(async (tx) => {
    const attended = await tx.registration.findMany({
      where: { eventId, status: "CONFIRMED", attendance: { some: {} } },
      select: { id: true, eventId: true, email: true, locale: true },
    });
    let queued = 0;
    for (const registration of attended) {
      const isNew = await queueLetter(tx, {
        template: "handouts-online",
        registration,
        dedupeKey: `handouts-online:${registration.id}`,
      });
      if (isNew) queued++;
    }
    await recordAudit(tx, {
      actor,
      action: "event.handouts_announced",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { queued },
    });
    return queued;
  });
}

/**
 * Copies an event's handouts onto its copy (lib/events duplicateEvent): a
 * session's go to the copy of that session (`sessions`: copy by original id).
 * The bytes are copied inside the database, never read into the process.
 */
export async function copyHandouts(
  tx: Prisma.TransactionClient,
  { from, to, sessions }: { from: string; to: string; sessions: ReadonlyMap<string, string> },
) {
  const handouts = await tx.handout.findMany({
    where: { eventId: from },
    select: {
      id: true,
      sessionId: true,
      title: true,
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      visibility: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const { id, sessionId, title, ...file } of handouts) {
    const copy = await tx.handout.create({
      data: {
        ...file,
        eventId: to,
        sessionId: sessionId === null ? null : (sessions.get(sessionId) ?? null),
        title: title as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await tx.$executeRaw`
      INSERT INTO handout_chunk (handout_id, position, bytes)
      SELECT ${copy.id}::uuid, position, bytes FROM handout_chunk WHERE handout_id = ${id}::uuid`;
  }
}
