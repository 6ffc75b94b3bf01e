import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { appSecret } from "@/lib/env";

// OWASP's "device cookie": a browser that has signed in to an account before
// holds a signed token naming the account. Its sign-ins are throttled on
// the token's own count, not the account's, so someone guessing the account's
// password elsewhere cannot keep its owner out
// (docs/decisions/012-sign-in-throttling.md).

export const DEVICE_COOKIE = "kattoo.device";
export const DEVICE_COOKIE_MAX_AGE = 180 * 86_400;

function signature(payload: string): Buffer {
  const key = Buffer.from(hkdfSync("sha256", appSecret(), "", "kattoo device cookie", 32));
  return createHmac("sha256", key).update(payload).digest();
}

/** A new token for a browser that has just signed in to the account with this email. */
export function newDeviceToken(email: string): string {
  const payload = `${Buffer.from(email).toString("base64url")}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${signature(payload).toString("base64url")}`;
}

/** The token's own id when it is ours and names this email, else null. */
export function deviceTokenFor({ token, email }: { token: string | undefined; email: string }) {
  const [name, nonce, mac] = (token ?? "").split(".");
  if (!name || !nonce || !mac) return null;
  const expected = signature(`${name}.${nonce}`);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(name, "base64url").toString() === email ? nonce : null;
}

/** The device cookie's value from a request's Cookie header. */
export function deviceTokenOf(headers: Headers): string | undefined {
  const cookie = (headers.get("cookie") ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${DEVICE_COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(DEVICE_COOKIE.length + 1)) : undefined;
}
