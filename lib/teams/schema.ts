import { z } from "zod";
import { eventRoles } from "@/lib/staff/schema";

// An event's team (decision 030): accounts added by email, each with a role
// on the event. Error codes are message keys of admin.team.errors.

const eventRole = z.enum(eventRoles, { error: "badRole" });

export const addMemberSchema = z.object({
  email: z
    .string({ error: "badEmail" })
    .trim()
    .toLowerCase()
    .max(254, { error: "badEmail" })
    .pipe(z.email({ error: "badEmail" })),
  role: eventRole,
});

export const memberChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), role: eventRole }),
  z.object({ change: z.literal("remove") }),
]);

export type MemberChange = z.infer<typeof memberChangeSchema>;
