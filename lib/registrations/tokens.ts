import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { appSecret } from "@/lib/env";

// The participant's management link carries a secret token. It is derived
// from the registration's id with the app secret, so every letter can carry
// the same link without the token being stored anywhere: the database keeps
// only its SHA-256, to find the registration it opens.

export function manageToken(registrationId: string): string {
  return createHmac("sha256", appSecret()).update(`manage:${registrationId}`).digest("base64url");
}

/** A token as manageToken makes it: an HMAC-SHA256 in base64url. Anything else opens nothing. */
export const manageTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

/**
 * The room's pass: found by check-in code and name from the QR handout, it
 * opens the registration's post-test and feedback survey and nothing else
 * (not its page, its details or its cancelling: a code is said aloud at the
 * door). It names the registration and is signed with the app secret for
 * this one purpose, so it is stored nowhere either
 * (docs/decisions/043-outcome-reports.md).
 */
export function roomPass(registrationId: string): string {
  return `${registrationId}.${roomSignature(registrationId)}`;
}

function roomSignature(registrationId: string): string {
  return createHmac("sha256", appSecret()).update(`room:${registrationId}`).digest("base64url");
}

export const roomPassSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/);

/** The registration a room pass names, if its signature is ours; null otherwise. */
export function registrationOfRoomPass(pass: string): string | null {
  if (!roomPassSchema.safeParse(pass).success) return null;
  const [registrationId = "", signature = ""] = pass.split(".");
  const expected = Buffer.from(roomSignature(registrationId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? registrationId : null;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

// No 0/O, 1/I/L: the code is read aloud and typed at the door.
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 7;

/** A short code for check-in, unique per event (the database checks it). */
export function generateCheckInCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}
