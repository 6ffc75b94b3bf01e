import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startOutboxWorker } from "@/lib/emails/worker";
import {
  consumeAttempt,
  consumeRateLimits,
  pruneRateLimits,
  RATE_LIMIT_MAX_WINDOW_SECONDS,
} from "@/lib/rate-limit/mutations";

describe("consumeRateLimits", () => {
  it("allows the limit within a window and refuses the next, even when they arrive together", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => consumeRateLimits([{ key, limit: 10, windowSeconds: 600 }])),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    const refused = results.filter((result) => !result.allowed);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.retryAfterSeconds).toBeGreaterThan(590);
  });

  it("starts a new window once the old one has passed", async () => {
    const key = `test:${randomUUID()}`;
    expect((await consumeRateLimits([{ key, limit: 1, windowSeconds: 1 }])).allowed).toBe(true);
    expect((await consumeRateLimits([{ key, limit: 1, windowSeconds: 1 }])).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await consumeRateLimits([{ key, limit: 1, windowSeconds: 1 }])).allowed).toBe(true);
  });

  it("counts several rules in order in one statement, and stops at the first that refuses", async () => {
    const [client, email] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    const rules = [
      { key: client, limit: 1, windowSeconds: 600 },
      { key: email, limit: 5, windowSeconds: 3600 },
    ];
    expect(await consumeRateLimits(rules)).toEqual({ allowed: true });
    const refused = await consumeRateLimits(rules);
    // The client's rule refused: its window says when to come back, not the email's.
    expect(refused.allowed).toBe(false);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(600);
    // The email was counted once, not for the refused attempt: its second attempt of two is allowed.
    expect((await consumeRateLimits([{ key: email, limit: 2, windowSeconds: 3600 }])).allowed).toBe(true);
  });

  it("keeps separate counts per key", async () => {
    const [a, b] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    expect((await consumeRateLimits([{ key: a, limit: 1, windowSeconds: 600 }])).allowed).toBe(true);
    expect((await consumeRateLimits([{ key: b, limit: 1, windowSeconds: 600 }])).allowed).toBe(true);
  });
});

describe("pruning rate-limit rows", () => {
  it("deletes rows whose window ended longer ago than any rule reads, and keeps the rest", async () => {
    await consumeRateLimits([{ key: `test:${randomUUID()}`, limit: 5, windowSeconds: 600 }]);
    await db.$executeRaw`
      UPDATE rate_limit SET window_start = now() - make_interval(secs => ${RATE_LIMIT_MAX_WINDOW_SECONDS + 60})`;
    const expired = await db.rateLimit.count();
    const recent = `test:${randomUUID()}`;
    await consumeRateLimits([{ key: recent, limit: 2, windowSeconds: 600 }]);
    await consumeRateLimits([{ key: recent, limit: 2, windowSeconds: 600 }]);

    expect(await pruneRateLimits()).toBe(expired);
    expect(await db.rateLimit.count()).toBe(1);
    // The recent key kept its count: its third attempt is refused.
    expect((await consumeRateLimits([{ key: recent, limit: 2, windowSeconds: 600 }])).allowed).toBe(false);
  });

  it("deletes sign-in throttles idle longer than any rule remembers", async () => {
    const rule = { freeAttempts: 5, maxDelaySeconds: 900, forgetSeconds: 3600 };
    const [idle, recent] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    await consumeAttempt({ key: idle, ...rule });
    await db.$executeRaw`
      UPDATE attempt_throttle SET last_attempt_at = now() - make_interval(secs => ${RATE_LIMIT_MAX_WINDOW_SECONDS + 60})`;
    await consumeAttempt({ key: recent, ...rule });
    await db.rateLimit.deleteMany();

    expect(await pruneRateLimits()).toBe(1);
    expect(await db.attemptThrottle.count()).toBe(1);
  });

  it("is done by the outbox worker as it runs", async () => {
    await consumeRateLimits([{ key: `test:${randomUUID()}`, limit: 5, windowSeconds: 600 }]);
    await db.$executeRaw`
      UPDATE rate_limit SET window_start = now() - make_interval(secs => ${RATE_LIMIT_MAX_WINDOW_SECONDS + 60})`;
    const worker = startOutboxWorker({
      send: async () => ({ providerMessageId: "unused" }),
      retryBaseSeconds: 1,
      idleMs: 20,
      pruneRateLimitsEveryMs: 50,
    });
    try {
      await expect.poll(() => db.rateLimit.count(), { timeout: 5_000 }).toBe(0);
    } finally {
      await worker.stop();
    }
  });

  it("refuses a window longer than the pruning keeps", async () => {
    await expect(
      consumeRateLimits([{ key: "test:long", limit: 1, windowSeconds: RATE_LIMIT_MAX_WINDOW_SECONDS + 1 }]),
    ).rejects.toThrow(/outlives/);
  });
});
