import { z } from "zod";

export const staffRoles = ["ADMIN", "ORGANIZER", "CHECK_IN"] as const;
export type StaffRoleName = (typeof staffRoles)[number];

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(128),
});

export type SignInInput = z.infer<typeof signInSchema>;

/** A staff password: long enough to resist guessing; at most 128 characters, so hashing stays cheap. */
export const passwordSchema = z.string().min(12).max(128);

export const createStaffSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  role: z.enum(staffRoles),
  password: passwordSchema,
});

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: passwordSchema, repeat: z.string() })
  .refine((values) => values.newPassword === values.repeat, { path: ["repeat"], message: "mismatch" });
