import { z } from "zod";

export const staffRoles = ["ADMIN", "ORGANIZER", "CHECK_IN"] as const;
export type StaffRoleName = (typeof staffRoles)[number];

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(128),
});

export type SignInInput = z.infer<typeof signInSchema>;
