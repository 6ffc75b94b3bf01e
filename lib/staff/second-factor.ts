import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { appSecret } from "@/lib/env";

// The optional second factor: a TOTP app (RFC 6238, 30-second steps, six
// digits) and one-time recovery codes. The TOTP secret is stored encrypted
// (AES-256-GCM, key derived from APP_SECRET), so a copy of the database
// alone cannot produce codes. Recovery codes are stored as SHA-256: they are
// random, so a fast hash is enough. docs/decisions/007-second-factor-and-staff-accounts.md.

const ISSUER = "Kattoo";
export const RECOVERY_CODE_COUNT = 10;

function encryptionKey(): Buffer {
  return Buffer.from(hkdfSync("sha256", appSecret(), "", "kattoo totp secret", 32));
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function encryptTotpSecret(base32: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(), iv);
  const sealed = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64url")).join(".");
}

export function decryptTotpSecret(stored: string): string {
  const [iv, tag, sealed] = stored.split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !sealed) throw new Error("Malformed TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", encryptionKey(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
}

function totp(base32: string, account: string): TOTP {
  return new TOTP({ issuer: ISSUER, label: account, secret: Secret.fromBase32(base32) });
}

/** The address an authenticator app reads from the enrolment QR code. */
export function totpUri({ secret, account }: { secret: string; account: string }): string {
  return totp(secret, account).toString();
}

/**
 * The time step of a valid code (one step of clock drift either way), or
 * null. A step at or before `lastStep` was used already and does not count.
 */
export function acceptedTotpStep({
  secret,
  code,
  lastStep,
}: {
  secret: string;
  code: string;
  lastStep: number | null;
}): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, "").validate({ token, window: 1 });
  if (delta === null) return null;
  const step = TOTP.counter() + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** Ten codes such as `7hq2k-x9m4d`: 50 bits each from a 32-letter alphabet. */
export function newRecoveryCodes(): string[] {
  const alphabet = "abcdefghjkmnpqrstuvwxyz023456789";
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const letters = [...randomBytes(10)].map((byte) => alphabet[byte % 32]).join("");
    return `${letters.slice(0, 5)}-${letters.slice(5)}`;
  });
}

/** Recovery codes are compared without case, spaces or the dash. */
export function hashRecoveryCode(code: string): string {
  const normalized = code.toLowerCase().replace(/[\s-]/g, "");
  return createHash("sha256").update(normalized).digest("hex");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}
