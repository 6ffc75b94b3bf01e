import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consumeRateLimit } from "@/lib/rate-limit/mutations";

describe("consumeRateLimit", () => {
  it("allows the limit within a window and refuses the next, even when they arrive together", async () => {
    const key = `test:${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 12 }, () => consumeRateLimit({ key, limit: 10, windowSeconds: 600 })),
    );
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
    const refused = results.filter((result) => !result.allowed);
    expect(refused).toHaveLength(2);
    expect(refused[0]?.retryAfterSeconds).toBeGreaterThan(590);
  });

  it("starts a new window once the old one has passed", async () => {
    const key = `test:${randomUUID()}`;
    expect((await consumeRateLimit({ key, limit: 1, windowSeconds: 1 })).allowed).toBe(true);
    expect((await consumeRateLimit({ key, limit: 1, windowSeconds: 1 })).allowed).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await consumeRateLimit({ key, limit: 1, windowSeconds: 1 })).allowed).toBe(true);
  });

  it("keeps separate counts per key", async () => {
    const [a, b] = [`test:${randomUUID()}`, `test:${randomUUID()}`];
    expect((await consumeRateLimit({ key: a, limit: 1, windowSeconds: 600 })).allowed).toBe(true);
    expect((await consumeRateLimit({ key: b, limit: 1, windowSeconds: 600 })).allowed).toBe(true);
  });
});
