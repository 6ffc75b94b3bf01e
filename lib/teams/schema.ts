import { z } from "zod";
import { eventRoles } from "@/lib/staff/schema";

// An event's team (decision 030): accounts added by email, each with a role
// on the event. Error codes are message keys of admin.team.errors.

const eventRole = z.enum(eventRoles, { error: "badRole" });

const accountEmail = z
  .string({ error: "badEmail" })
  .trim()
  .toLowerCase()
  .max(254, { error: "badEmail" })
  .pipe(z.email({ error: "badEmail" }));

export const addMemberSchema = z.object({ email: accountEmail, role: eventRole });

/** A door account for one event: a volunteer's name and address. */
export const doorAccountSchema = z.object({
  name: z.string({ error: "badName" }).trim().min(1, { error: "badName" }).max(200, { error: "badName" }),
  email: accountEmail,
});

export const memberChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), role: eventRole }),
  z.object({ change: z.literal("remove") }),
]);

export type MemberChange = z.infer<typeof memberChangeSchema>;
