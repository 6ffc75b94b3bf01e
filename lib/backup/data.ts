import "server-only";
import { db } from "@/lib/db";

const columns = { startedAt: true, ok: true, file: true, sizeBytes: true, error: true } as const;

/** The latest backup attempt, and the latest that worked: what the schedule and the Instance page read. */
export async function getLatestBackupRuns() {
  const [lastAttempt, lastSuccess] = await Promise.all([
    db.backupRun.findFirst({ select: columns, orderBy: { startedAt: "desc" } }),
    db.backupRun.findFirst({ select: columns, where: { ok: true }, orderBy: { startedAt: "desc" } }),
  ]);
  return { lastAttempt: lastAttempt ?? undefined, lastSuccess: lastSuccess ?? undefined };
}
