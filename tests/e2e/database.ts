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

/**
 * A published event of a test's own that is under way: its first day was
 * yesterday, its second began today (at midnight in its zone) and ends in
 * twelve hours, so that attendance may be marked on both and registration is
 * still open. Returns its id, its slug and its days in order.
 */
export async function insertEventUnderWay({ title, slugPrefix }: { title: string; slugPrefix: string }) {
  const slug = `${slugPrefix}-${randomUUID().slice(0, 8)}`;
  const [event] = await sql<{ id: string }>(
    `INSERT INTO event (id, slug, status, title, summary, description, audience, venue_name, venue_address,
                        capacity, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, 'PUBLISHED', $2, $2, $2, $2, $2, $2, 1000, now() - interval '10 years', now())
     RETURNING id`,
    [slug, JSON.stringify({ ru: title })],
  );
  if (!event) throw new Error("no event");
  const days = await sql<{ id: string }>(
    `INSERT INTO event_day (id, event_id, date, starts_at, ends_at)
     SELECT gen_random_uuid(), $1, (starts_at AT TIME ZONE 'Asia/Bishkek')::date, starts_at, ends_at
     FROM (VALUES (now() - interval '1 day 1 hour', now() - interval '1 day' + interval '6 hours'),
                  (now() - interval '1 hour', now() + interval '12 hours')) AS d (starts_at, ends_at)
     ORDER BY starts_at RETURNING id`,
    [event.id],
  );
  const [first, second] = days;
  if (!first || !second) throw new Error("no days");
  return { id: event.id, slug, first: first.id, second: second.id };
}
