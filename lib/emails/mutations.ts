import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { LocalizedText } from "@/lib/events/schema";
import { type OutboxMessage, Prisma } from "@/lib/generated/prisma/client";

// The outbox's state machine: QUEUED → SENDING (claimed by one worker) →
// SENT, or back to QUEUED with a later attempt, or FAILED after the last one.

export const MAX_ATTEMPTS = 8;

/**
 * Claims up to `limit` due letters for `workerId`. SKIP LOCKED lets several
 * workers claim at once without ever taking the same row; a letter claimed
 * by a worker that died is due again once its claim is older than the
 * timeout.
 */
export async function claimDueLetters({
  workerId,
  limit,
  claimTimeoutSeconds,
}: {
  workerId: string;
  limit: number;
  claimTimeoutSeconds: number;
}): Promise<OutboxMessage[]> {
  const claimed = await db.$queryRaw<{ id: string }[]>`
    UPDATE outbox_message SET status = 'SENDING', claimed_at = now(), claimed_by = ${workerId},
      attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM outbox_message
      WHERE (status = 'QUEUED' AND next_attempt_at <= now())
         OR (status = 'SENDING' AND claimed_at < now() - make_interval(secs => ${claimTimeoutSeconds}))
      ORDER BY next_attempt_at
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  if (claimed.length === 0) return [];
  return db.outboxMessage.findMany({
    where: { id: { in: claimed.map((row) => row.id) } },
    orderBy: { nextAttemptAt: "asc" },
  });
}

/** Records delivery, unless another worker took the letter over meanwhile. */
export async function markLetterSent({
  id,
  workerId,
  providerMessageId,
}: {
  id: string;
  workerId: string;
  providerMessageId: string;
}) {
  await db.outboxMessage.updateMany({
    where: { id, claimedBy: workerId, status: "SENDING" },
    data: { status: "SENT", sentAt: new Date(), providerMessageId, lastError: null },
  });
}

/** Schedules the next attempt with exponential backoff and jitter, or gives up. */
export async function markLetterAttemptFailed({
  message,
  workerId,
  error,
  retryBaseSeconds,
}: {
  message: Pick<OutboxMessage, "id" | "attempts">;
  workerId: string;
  error: string;
  retryBaseSeconds: number;
}) {
  const finalAttempt = message.attempts >= MAX_ATTEMPTS;
  const delaySeconds = retryBaseSeconds * 2 ** (message.attempts - 1) * (0.5 + Math.random() / 2);
  await db.outboxMessage.updateMany({
    where: { id: message.id, claimedBy: workerId, status: "SENDING" },
    data: {
      status: finalAttempt ? "FAILED" : "QUEUED",
      lastError: error.slice(0, 2000),
      nextAttemptAt: new Date(Date.now() + delaySeconds * 1000),
    },
  });
}

/** Keeps a letter in the local mailbox (no SMTP server configured). */
export async function storeInMailbox(letter: {
  outboxMessageId: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  raw: string;
}) {
  await db.mailboxMessage.upsert({
    where: { outboxMessageId: letter.outboxMessageId },
    create: letter,
    update: letter,
  });
}

/**
 * Queues the reminder of every confirmed participant whose event begins
 * within `hoursBefore`, once per participant: the dedupe key makes a second
 * run, or a run after a restart, queue nothing new.
 */
export async function queueDueReminders({ hoursBefore }: { hoursBefore: number }): Promise<number> {
  return db.$executeRaw`
    INSERT INTO outbox_message (id, event_id, registration_id, template, locale, to_address, dedupe_key)
    SELECT gen_random_uuid(), r.event_id, r.id, 'reminder', r.locale, r.email, 'reminder:' || r.id
    FROM registration r
    JOIN event e ON e.id = r.event_id
    WHERE r.status = 'CONFIRMED'
      AND e.status IN ('PUBLISHED', 'CLOSED')
      AND (SELECT min(d.starts_at) FROM event_day d WHERE d.event_id = e.id)
          BETWEEN now() AND now() + make_interval(hours => ${hoursBefore})
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

/** A letter that failed for good goes back to the queue with fresh attempts; false if it had not failed. */
export async function retryLetter({ id, actor }: { id: string; actor: Actor }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), claimedBy: null, claimedAt: null },
    });
    if (count === 0) return false;
    const letter = await tx.outboxMessage.findUniqueOrThrow({ where: { id }, select: { eventId: true } });
    await recordAudit(tx, {
      actor,
      action: "letter.retried",
      entityType: "outbox_message",
      entityId: id,
      eventId: letter.eventId ?? undefined,
    });
    return true;
  });
}

/** The event's own wording of its confirmation and waiting-list letters (null: none). */
export async function saveLetterWording({
  eventId,
  confirmation,
  waitlist,
  actor,
}: {
  eventId: string;
  confirmation: LocalizedText | null;
  waitlist: LocalizedText | null;
  actor: Actor;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.event.update({
      where: { id: eventId },
      data: {
        confirmationWording: confirmation ?? Prisma.DbNull,
        waitlistWording: waitlist ?? Prisma.DbNull,
      },
    });
    await recordAudit(tx, {
      actor,
      action: "event.letter_wording_saved",
      entityType: "event",
      entityId: eventId,
      eventId,
    });
  });
}
