import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";

/**
 * Counts one attempt against `key` in a fixed window, in PostgreSQL so that
 * every app instance shares the count. One statement: concurrent attempts
 * serialize on the row, none is lost.
 */
export async function consumeRateLimit({
  key,
  limit,
  windowSeconds,
}: {
  key: string;
  limit: number;
  windowSeconds: number;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  // Keys hold client addresses, which a client may make as long as it likes:
  // store a fixed-size digest, which also keeps the addresses themselves out
  // of the database.
  const digest = createHash("sha256").update(key).digest("base64url");
  const [row] = await db.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limit (key, window_start, count)
    VALUES (${digest}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => ${windowSeconds})
                   THEN 1 ELSE rate_limit.count + 1 END,
      window_start = CASE WHEN rate_limit.window_start <= now() - make_interval(secs => ${windowSeconds})
                   THEN now() ELSE rate_limit.window_start END
    RETURNING count, window_start`;
  if (!row) throw new Error("rate_limit upsert returned no row");
  const elapsed = (Date.now() - row.window_start.getTime()) / 1000;
  return {
    allowed: row.count <= limit,
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)),
  };
}
