import { randomInt } from "node:crypto";
import { CODE_ALPHABET } from "@/lib/registrations/tokens";

// A certificate's verification code: 12 characters of an alphabet without
// look-alikes, about 59 random bits, so that no one finds a valid code by
// trying; printed and typed in groups of four.

const CODE_LENGTH = 12;
const CODE = /^[2-9A-HJKMNP-Z]{12}$/;

export function generateCertificateCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** "7KQ2-M9XD-P4RT" */
export function formatCertificateCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** The code as stored, from what someone typed (any case, with or without dashes and spaces); null if it cannot be one. */
export function normalizeCertificateCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  return CODE.test(code) ? code : null;
}
