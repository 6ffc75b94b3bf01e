import { randomBytes } from "node:crypto";
import pg from "pg";
import { DamagedDumpError, listTables, loadDump, readDumpHeader, textClient } from "@/lib/backup/dump";
import { applyMigrations, readMigrationList } from "@/lib/database/migrations";

// `npm run restore`: the backup is loaded into a new database beside the
// configured one, built from the migrations up to the backup's schema version;
// only when every row is in and checked are the two swapped by renaming, in
// one transaction. A damaged file, a refusal or a crash leaves the configured
// database exactly as it was (docs/decisions/022-backups.md).

/** The restore was not attempted, or stopped; the configured database is untouched. */
export class RestoreError extends Error {}

function withDatabaseName(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

export async function restoreBackup({
  databaseUrl,
  file,
  force = false,
  log = () => {},
}: {
  databaseUrl: string;
  file: string;
  /** Replace a database that holds rows (it is kept under another name). */
  force?: boolean;
  log?: (line: string) => void;
}): Promise<{ keptAs?: string }> {
  const target = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const header = await readDumpHeader(file).catch((error: unknown) => {
    throw new RestoreError(`${file} is not a Kattoo backup (${(error as Error).message}).`);
  });
  const migrations = (await readMigrationList()).migrationDirectories.map((directory) => directory.path);
  const last = migrations.at(-1) ?? "none";
  if (header.schemaVersion > last) {
    throw new RestoreError(
      `The backup's schema (${header.schemaVersion}) is newer than this code's last migration (${last}): ` +
        "restore it with the version of Kattoo that made it, or a later one.",
    );
  }
  if (!migrations.includes(header.schemaVersion)) {
    throw new RestoreError(
      `The backup's schema (${header.schemaVersion}) is not one of this code's migrations (the last is ${last}).`,
    );
  }

  // The maintenance database of the same server: a database cannot be
  // renamed by a session connected to it.
  const admin = new pg.Client({ connectionString: withDatabaseName(databaseUrl, "postgres") });
  await admin.connect();
  try {
    const exists =
      (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [target])).rowCount === 1;
    const hasRows = exists && (await databaseHasRows(databaseUrl));
    if (exists) await refuseIfInUse(admin, target);
    if (hasRows && !force) {
      throw new RestoreError(
        `The database ${target} is not empty. Restoring replaces everything in it: add --force to do so ` +
          "(it is kept under another name).",
      );
    }

    const scratch = `${target.slice(0, 40)}_restore_${randomBytes(4).toString("hex")}`;
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(scratch)}`);
    try {
      const scratchUrl = withDatabaseName(databaseUrl, scratch);
      log(`Rebuilding the schema ${header.schemaVersion} in a new database…`);
      await applyMigrations({ databaseUrl: scratchUrl, upTo: header.schemaVersion });
      log("Loading the backup…");
      const client = textClient(scratchUrl);
      await client.connect();
      try {
        await loadDump({ client, file });
      } finally {
        await client.end();
      }
      const applied = await applyMigrations({ databaseUrl: scratchUrl });
      if (applied.length > 0) log(`Applied the migrations since: ${applied.join(", ")}`);
      return await swap({ admin, target, scratch, exists, hasRows });
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(scratch)} WITH (FORCE)`);
      if (error instanceof DamagedDumpError) {
        throw new RestoreError(
          `The backup ${file} is damaged or incomplete: ${error.message}. ` +
            `Nothing was restored: the database ${target} is as it was.`,
        );
      }
      throw error;
    }
  } finally {
    await admin.end();
  }
}

async function databaseHasRows(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const table of await listTables(client)) {
      const { rowCount } = await client.query(`SELECT 1 FROM ${client.escapeIdentifier(table)} LIMIT 1`);
      if (rowCount) return true;
    }
    return false;
  } finally {
    await client.end();
  }
}

async function refuseIfInUse(admin: pg.Client, database: string) {
  const { rows } = await admin.query<{ count: string }>(
    "SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
    [database],
  );
  const count = Number(rows[0]?.count ?? 0);
  if (count > 0) {
    throw new RestoreError(
      `The database ${database} is in use (${count} connections): stop Kattoo (every instance and worker) first.`,
    );
  }
}

async function swap({
  admin,
  target,
  scratch,
  exists,
  hasRows,
}: {
  admin: pg.Client;
  target: string;
  scratch: string;
  exists: boolean;
  hasRows: boolean;
}): Promise<{ keptAs?: string }> {
  const previous = `${target.slice(0, 40)}_before_${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
  if (exists) await refuseIfInUse(admin, target);
  await admin.query("BEGIN");
  try {
    if (exists) {
      await admin.query(
        `ALTER DATABASE ${admin.escapeIdentifier(target)} RENAME TO ${admin.escapeIdentifier(previous)}`,
      );
    }
    await admin.query(
      `ALTER DATABASE ${admin.escapeIdentifier(scratch)} RENAME TO ${admin.escapeIdentifier(target)}`,
    );
    await admin.query("COMMIT");
  } catch (error) {
    await admin.query("ROLLBACK");
    throw error;
  }
  if (!exists) return {};
  if (!hasRows) {
    await admin.query(`DROP DATABASE ${admin.escapeIdentifier(previous)} WITH (FORCE)`);
    return {};
  }
  return { keptAs: previous };
}
