import pg from "pg";

/**
 * One query on a connection of its own, closed after: for the launcher, which
 * asks a question or two before anything else connects (and need not load
 * Prisma for it), and for tests that look at a server's database.
 */
export async function queryOnce<T extends pg.QueryResultRow>(
  databaseUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
