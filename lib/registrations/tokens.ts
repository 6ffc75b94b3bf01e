import { createHash, createHmac, randomInt } from "node:crypto";
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
