import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's recommended cost (m = 19 MiB, t = 2, p = 1).
const ARGON2ID = 2;
const options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export function verifyPassword({ hash: stored, password }: { hash: string; password: string }) {
  return verify(stored, password);
}

/** 20 characters from a 64-letter alphabet: 120 bits. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}
