import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";
import { getLetterRegistration } from "@/lib/emails/data";
import { renderLetter } from "@/lib/emails/render";
import { createSender } from "@/lib/emails/transport";
import { createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, registrationInput } from "../support/factories";
import type { KattooServer } from "./support/kattoo-server";
import { noLetterDue } from "./support/outbox";
import type { SmtpSink } from "./support/smtp-sink";
import { type BenchRow, measured, repeat } from "./support/stats";

// 5. Letters: 2,000 queued confirmation letters sent by the server's own
// outbox worker, as `npm start` runs it (a thread of the server, to the SMTP
// server the benchmark started and gave it), then with `npm run worker` beside
// it. Baseline: nodemailer sending the same letter, rendered once beforehand,
// directly over one pooled connection, from the benchmark's process.

const LETTERS = 2_000;
const RUNS = 3;

/** A registration whose confirmation letter the runs copy, once no letter is waiting to be sent. */
async function registered(): Promise<string> {
  const event = await createTestEvent({ capacity: 1, quotas: {} });
  const result = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
  if (!result.ok) throw new Error("could not register");
  // Each run starts with nothing else to send (its own letter, a rush's before it).
  await noLetterDue();
  return result.registrationId;
}

/** The registration's own confirmation letter, queued `count` times to addresses starting with `prefix`; resolves once all are sent. */
async function sendAll(registrationId: string, prefix: string, count: number) {
  await db.$executeRaw`
    INSERT INTO outbox_message (id, event_id, registration_id, template, locale, payload, to_address)
    SELECT gen_random_uuid(), event_id, registration_id, template, locale, payload,
      ${prefix} || n || '@example.kg'
    FROM (SELECT * FROM outbox_message WHERE registration_id = ${registrationId}::uuid
          ORDER BY created_at LIMIT 1) AS confirmation,
      generate_series(1, ${count}) AS n`;
  while (
    (await db.outboxMessage.count({ where: { status: "SENT", toAddress: { startsWith: prefix } } })) < count
  )
    await sleep(20);
}

/** Letters a second from queueing to the last one sent, by the server's worker and `extraWorkers` more. */
async function sendWithWorkers(server: KattooServer, extraWorkers: number): Promise<number> {
  const workers = Array.from({ length: extraWorkers }, () => server.startWorker());
  try {
    // The extra workers are up once their heartbeat is written, and warm
    // (the renderer loaded with a first letter) once they have sent some.
    const started = Date.now();
    while ((await db.workerHeartbeat.count({ where: { beatAt: { gte: new Date(started) } } })) < extraWorkers)
      await sleep(50);
    const registrationId = await registered();
    if (extraWorkers > 0) await sendAll(registrationId, `warm-up-${randomUUID()}-`, 200);
    const queuedAt = performance.now();
    await sendAll(registrationId, `letter-${randomUUID()}-`, LETTERS);
    return LETTERS / ((performance.now() - queuedAt) / 1000);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
}

/**
 * The baseline: the same letter, rendered once beforehand, sent LETTERS times
 * one after another over one SMTP connection of the same transport.
 */
async function sendDirect(smtpUrl: string): Promise<number> {
  const registrationId = await registered();
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

export async function letters(
  server: KattooServer,
  smtp: SmtpSink,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const series = (name: string, send: () => Promise<number>) =>
    repeat(RUNS, async (i) => {
      const rate = await send();
      log(`letters: ${name}, run ${i + 1}/${RUNS}: ${rate.toFixed(1)} letters/s`);
      return rate;
    });
  const one = await series("the server's worker", () => sendWithWorkers(server, 0));
  const two = await series("and npm run worker", () => sendWithWorkers(server, 1));
  const direct = await series("direct nodemailer", () => sendDirect(smtp.url));
  const received = (await smtp.received()).filter(({ to }) => to.startsWith("letter-"));
  const expected = LETTERS * RUNS * 2;
  const oneWorker = measured(one);
  const twoWorkers = measured(two);
  const baseline = measured(direct);
  return [
    {
      benchmark: "letters",
      figure: "letters/s, the server's worker",
      kattoo: oneWorker,
      baseline,
      ratio: oneWorker.median / baseline.median,
      target: "≥ 0.7 of direct nodemailer",
      met: oneWorker.median / baseline.median >= 0.7,
    },
    {
      benchmark: "letters",
      figure: "letters/s, with npm run worker beside it",
      kattoo: twoWorkers,
      baseline,
      ratio: twoWorkers.median / baseline.median,
      target: "faster than one worker",
      met: twoWorkers.median > oneWorker.median,
    },
    {
      benchmark: "letters",
      figure: "letters arrived exactly once",
      kattoo: measured([received.length]),
      target: String(expected),
      met:
        received.length === expected && new Set(received.map(({ messageId }) => messageId)).size === expected,
    },
  ];
}
