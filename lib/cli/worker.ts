import { startBackupJob, usesEmbeddedDatabase } from "@/lib/backup/job";
import { createSender } from "@/lib/emails/transport";
import { startOutboxWorker } from "@/lib/emails/worker";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logging/logger";
import { startRetentionJob } from "@/lib/privacy/retention";

// `npm run worker`, and the worker process `npm start` runs beside the web
// server: sends the letters the outbox holds, deletes expired rate-limit
// rows, anonymizes personal data past its events' retention period and, with
// the embedded database, takes the daily backup, until SIGINT or SIGTERM.

const env = getEnv();
const sender = createSender();
const worker = startOutboxWorker({
  send: sender.send,
  retryBaseSeconds: env.OUTBOX_RETRY_BASE_SECONDS,
  reminderHoursBefore: env.REMINDER_HOURS_BEFORE,
  // The error itself may name the recipient: it is kept with the letter, for
  // staff, and not written to the log.
  onError: (message) =>
    getLogger().warn(
      { letterId: message.id, template: message.template, attempt: message.attempts },
      "letter failed",
    ),
});
const retention = startRetentionJob();
const backups = (await usesEmbeddedDatabase())
  ? startBackupJob({ at: env.BACKUP_AT, keep: env.BACKUP_KEEP })
  : undefined;
getLogger().info({ sender: sender.describe }, "outbox worker started");

async function shutdown() {
  // A letter in flight may wait on a database that is stopping too: give up after a while.
  setTimeout(() => process.exit(1), 10_000).unref();
  await Promise.all([worker.stop(), retention.stop(), backups?.stop()]);
  sender.close();
  process.exit(0);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, shutdown);

// The process that started this one is gone (killed without a chance to stop
// its children): stop too, rather than send letters for an instance that is
// no longer there.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown();
}, 2_000).unref();
