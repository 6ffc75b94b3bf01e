import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import type pg from "pg";
import { queryOnce } from "../../lib/database/query-once";

/** A query on the database of the server under test (`npm start` records its address in the lock file). */
export function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const lock = JSON.parse(readFileSync(".data/e2e/kattoo.lock", "utf8")) as { databaseUrl: string };
  return queryOnce<T>(lock.databaseUrl, text, values);
}

/**
 * An event of a test's own: a draft whose registration has closed, so that no
 * other test's lists or counts move; made long ago, so that it is listed last
 * and tests that open the newest event still find theirs. Returns its id.
 */
export async function insertClosedEvent({
  title,
  slugPrefix,
  capacity,
}: {
  title: string;
  slugPrefix: string;
  capacity: number;
}): Promise<string> {
  const [event] = await sql<{ id: string }>(
    `INSERT INTO event (id, slug, status, title, summary, description, audience, venue_name, venue_address,
                        capacity, registration_closes_at, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, 'DRAFT', $2, $2, $2, $2, $2, $2, $3, now() - interval '1 day',
             now() - interval '10 years', now())
     RETURNING id`,
    [`${slugPrefix}-${randomUUID().slice(0, 8)}`, JSON.stringify({ ru: title }), capacity],
  );
  if (!event) throw new Error("no event");
  return event.id;
}
