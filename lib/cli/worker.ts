import { createSender } from "@/lib/emails/transport";
import { startOutboxWorker } from "@/lib/emails/worker";
import { getEnv } from "@/lib/env";
import { startRetentionJob } from "@/lib/privacy/retention";

// `npm run worker`, and the worker process `npm start` runs beside the web
// server: sends the letters the outbox holds, and anonymizes personal data
// past its events' retention period, until SIGINT or SIGTERM.

const env = getEnv();
const sender = createSender();
const worker = startOutboxWorker({
  send: sender.send,
  retryBaseSeconds: env.OUTBOX_RETRY_BASE_SECONDS,
  reminderHoursBefore: env.REMINDER_HOURS_BEFORE,
  // The error itself may name the recipient: it is kept with the letter, for
  // staff, and not written to the log.
  onError: (message) =>
    console.error(`Letter ${message.id} (${message.template}) failed on attempt ${message.attempts}.`),
});
const retention = startRetentionJob();
console.log(`Outbox worker started: letters go to the ${sender.describe}.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await Promise.all([worker.stop(), retention.stop()]);
    sender.close();
    process.exit(0);
  });
}
