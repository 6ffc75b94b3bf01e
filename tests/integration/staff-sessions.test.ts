import { decode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { listActiveSessions } from "@/lib/staff/data";
import {
  changeOwnPassword,
  revokeStaffSession,
  startSecondFactor,
  touchStaffSession,
} from "@/lib/staff/mutations";
import * as passwords from "@/lib/staff/passwords";
import { type SessionClaims, staffOfSession } from "@/lib/staff/require-staff";
import { newAccount, postSignIn, postSignOut } from "../support/auth-flow";

// Sessions end when signed out, after two hours without a request and twelve
// hours after sign-in. Time passes here by moving a session's times back in
// the database, as they would be after that long.

/** Signs in through Auth.js; the cookie, and what the server reads from it on each request. */
async function signedIn(account: { email: string; password: string }) {
  const cookie = await postSignIn(account);
  if (!cookie) throw new Error("not signed in");
  const name = "authjs.session-token";
  const claims = await decode({
    token: cookie.slice(name.length + 1),
    secret: process.env.APP_SECRET ?? "",
    salt: name,
  });
  return { cookie, claims: claims as SessionClaims };
}

const minutes = (count: number) => count * 60_000;

/** Time passes for one session: its times move back by `ms`. */
async function elapse(sessionId: unknown, ms: number) {
  const shift = `${Math.round(ms / 1000)} seconds`;
  await db.$executeRaw`
    UPDATE staff_session SET created_at = created_at - ${shift}::interval,
                             last_seen_at = last_seen_at - ${shift}::interval
    WHERE id = ${String(sessionId)}::uuid`;
}

describe("staff sessions", () => {
  it("a session cookie copied before sign-out opens nothing after it", async () => {
    const account = await newAccount("session");
    const { cookie, claims } = await signedIn(account);
    expect((await staffOfSession(claims))?.staff.email).toBe(account.email);

    await postSignOut(cookie);
    // The copy is still a well-signed token; the server's row says no.
    expect(claims.sessionId).toEqual(expect.any(String));
    expect(await staffOfSession(claims)).toBeNull();
  });

  it("lives past two hours while used every few minutes, ends after two idle hours, and twelve hours after sign-in whatever", async () => {
    const account = await newAccount("session");
    const { claims } = await signedIn(account);
    // A door volunteer's morning: a request every five minutes for two and a half hours.
    for (let step = 0; step < 30; step++) {
      await elapse(claims.sessionId, minutes(5));
      expect(await staffOfSession(claims), `after ${(step + 1) * 5} minutes`).not.toBeNull();
    }
    await elapse(claims.sessionId, minutes(121));
    expect(await staffOfSession(claims)).toBeNull();

    const other = await signedIn(account);
    await elapse(other.claims.sessionId, minutes(12 * 60 + 1));
    // Even seen a minute ago, it is too old.
    await db.staffSession.update({
      where: { id: String(other.claims.sessionId) },
      data: { lastSeenAt: new Date(Date.now() - minutes(1)) },
    });
    expect(await staffOfSession(other.claims)).toBeNull();
  });

  it("writes the last request's time at most once a minute", async () => {
    const account = await newAccount("session");
    const { claims } = await signedIn(account);
    const seen = async () =>
      (await db.staffSession.findUniqueOrThrow({ where: { id: String(claims.sessionId) } })).lastSeenAt;
    const first = await seen();
    await staffOfSession(claims);
    expect(await seen()).toEqual(first);
    await elapse(claims.sessionId, minutes(2));
    await staffOfSession(claims);
    expect((await seen()).getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("a request still in flight when the session ended cannot bring it back", async () => {
    const account = await newAccount("session");
    const { claims } = await signedIn(account);
    await elapse(claims.sessionId, minutes(5));
    await revokeStaffSession({ staffId: account.id, sessionId: String(claims.sessionId) });
    // The in-flight request read the row before the sign-out and now records its use.
    await touchStaffSession({ id: String(claims.sessionId), idleSince: new Date(Date.now() - minutes(120)) });
    expect(await staffOfSession(claims)).toBeNull();
  });

  it("ends one session of one's own, and none of another account's", async () => {
    const account = await newAccount("session");
    const [phone, laptop] = [await signedIn(account), await signedIn(account)];
    const stranger = await newAccount("session");
    expect(
      await revokeStaffSession({ staffId: stranger.id, sessionId: String(phone.claims.sessionId) }),
    ).toBe(false);
    expect(await revokeStaffSession({ staffId: account.id, sessionId: String(phone.claims.sessionId) })).toBe(
      true,
    );
    expect(await staffOfSession(phone.claims)).toBeNull();
    expect(await staffOfSession(laptop.claims)).not.toBeNull();
    const listed = await listActiveSessions({ staffId: account.id });
    expect(listed.map((session) => session.id)).toEqual([laptop.claims.sessionId]);
    expect(listed[0]?.device).toBe("Chrome, Linux");
  });
});

describe("re-authentication before security changes", () => {
  it("refuses to start a second factor without the current password", async () => {
    const account = await newAccount("session");
    expect(await startSecondFactor({ staffId: account.id, currentSecret: "not-the-password" })).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    const stored = await db.staffUser.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.totpSecret).toBeNull();
    expect(await startSecondFactor({ staffId: account.id, currentSecret: account.password })).toMatchObject({
      ok: true,
      secret: expect.any(String),
    });
  });

  it("checks at most five of twelve wrong current passwords sent at once", async () => {
    const account = await newAccount("session");
    const verified = vi.spyOn(passwords, "verifyPassword");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        changeOwnPassword({
          staffId: account.id,
          currentPassword: `guess-${index}`,
          newPassword: "a-new-password-of-mine",
        }),
      ),
    );
    expect(verified.mock.calls.length).toBeLessThanOrEqual(5);
    verified.mockRestore();
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(7);
  });
});
