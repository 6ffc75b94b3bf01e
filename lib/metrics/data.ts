import "server-only";
import { getLatestBackupRuns } from "@/lib/backup/data";
import { databasePoolUse, db } from "@/lib/db";
import { getOutboxProgress } from "@/lib/health/data";

/**
 * What the database says at scrape time, for /api/metrics: letters and
 * registrations by status, the outbox's progress (lib/health/data.ts), the
 * last backups, and this process's connections. Counted in the database, not
 * in a process, so that every instance, and the worker's process, agree.
 */
export async function getDatabaseFigures() {
  const [counts, progress, backups] = await Promise.all([
    db.$queryRaw<{ kind: "letter" | "registration"; status: string; count: number }[]>`
      SELECT 'letter' AS kind, status::text AS status, count(*)::int AS count
        FROM outbox_message GROUP BY status
      UNION ALL
      SELECT 'registration', status::text, count(*)::int FROM registration GROUP BY status`,
    getOutboxProgress(),
    getLatestBackupRuns(),
  ]);
  const byStatus = (kind: "letter" | "registration") =>
    new Map(counts.filter((row) => row.kind === kind).map((row) => [row.status, row.count]));
  return {
    lettersByStatus: byStatus("letter"),
    registrationsByStatus: byStatus("registration"),
    ...progress,
    lastBackupAt: backups.lastSuccess?.startedAt,
    lastBackupFailed: backups.lastAttempt ? !backups.lastAttempt.ok : undefined,
    pool: databasePoolUse(),
  };
}
