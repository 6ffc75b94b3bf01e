import { startBackupJob, usesEmbeddedDatabase } from "@/lib/backup/job";
import { createSender } from "@/lib/emails/transport";
import { startOutboxWorker } from "@/lib/emails/worker";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/logging/logger";
import { startRetentionJob } from "@/lib/privacy/retention";

/**
 * What the worker does, wherever it runs (`npm run worker`, or a thread of
 * `npm start`): sends the letters the outbox holds, deletes expired
 * rate-limit rows, anonymizes personal data past its events' retention
 * period and, with the embedded database, takes the daily backup.
 */
export async function startWorkerJobs(): Promise<{ stop: () => Promise<void> }> {
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
  return {
    stop: async () => {
      await Promise.all([worker.stop(), retention.stop(), backups?.stop()]);
      sender.close();
    },
  };
}
