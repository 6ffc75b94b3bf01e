import "server-only";
import { db } from "@/lib/db";
import type { BackupTrigger } from "@/lib/generated/prisma/enums";

/** Records one backup attempt, whether it worked or not. */
export async function recordBackupRun(run: {
  startedAt: Date;
  trigger: BackupTrigger;
  file: string;
  sizeBytes?: number;
  error?: string;
}) {
  await db.backupRun.create({
    data: {
      startedAt: run.startedAt,
      finishedAt: new Date(),
      trigger: run.trigger,
      ok: run.error === undefined,
      file: run.file,
      sizeBytes: run.sizeBytes,
      error: run.error,
    },
  });
}
