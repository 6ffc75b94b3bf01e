import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { dataDirectory, getEnv } from "@/lib/env";
import { acquireInstanceLock, readLockHolder } from "@/lib/processes/instance-lock";

/**
 * Runs `work` against Kattoo's database: DATABASE_URL when set, else the
 * database of a running `npm start`, else the embedded PostgreSQL, started
 * for the duration of `work` and stopped after it.
 */
export async function withDatabase<T>(work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const configured = getEnv().DATABASE_URL;
  if (configured) return work(configured);

  const directory = dataDirectory();
  const running = await readLockHolder(directory);
  if (running?.databaseUrl) return work(running.databaseUrl);

  const lock = await acquireInstanceLock(directory);
  try {
    const database = await startEmbeddedPostgres({ directory: path.join(directory, "postgres") });
    try {
      return await work(database.url);
    } finally {
      await database.stop();
    }
  } finally {
    await lock.release();
  }
}
