import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { getLetterRegistration } from "@/lib/emails/data";
import { renderLetter } from "@/lib/emails/render";
import { createSender } from "@/lib/emails/transport";
import { sendDueLetters } from "@/lib/emails/worker";
import { createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, registrationInput } from "../support/factories";
import { startSmtpSink } from "./support/smtp-sink";
import { type BenchRow, measured, repeat } from "./support/stats";

// 5. Letters: 2,000 queued confirmation letters sent through the outbox to a
// local SMTP server that accepts everything, by one worker and by two.
// Baseline: nodemailer sending the same letter, rendered once beforehand,
// directly over one pooled connection.

const LETTERS = 2_000;
const RUNS = 3;

/** Queues this run's letters; returns the registration they are about. */
async function queueLetters(): Promise<string> {
  const event = await createTestEvent({ capacity: 1, quotas: {} });
  const result = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
  if (!result.ok) throw new Error("could not register");
  // Only this run's letters are due.
  await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SENT" } });
  // The worker's work, not the registration's: the registration's own
  // confirmation letter, queued LETTERS times to as many addresses.
  await db.$executeRaw`
    INSERT INTO outbox_message (id, event_id, registration_id, template, locale, payload, to_address)
    SELECT gen_random_uuid(), event_id, registration_id, template, locale, payload,
      'letter-' || n || '-' || gen_random_uuid() || '@example.kg'
    FROM outbox_message, generate_series(1, ${LETTERS}) AS n
    WHERE registration_id = ${result.registrationId}::uuid`;
  return result.registrationId;
}

/**
 * The baseline: the same letter, rendered once beforehand, sent LETTERS times
 * one after another over one SMTP connection of the same transport.
 */
async function sendDirect(registrationId: string, smtpUrl: string): Promise<number> {
  const registration = await getLetterRegistration({ registrationId });
  if (!registration) throw new Error("no registration to render");
  const letter = await renderLetter({
    template: "registration-confirmed",
    locale: "ru",
    registration,
    payload: {},
  });
  const sender = createSender({ smtpUrl, connections: 1 });
  const started = performance.now();
  for (let j = 0; j < LETTERS; j++) {
    await sender.send({
      ...letter,
      to: { ...letter.to, address: `direct-${j}@example.kg` },
      outboxMessageId: randomUUID(),
    });
  }
  sender.close();
  return LETTERS / ((performance.now() - started) / 1000);
}

async function sendWithWorkers(workers: number, smtpUrl: string): Promise<number> {
  const senders = Array.from({ length: workers }, () => createSender({ smtpUrl }));
  const started = performance.now();
  await Promise.all(
    senders.map(async (sender) => {
      while (
        (await sendDueLetters({ send: sender.send, retryBaseSeconds: 1, batchSize: 50, concurrency: 4 })) > 0
      ) {}
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  for (const sender of senders) sender.close();
  return LETTERS / seconds;
}

export async function letters(log: (line: string) => void): Promise<BenchRow[]> {
  const smtp = await startSmtpSink();
  try {
    const series = (name: string, send: (registrationId: string) => Promise<number>) =>
      repeat(RUNS, async (i) => {
        const rate = await send(await queueLetters());
        log(`letters: ${name}, run ${i + 1}/${RUNS}: ${rate.toFixed(1)} letters/s`);
        return rate;
      });
    const one = await series("one worker", () => sendWithWorkers(1, smtp.url));
    const two = await series("two workers", () => sendWithWorkers(2, smtp.url));
    const direct = await series("direct nodemailer", (registrationId) =>
      sendDirect(registrationId, smtp.url),
    );
    const messageIds = await smtp.messageIds();
    const delivered = messageIds.length;
    const expected = LETTERS * RUNS * 3;
    const oneWorker = measured(one);
    const twoWorkers = measured(two);
    const baseline = measured(direct);
    return [
      {
        benchmark: "letters",
        figure: "letters/s, one worker",
        kattoo: oneWorker,
        baseline,
        ratio: oneWorker.median / baseline.median,
        target: "≥ 0.7 of direct nodemailer",
        met: oneWorker.median / baseline.median >= 0.7,
      },
      {
        benchmark: "letters",
        figure: "letters/s, two workers",
        kattoo: twoWorkers,
        baseline,
        ratio: twoWorkers.median / baseline.median,
        target: "faster than one worker",
        met: twoWorkers.median > oneWorker.median,
      },
      {
        benchmark: "letters",
        figure: "letters arrived exactly once",
        kattoo: measured([delivered]),
        target: String(expected),
        met: delivered === expected && new Set(messageIds).size === delivered,
      },
    ];
  } finally {
    await smtp.close();
  }
}
