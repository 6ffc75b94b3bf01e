import type { AttemptThrottleRule } from "@/lib/rate-limit/mutations";

// Pure decisions about staff sessions (docs/decisions/006-staff-sessions.md)
// and the guessing of their secrets (012-sign-in-throttling.md).

/**
 * Attempts to prove who one is (sign-in, re-authentication) for `key`:
 * `freeAttempts` at once, then each must wait twice as long as the last, up
 * to a quarter of an hour; forgotten after an hour of quiet.
 */
export function guessThrottle(key: string, freeAttempts: number): AttemptThrottleRule {
  return { key, freeAttempts, maxDelaySeconds: 15 * 60, forgetSeconds: 60 * 60 };
}

/** A session ends after this long without a request… */
export const SESSION_IDLE_SECONDS = 2 * 60 * 60;
/** …and in any case this long after signing in. */
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** The last request's time is written at most this often: one write a minute, not one per request. */
export const SESSION_TOUCH_SECONDS = 60;

type SessionTimes = { createdAt: Date; lastSeenAt: Date; revokedAt: Date | null };

/** Whether a session row still opens the staff area: not ended, not idle too long, not too old. */
/**
 * An account opens the staff area: not disabled, and not past its end (a door
 * account ends with its event's last day). Checked at sign-in and on every request.
 */
export function isAccountOpen(
  account: { disabledAt: Date | null; expiresAt: Date | null },
  now: Date,
): boolean {
  return !account.disabledAt && !(account.expiresAt && account.expiresAt <= now);
}

export function isSessionLive(session: SessionTimes, now: Date): boolean {
  const since = (date: Date) => (now.getTime() - date.getTime()) / 1000;
  return (
    session.revokedAt === null &&
    since(session.lastSeenAt) < SESSION_IDLE_SECONDS &&
    since(session.createdAt) < SESSION_ABSOLUTE_SECONDS
  );
}

export function needsTouch(session: SessionTimes, now: Date): boolean {
  return (now.getTime() - session.lastSeenAt.getTime()) / 1000 >= SESSION_TOUCH_SECONDS;
}

const browsers = [
  ["Edge", /Edg(e|A|iOS)?\//],
  ["Opera", /OPR\//],
  ["Yandex", /YaBrowser\//],
  ["Firefox", /Firefox\/|FxiOS\//],
  ["Chrome", /Chrome\/|CriOS\//],
  ["Safari", /Safari\//],
] as const;
const systems = [
  ["Android", /Android/],
  ["iOS", /iPhone|iPad|iPod/],
  ["Windows", /Windows/],
  ["macOS", /Mac OS X|Macintosh/],
  ["Linux", /Linux|X11/],
] as const;

/**
 * "Firefox, Windows": enough for the owner to tell their devices apart on the
 * account page, and nothing more (no version, no address).
 */
export function deviceLabel(userAgent: string | null): string {
  const agent = userAgent ?? "";
  const browser = browsers.find(([, pattern]) => pattern.test(agent))?.[0];
  const system = systems.find(([, pattern]) => pattern.test(agent))?.[0];
  return [browser, system].filter(Boolean).join(", ") || "?";
}
