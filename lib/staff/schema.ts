import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

export const staffRoles = ["ADMIN", "ORGANIZER", "CHECK_IN", "STAFF"] as const;
export type StaffRoleName = (typeof staffRoles)[number];

export const eventRoles = ["MANAGER", "ORGANIZER", "CHECK_IN", "VIEWER"] as const;
export type EventRoleName = (typeof eventRoles)[number];

const staffEmail = z.string().trim().toLowerCase().max(254).pipe(z.email());

// The passwords people pick most often (zxcvbn-ts's list, from leaked
// password sets); only those long enough to pass the length rule matter.
const commonPasswords = new Set(
  dictionary["passwords-common"]
    .filter((password) => password.length >= 12)
    .map((password) => password.toLowerCase()),
);

/**
 * A staff password: long enough to resist guessing, not one of the commonest,
 * at most 128 characters so hashing stays cheap.
 */
export const passwordSchema = z
  .string()
  .min(12, { error: "tooShort" })
  .max(128, { error: "tooLong" })
  .refine((password) => !commonPasswords.has(password.toLowerCase()), { error: "common" });

/** A six-digit code from an authenticator app, or a recovery code. */
export const secondFactorCodeSchema = z.string().trim().min(6).max(20);

/** The current password, or a code from the authenticator app, asked again before a security change. */
export const currentSecretSchema = z.string().min(1).max(128);

export const signInSchema = z.object({
  email: staffEmail,
  password: z.string().min(1).max(128),
  code: z.preprocess((value) => (value === "" ? undefined : value), secondFactorCodeSchema.optional()),
});

export const createStaffSchema = z.object({
  email: staffEmail,
  name: z.string().trim().min(1).max(200),
  role: z.enum(staffRoles),
  password: passwordSchema,
});

/** An admin creating an account in the staff area: the password is generated and shown once. */
export const newStaffSchema = createStaffSchema.omit({ password: true });

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema, repeat: z.string() })
  .refine((values) => values.newPassword === values.repeat, { path: ["repeat"], message: "mismatch" });
