import "server-only";
import { runBackup } from "@/lib/backup/backup";
import { isBackupDue } from "@/lib/backup/rules";
import { databaseUrl, dataDirectory } from "@/lib/env";
import { getLogger } from "@/lib/logging/logger";
import { readLockHolder } from "@/lib/processes/instance-lock";

const MINUTE_MS = 60_000;

/**
 * Whether this process works on the embedded database: the one the data
 * folder's lock holder started. Only then does Kattoo back it up itself; an
 * external server has backups of its own (docs/decisions/022-backups.md).
 */
export async function usesEmbeddedDatabase(): Promise<boolean> {
  const holder = await readLockHolder(dataDirectory());
  return holder?.databaseUrl !== undefined && holder.databaseUrl === databaseUrl();
}

/**
 * The worker's daily backup: each minute, asks whether today's is due (under
 * the backup lock, so another worker's is seen) and takes it. A failure is
 * logged and recorded by runBackup; nothing here stops the worker.
 */
export function startBackupJob({
  at,
  keep,
  everyMs = MINUTE_MS,
}: {
  at: string;
  keep: number;
  everyMs?: number;
}) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= runBackup({
      trigger: "SCHEDULED",
      keep,
      isDue: (runs) => isBackupDue({ now: new Date(), at, ...runs }),
    })
      .then(() => {})
      .catch((error: unknown) => {
        // The database is unreachable: the next minute tries again.
        getLogger().error(
          { error: error instanceof Error ? error.message : String(error) },
          "backup job failed",
        );
      })
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
