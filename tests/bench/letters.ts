import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { db } from "@/lib/db";
import { getLetterRegistration } from "@/lib/emails/data";
import { queueLetter } from "@/lib/emails/queue";
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
  const registration = await db.registration.findUniqueOrThrow({ where: { id: result.registrationId } });
  // Only this run's letters are due.
  await db.outboxMessage.updateMany({ where: { status: "QUEUED" }, data: { status: "SENT" } });
  // The worker's work, not the registration's: queue the same letter many times.
  for (let i = 0; i < LETTERS; i += 200) {
    await db.$transaction(async (tx) => {
      for (let j = i; j < Math.min(LETTERS, i + 200); j++) {
        await queueLetter(tx, {
          template: "registration-confirmed",
          registration: { ...registration, email: `letter-${j}-${randomUUID()}@example.kg` },
        });
      }
    });
  }
  return registration.id;
}

/**
 * The baseline: the same letter, rendered once beforehand, sent LETTERS times
 * one after another over one pooled connection that is never recycled.
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
  const transport = nodemailer.createTransport({
    pool: true,
    url: smtpUrl,
    maxConnections: 1,
    maxMessages: Infinity,
  });
  const started = performance.now();
  for (let j = 0; j < LETTERS; j++) {
    await transport.sendMail({
      from: "bench@kattoo.local",
      to: `direct-${j}@example.kg`,
      subject: letter.subject,
      html: letter.html,
      text: letter.text,
      attachments: letter.attachments,
      messageId: `<direct-${j}-${randomUUID()}@kattoo.local>`,
    });
  }
  transport.close();
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
    const one = await repeat(RUNS, async (i) => {
      log(`letters: one worker, run ${i + 1}/${RUNS}`);
      await queueLetters();
      return sendWithWorkers(1, smtp.url);
    });
    const two = await repeat(RUNS, async (i) => {
      log(`letters: two workers, run ${i + 1}/${RUNS}`);
      await queueLetters();
      return sendWithWorkers(2, smtp.url);
    });
    const direct = await repeat(RUNS, async (i) => {
      log(`letters: direct nodemailer, run ${i + 1}/${RUNS}`);
      return sendDirect(await queueLetters(), smtp.url);
    });
    const delivered = smtp.messageIds.length;
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
        met: delivered === expected && new Set(smtp.messageIds).size === delivered,
      },
    ];
  } finally {
    await smtp.close();
  }
}
