import { readFileSync } from "node:fs";
import pg from "pg";

/** A query on the database of the server under test (`npm start` records its address in the lock file). */
export async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const lock = JSON.parse(readFileSync(".data/e2e/kattoo.lock", "utf8")) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: lock.databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
