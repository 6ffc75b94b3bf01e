import "server-only";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { getLetterRegistrations, type LetterRegistration } from "@/lib/emails/data";
import { type LetterParts, letterParts } from "@/lib/emails/letter-parts";
import {
  claimDueLetters,
  markLetterAttemptFailed,
  markLetterSent,
  queueDueReminders,
} from "@/lib/emails/mutations";
import type { LetterTemplate } from "@/lib/emails/templates";
import type { Send } from "@/lib/emails/transport";
import type { OutboxMessage } from "@/lib/generated/prisma/client";
import { recordWorkerHeartbeat } from "@/lib/health/mutations";
import { errorFields, getLogger } from "@/lib/logging/logger";
import { queueOpenedLetters } from "@/lib/outcomes/mutations";
import { pruneRateLimits } from "@/lib/rate-limit/mutations";

// Sends what the outbox holds: claims due letters, renders each from the
// registration as it is now, sends it, records the outcome. Several workers
// (processes or app instances) can run at once; none sends a letter another
// has claimed. Between letters it also does the instance's other periodic
// chores: queueing reminders and the letters of the post-tests and surveys
// that have opened (by time, or to participants marked present since),
// deleting rate-limit rows that have expired,
// and writes its heartbeat, which /api/health watches.

export type WorkerOptions = {
  send: Send;
  retryBaseSeconds: number;
  workerId?: string;
  /** How many letters one claim takes, and how many are sent at once. */
  batchSize?: number;
  concurrency?: number;
  /** A claim older than this is taken to belong to a dead worker. */
  claimTimeoutSeconds?: number;
  /** How long to wait when nothing is due. */
  idleMs?: number;
  onError?: (message: OutboxMessage, error: unknown) => void;
};

const REMINDER_CHECK_MS = 60_000;
// A post-test or survey that opens by time is announced within a minute.
const INSTRUMENT_CHECK_MS = 60_000;
const RATE_LIMIT_PRUNE_MS = 10 * 60_000;
// Often enough for /api/health's five minutes, rarely enough to cost nothing.
const HEARTBEAT_MS = 30_000;

export function startOutboxWorker(
  options: WorkerOptions & { reminderHoursBefore?: number; pruneRateLimitsEveryMs?: number },
) {
  const { idleMs = 500, reminderHoursBefore, pruneRateLimitsEveryMs = RATE_LIMIT_PRUNE_MS } = options;
  let running = true;
  let remindersCheckedAt = 0;
  let instrumentsCheckedAt = 0;
  let rateLimitsPrunedAt = 0;
  let heartbeatAt = 0;
  const heartbeatId = options.workerId ?? `worker-${randomUUID()}`;
  const round = async () => {
    if (Date.now() - heartbeatAt > HEARTBEAT_MS) {
      heartbeatAt = Date.now();
      await recordWorkerHeartbeat({ workerId: heartbeatId });
    }
    if (reminderHoursBefore && Date.now() - remindersCheckedAt > REMINDER_CHECK_MS) {
      remindersCheckedAt = Date.now();
      await queueDueReminders({ hoursBefore: reminderHoursBefore });
    }
    if (Date.now() - instrumentsCheckedAt > INSTRUMENT_CHECK_MS) {
      instrumentsCheckedAt = Date.now();
      await queueOpenedLetters();
    }
    if (Date.now() - rateLimitsPrunedAt > pruneRateLimitsEveryMs) {
      rateLimitsPrunedAt = Date.now();
      await pruneRateLimits();
    }
    return sendDueLetters(options);
  };
  const loop = (async () => {
    while (running) {
      const handled = await round().catch((error: unknown) => {
        // The database itself is unreachable: wait and try again.
        getLogger().error({ error: errorFields(error) }, "outbox worker round failed");
        return 0;
      });
      if (handled === 0 && running) await sleep(idleMs);
    }
  })();
  return {
    /** Finishes the letters in hand, then stops. */
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/** One round: claims a batch and sends it. Returns how many letters it handled. */
export async function sendDueLetters({
  send,
  retryBaseSeconds,
  workerId = `worker-${randomUUID()}`,
  batchSize = 20,
  concurrency = 4,
  claimTimeoutSeconds = 120,
  onError,
}: WorkerOptions): Promise<number> {
  const messages = await claimDueLetters({ workerId, limit: batchSize, claimTimeoutSeconds });
  if (messages.length === 0) return 0;
  const registrations = await getLetterRegistrations(
    messages.flatMap((message) => (message.registrationId ? [message.registrationId] : [])),
  );
  // What the batch's letters share (the event's logos, programme, calendar,
  // and each letter as its participants all read it) is made once (decision 046).
  const parts = letterParts();
  const queue = [...messages];
  await Promise.all(
    Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let message = queue.shift(); message; message = queue.shift()) {
        try {
          const registration = message.registrationId ? registrations.get(message.registrationId) : undefined;
          const { providerMessageId } = await deliver(message, registration, send, parts);
          await markLetterSent({ id: message.id, workerId, providerMessageId });
        } catch (error) {
          onError?.(message, error);
          await markLetterAttemptFailed({
            message,
            workerId,
            error: error instanceof Error ? error.message : String(error),
            retryBaseSeconds,
          });
        }
      }
    }),
  );
  return messages.length;
}

async function deliver(
  message: OutboxMessage,
  registration: LetterRegistration | undefined,
  send: Send,
  parts: LetterParts,
) {
  if (!registration) throw new Error("The registration of this letter no longer exists.");
  // Loaded with the first letter, not at start: React Email, PDFKit, the QR
  // code and the calendar are most of an idle worker's memory
  // (docs/performance.md, start-up).
  const { renderLetter } = await import("@/lib/emails/render");
  const letter = await renderLetter({
    template: message.template as LetterTemplate,
    locale: message.locale,
    registration,
    payload: (message.payload ?? {}) as Record<string, unknown>,
    parts,
  });
  // The address the letter was queued for, not whatever the row says now.
  return send({ ...letter, to: { ...letter.to, address: message.toAddress }, outboxMessageId: message.id });
}
