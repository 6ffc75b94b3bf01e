// When the daily backup is due, what its file is called, which old ones go,
// and when the Instance page warns. Pure, so they are tested without a clock
// or a disk. Times of day are UTC: a server's own zone is whatever its image
// was made with, and UTC reads the same in the logs, the file names and here.

const HOUR_MS = 3_600_000;

/** A failed daily backup is tried again after this long, not at every minute. */
export const RETRY_AFTER_FAILURE_MS = HOUR_MS;

/** The Instance page warns when the last backup that worked is older than this. */
export const STALE_AFTER_MS = 48 * HOUR_MS;

export type BackupAttempt = { startedAt: Date; ok: boolean };

/** Today's slot for `at` ("HH:MM", UTC) if it has come, else yesterday's. */
export function lastScheduledSlot({ now, at }: { now: Date; at: string }): Date {
  const [hours, minutes] = at.split(":").map(Number);
  const slot = new Date(now);
  slot.setUTCHours(hours ?? 0, minutes ?? 0, 0, 0);
  if (slot > now) slot.setUTCDate(slot.getUTCDate() - 1);
  return slot;
}

/**
 * Due when the latest slot has no backup that worked since, and no attempt in
 * the last hour: a worker that was down at the hour takes it when it comes back.
 */
export function isBackupDue({
  now,
  at,
  lastAttempt,
  lastSuccess,
}: {
  now: Date;
  at: string;
  lastAttempt?: BackupAttempt;
  lastSuccess?: BackupAttempt;
}): boolean {
  const slot = lastScheduledSlot({ now, at });
  if (lastSuccess && lastSuccess.startedAt >= slot) return false;
  if (lastAttempt && now.getTime() - lastAttempt.startedAt.getTime() < RETRY_AFTER_FAILURE_MS) return false;
  return true;
}

const NAME_PATTERN = /^kattoo-\d{8}T\d{6}Z-.+\.jsonl\.gz$/;

/**
 * `kattoo-20261202T030000Z-20261202032249_backup_run.jsonl.gz`: the UTC time
 * it was taken, then its schema version (the last migration applied), so a
 * list of files says which code can restore each.
 */
export function backupFileName({ at, schemaVersion }: { at: Date; schemaVersion: string }): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d{3}/, "")
    .replace(/[-:]/g, "");
  return `kattoo-${stamp}-${schemaVersion}.jsonl.gz`;
}

/** The backups beyond the newest `keep` (the UTC stamp sorts by time); other files are left alone. */
export function backupsToPrune({ files, keep }: { files: string[]; keep: number }): string[] {
  return files
    .filter((file) => NAME_PATTERN.test(file))
    .sort()
    .reverse()
    .slice(keep);
}

export type BackupWarning = "never" | "failed" | "stale";

export function backupWarning({
  now,
  lastAttempt,
  lastSuccess,
}: {
  now: Date;
  lastAttempt?: BackupAttempt;
  lastSuccess?: BackupAttempt;
}): BackupWarning | undefined {
  if (lastAttempt && !lastAttempt.ok) return "failed";
  if (!lastSuccess) return "never";
  if (now.getTime() - lastSuccess.startedAt.getTime() > STALE_AFTER_MS) return "stale";
  return undefined;
}
