import { createHash, randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { DEVICE_COOKIE, newDeviceToken } from "@/lib/staff/device-cookie";
import { confirmSecondFactor, startSecondFactor } from "@/lib/staff/mutations";
import * as passwords from "@/lib/staff/passwords";
import { newAccount, postSignIn } from "../support/auth-flow";

// Sign-in through Auth.js's own route handler, as a browser or a script
// would post it: the throttle must hold however many guesses arrive at once.

const signIns = (staffId: string) =>
  db.auditLog.count({ where: { action: "staff.signed_in", entityId: staffId } });

describe("sign-in throttling", () => {
  it("a burst of 60 parallel guesses, the right password among them, verifies only a few and does not sign in", async () => {
    const account = await newAccount("guess");
    // Each guess from an address of its own, as a botnet would send them:
    // only the account's count can stop them.
    const guesses = Array.from({ length: 60 }, (_, index) =>
      postSignIn({
        email: account.email,
        password: index === 40 ? account.password : `wrong-${index}-${randomUUID()}`,
        address: `198.51.100.${index}`,
      }),
    );
    const verified = vi.spyOn(passwords, "verifyPassword");
    const sessions = (await Promise.all(guesses)).filter(Boolean);
    expect(sessions).toEqual([]);
    expect(await signIns(account.id)).toBe(0);
    expect(verified.mock.calls.length).toBeLessThanOrEqual(5);
    verified.mockRestore();
  });

  it("a burst of 60 parallel codes with the right password verifies only a few and does not sign in", async () => {
    const account = await newAccount("guess");
    const started = await startSecondFactor({ staffId: account.id, currentSecret: account.password });
    const totp = new TOTP({ secret: Secret.fromBase32((started.ok && started.secret) || "") });
    // Turned on with the previous step's code, so that the current one is still unused.
    await confirmSecondFactor({
      staffId: account.id,
      code: totp.generate({ timestamp: Date.now() - 30_000 }),
    });
    const right = totp.generate();
    const near = new Set(
      [-30_000, 0, 30_000].map((shift) => totp.generate({ timestamp: Date.now() + shift })),
    );
    const wrong = (index: number) => {
      for (let candidate = index; ; candidate += 60) {
        const code = String(candidate).padStart(6, "0");
        if (!near.has(code)) return code;
      }
    };
    const guesses = Array.from({ length: 60 }, (_, index) =>
      postSignIn({
        email: account.email,
        password: account.password,
        code: index === 40 ? right : wrong(index),
        address: `198.51.100.${index}`,
      }),
    );
    expect((await Promise.all(guesses)).filter(Boolean)).toEqual([]);
    expect(await signIns(account.id)).toBe(0);
  });

  it("past the free attempts the account waits, but not its owner's browser that signed in before", async () => {
    const account = await newAccount("guess");
    // Eight failures, the last just now: the next attempt must wait 8 s.
    // (The throttle stores each key's SHA-256.)
    const key = createHash("sha256").update(`signin:account:${account.email}`).digest("base64url");
    await db.attemptThrottle.create({ data: { key, attempts: 8, lastAttemptAt: new Date() } });
    expect(await postSignIn({ email: account.email, password: account.password })).toBeNull();
    expect(await signIns(account.id)).toBe(0);

    const device = `${DEVICE_COOKIE}=${encodeURIComponent(newDeviceToken(account.email))}`;
    expect(
      await postSignIn({ email: account.email, password: account.password, cookie: device }),
    ).not.toBeNull();
    // A device cookie made for another account counts for nothing here.
    const foreign = `${DEVICE_COOKIE}=${encodeURIComponent(newDeviceToken("someone@kattoo.test"))}`;
    expect(
      await postSignIn({ email: account.email, password: account.password, cookie: foreign }),
    ).toBeNull();
    expect(await signIns(account.id)).toBe(1);
  });

  it("an unknown email is throttled like a known one", async () => {
    const email = `nobody-${randomUUID()}@kattoo.test`;
    const verified = vi.spyOn(passwords, "verifyPassword");
    const guesses = Array.from({ length: 20 }, (_, index) =>
      postSignIn({ email, password: `guess-${index}-long`, address: `198.51.100.${index}` }),
    );
    expect((await Promise.all(guesses)).filter(Boolean)).toEqual([]);
    expect(verified.mock.calls.length).toBe(5);
    verified.mockRestore();
  });
});
