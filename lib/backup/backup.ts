import "server-only";
import { existsSync } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type pg from "pg";
import { getLatestBackupRuns } from "@/lib/backup/data";
import { readSchemaVersion, textClient, writeDump } from "@/lib/backup/dump";
import { recordBackupRun } from "@/lib/backup/mutations";
import { backupFileName, backupsToPrune } from "@/lib/backup/rules";
import { databaseUrl, dataDirectory } from "@/lib/env";
import type { BackupTrigger } from "@/lib/generated/prisma/enums";
import { getLogger } from "@/lib/logging/logger";

// Takes a backup of the app's database (DATABASE_URL), records the attempt in
// backup_run, and prunes old ones. Held under a PostgreSQL advisory lock, so
// two processes (two instances' workers, a worker and `npm run backup`) never
// dump at once, and the worker's check that today's backup is still due and
// the record of it are made by one process at a time.

/** An advisory lock key no other part of Kattoo takes. */
const BACKUP_LOCK_KEY = 190_022;

export function backupDirectory(): string {
  return path.join(dataDirectory(), "backups");
}

type LatestRuns = Awaited<ReturnType<typeof getLatestBackupRuns>>;

export type BackupResult =
  | { status: "done"; file: string; sizeBytes: number }
  | { status: "failed"; file: string; error: string }
  /** Another process holds the lock: it is taking one now. */
  | { status: "busy" }
  | { status: "not_due" };

export async function runBackup({
  trigger,
  to,
  directory = backupDirectory(),
  keep,
  isDue,
}: {
  trigger: BackupTrigger;
  /** A file of the caller's choosing; else a dated one in `directory`. */
  to?: string;
  directory?: string;
  /** How many dated backups to keep in `directory` after this one. */
  keep?: number;
  /** Asked under the lock: whether the backup is still to be taken. */
  isDue?: (runs: LatestRuns) => boolean;
}): Promise<BackupResult> {
  const client = textClient(databaseUrl());
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: string }>("SELECT pg_try_advisory_lock($1) AS locked", [
      BACKUP_LOCK_KEY,
    ]);
    if (rows[0]?.locked !== "t") return { status: "busy" };
    if (isDue && !isDue(await getLatestBackupRuns())) return { status: "not_due" };
    return await backUp({ client, trigger, to, directory, keep });
  } finally {
    // Ending the session releases the lock.
    await client.end();
  }
}

async function backUp({
  client,
  trigger,
  to,
  keep,
  ...options
}: {
  client: pg.Client;
  trigger: BackupTrigger;
  to?: string;
  directory: string;
  keep?: number;
}): Promise<BackupResult> {
  const startedAt = new Date();
  const directory = to ? path.dirname(path.resolve(to)) : options.directory;
  let file = to ? path.resolve(to) : directory;
  // Written under another name and renamed when complete: a dump cut short
  // by a full disk or a crash never looks like a backup.
  let partial: string | undefined;
  try {
    const schemaVersion = await readSchemaVersion(client);
    if (!schemaVersion) {
      throw new Error("The database has no migration applied: start Kattoo once, or run npm run db:migrate.");
    }
    if (!to) file = path.join(directory, backupFileName({ at: startedAt, schemaVersion }));
    if (existsSync(file)) throw new Error(`${file} exists already: choose another file.`);
    await mkdir(directory, { recursive: true });
    partial = `${file}.partial`;
    await rm(partial, { force: true });
    await writeDump({ client, file: partial });
    await rename(partial, file);
    const { size } = await stat(file);
    if (keep && !to) await prune(directory, keep);
    await recordBackupRun({ startedAt, trigger, file, sizeBytes: size });
    getLogger().info({ file, sizeBytes: size, trigger }, "backup taken");
    return { status: "done", file, sizeBytes: size };
  } catch (caught) {
    const error = caught instanceof Error ? caught.message : String(caught);
    if (partial) await rm(partial, { force: true }).catch(() => {});
    // Loud: a log line for whoever reads them, a row for the Instance page.
    getLogger().error({ file, trigger, error }, "backup failed");
    await recordBackupRun({ startedAt, trigger, file, error }).catch((recordError: unknown) => {
      getLogger().error({ error: String(recordError) }, "backup failure could not be recorded");
    });
    return { status: "failed", file, error };
  }
}

async function prune(directory: string, keep: number) {
  for (const name of backupsToPrune({ files: await readdir(directory), keep })) {
    await rm(path.join(directory, name), { force: true });
  }
}
