import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { z } from "zod";
import { systemActor } from "@/lib/audit/record";
import { withDatabase } from "@/lib/cli/database";
import { generatePassword } from "@/lib/staff/passwords";
import { createStaffSchema, eventRoles, passwordSchema } from "@/lib/staff/schema";

// `npm run staff:create -- --email a@b.kg --role admin [--name "Айгүл"]`
// Creates a staff account. The password is read from standard input when
// one is piped in, else generated and printed once (and must then be
// changed at the first sign-in: it has been on a screen).
//
// `npm run staff:create -- --email door@b.kg --event <slug> --event-role check-in`
// puts the account on one event's team (decision 030): a new account is a
// plain staff account (it sees that event only) unless --role says
// otherwise; an existing one is added as it is, its password untouched.

const USAGE = [
  "Usage: npm run staff:create -- --email <email> --role admin|organizer|check-in|staff [--name <name>]",
  "   or: npm run staff:create -- --email <email> --event <slug> --event-role manager|organizer|check-in|viewer",
  "A password piped in must have 12 to 128 characters and not be one of the commonest passwords.",
];

const code = (value: string | undefined) => value?.toUpperCase().replaceAll("-", "_");

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    name: { type: "string" },
    event: { type: "string" },
    "event-role": { type: "string" },
  },
});
const argumentsSchema = createStaffSchema
  .omit({ password: true })
  .extend({ event: z.string().min(1).optional(), eventRole: z.enum(eventRoles).optional() })
  .refine((parsed) => (parsed.event === undefined) === (parsed.eventRole === undefined));
const parsed = argumentsSchema.safeParse({
  email: values.email,
  name: values.name ?? values.email,
  role: code(values.role ?? (values.event ? "staff" : undefined)),
  event: values.event,
  eventRole: code(values["event-role"]),
});
const generated = Boolean(process.stdin.isTTY);
const password = generated ? generatePassword() : (await text(process.stdin)).trim();
if (!parsed.success) {
  for (const line of USAGE) console.error(line);
  process.exit(2);
}
const { event, eventRole, ...account } = parsed.data;

const outcome = await withDatabase(async (databaseUrl) => {
  process.env.DATABASE_URL = databaseUrl;
  const { createStaffAccount } = await import("@/lib/staff/mutations");
  const { findStaffByEmail } = await import("@/lib/staff/data");
  const { findEventIdBySlug } = await import("@/lib/events/data");
  const { addTeamMember } = await import("@/lib/teams/mutations");
  const eventId = event ? await findEventIdBySlug({ slug: event }) : undefined;
  if (event && !eventId) return { error: `No event has the slug ${event}.` };
  const existing = eventId ? await findStaffByEmail({ email: account.email }) : null;
  if (!existing) {
    if (!passwordSchema.safeParse(password).success) return { error: USAGE[2] };
    const created = await createStaffAccount({
      ...account,
      password,
      mustChangePassword: generated,
      actor: systemActor,
    });
    if (!created.ok) return { error: `A staff account with the email ${account.email} already exists.` };
  }
  if (!eventId || !eventRole) return { created: true };
  const added = await addTeamMember({ eventId, email: account.email, role: eventRole, actor: systemActor });
  if (!added.ok) return { error: `${account.email} is on the team of ${event} already.` };
  return { created: !existing };
});
if ("error" in outcome) {
  console.error(outcome.error);
  process.exit(1);
}
if (outcome.created) console.log(`Created ${account.role.toLowerCase()} ${account.email}.`);
if (event && eventRole) {
  console.log(
    `Added ${account.email} to the team of ${event} as ${eventRole.toLowerCase().replace("_", "-")}.`,
  );
}
if (outcome.created && generated) {
  console.log(`Password: ${password}   (shown once: note it now; it must be changed at the first sign-in)`);
}
process.exit(0);
