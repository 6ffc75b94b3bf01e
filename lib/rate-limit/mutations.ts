import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** At most `limit` attempts for `key` in a window of `windowSeconds`. */
export type RateLimitRule = { key: string; limit: number; windowSeconds: number };

/**
 * No window is longer than this, so a row whose window started longer ago
 * than this has no count left that any rule reads: pruneRateLimits() deletes
 * it. A longer window would need this raised first.
 */
export const RATE_LIMIT_MAX_WINDOW_SECONDS = 24 * 60 * 60;

function checkWindow(windowSeconds: number) {
  if (windowSeconds > RATE_LIMIT_MAX_WINDOW_SECONDS)
    throw new Error(`A rate-limit window of ${windowSeconds} s outlives the pruning of its rows.`);
}

/**
 * Keys hold client addresses and emails, which a client may make as long as it
 * likes: store a fixed-size digest, which also keeps them out of the database.
 */
function digestOf(key: string): string {
  return createHash("sha256").update(key).digest("base64url");
}

/**
 * Deletes the rows of windows that have ended for every rule, and the
 * throttles every rule has forgotten: one row per client address, email and
 * event tried would otherwise stay for good. Returns how many went.
 */
export async function pruneRateLimits(): Promise<number> {
  const windows = await db.$executeRaw`
    DELETE FROM rate_limit
    WHERE window_start < now() - make_interval(secs => ${RATE_LIMIT_MAX_WINDOW_SECONDS})`;
  const throttles = await db.$executeRaw`
    DELETE FROM attempt_throttle
    WHERE last_attempt_at < now() - make_interval(secs => ${RATE_LIMIT_MAX_WINDOW_SECONDS})`;
  return windows + throttles;
}

/**
 * Counts one attempt against each rule's key in a fixed window, in order,
 * stopping at the first rule that refuses: an attempt the client's limit
 * refuses does not use up the next ones. In PostgreSQL, so that every app
 * instance shares the counts; one statement (each rule an upsert that runs
 * only when the one before allowed), so concurrent attempts serialize on
 * each row and none is lost, in one round trip.
 */
export async function consumeRateLimits(
  rules: readonly RateLimitRule[],
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  if (rules.length === 0) return { allowed: true };
  for (const rule of rules) checkWindow(rule.windowSeconds);
  const steps = rules.map((rule, i) => {
    const expired = Prisma.sql`rate_limit.window_start <= now() - make_interval(secs => ${rule.windowSeconds})`;
    const after = i === 0 ? Prisma.empty : Prisma.sql`FROM ${Prisma.raw(`step${i - 1}`)} WHERE allowed`;
    return Prisma.sql`${Prisma.raw(`step${i}`)} AS (
      INSERT INTO rate_limit (key, window_start, count)
      SELECT ${digestOf(rule.key)}, now(), 1 ${after}
      ON CONFLICT (key) DO UPDATE SET
        count = CASE WHEN ${expired} THEN 1 ELSE rate_limit.count + 1 END,
        window_start = CASE WHEN ${expired} THEN now() ELSE rate_limit.window_start END
      RETURNING ${i}::int AS step, count <= ${rule.limit} AS allowed, window_start)`;
  });
  const rows = await db.$queryRaw<{ step: number; allowed: boolean; window_start: Date }[]>`
    WITH ${Prisma.join(steps, ",\n")}
    ${Prisma.join(
      rules.map((_, i) => Prisma.sql`SELECT step, allowed, window_start FROM ${Prisma.raw(`step${i}`)}`),
      " UNION ALL ",
    )}`;
  const refused = rows.find((row) => !row.allowed);
  if (!refused) return { allowed: true };
  const windowSeconds = rules[refused.step]?.windowSeconds ?? 0;
  const elapsed = (Date.now() - refused.window_start.getTime()) / 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)) };
}

/** Whether `key` has used up its limit in the current window, without counting an attempt. */
export async function isRateLimited({ key, limit, windowSeconds }: RateLimitRule): Promise<boolean> {
  checkWindow(windowSeconds);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count FROM rate_limit
    WHERE key = ${digestOf(key)} AND window_start > now() - make_interval(secs => ${windowSeconds})`;
  return (row?.count ?? 0) >= limit;
}

/**
 * Attempts at a secret (a password, a code): the first `freeAttempts` go
 * through at once, then each must come `delaySeconds` after the last, the
 * delay doubling with each attempt up to `maxDelaySeconds`. A key left alone
 * for `forgetSeconds` starts again. Used instead of a lock, which would let
 * anyone keep a known account out (docs/decisions/012-sign-in-throttling.md).
 */
export type AttemptThrottleRule = {
  key: string;
  freeAttempts: number;
  maxDelaySeconds: number;
  forgetSeconds: number;
};

/**
 * Counts an attempt before the secret is checked, in one statement: parallel
 * attempts serialize on the row, so a burst gets exactly `freeAttempts`
 * through and the rest are refused unchecked.
 */
export async function consumeAttempt({
  key,
  freeAttempts,
  maxDelaySeconds,
  forgetSeconds,
}: AttemptThrottleRule): Promise<{ allowed: boolean }> {
  checkWindow(forgetSeconds);
  // The exponent is capped so that power() cannot overflow, whatever the count.
  const rows = await db.$queryRaw<{ attempts: number }[]>`
    INSERT INTO attempt_throttle AS t (key, attempts, last_attempt_at)
    VALUES (${digestOf(key)}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN t.last_attempt_at <= now() - make_interval(secs => ${forgetSeconds})
                      THEN 1 ELSE t.attempts + 1 END,
      last_attempt_at = now()
    WHERE t.last_attempt_at <= now() - make_interval(secs => ${forgetSeconds})
       OR t.attempts < ${freeAttempts}
       OR t.last_attempt_at <= now() - make_interval(secs =>
            LEAST(${maxDelaySeconds}::float8, power(2, LEAST(t.attempts - ${freeAttempts}, 30))))
    RETURNING attempts`;
  return { allowed: rows.length === 1 };
}

/** A success: the key starts again with its free attempts. */
export async function clearAttempts({ key }: { key: string }) {
  await db.attemptThrottle.deleteMany({ where: { key: digestOf(key) } });
}

/**
 * A success that must not reset the key (a client address, shared by
 * everyone behind it): only this attempt is given back, so the failures
 * still count.
 */
export async function refundAttempt({ key }: { key: string }) {
  await db.attemptThrottle.updateMany({
    where: { key: digestOf(key), attempts: { gt: 0 } },
    data: { attempts: { decrement: 1 } },
  });
}
