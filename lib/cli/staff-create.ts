import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { z } from "zod";
import { systemActor } from "@/lib/audit/record";
import { withDatabase } from "@/lib/cli/database";
import { organizationNameSchema } from "@/lib/organizations/schema";
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
//
// `npm run staff:create -- --email a@ngo.kg --role organizer --organization "ОО …"`
// puts a new or an existing account into a partner organization (decision
// 041), named whatever its case: its role then holds on that organization's
// events only. An admin is refused: admins are instance-wide.

const USAGE = [
  "Usage: npm run staff:create -- --email <email> --role admin|organizer|check-in|staff [--name <name>]",
  "   or: npm run staff:create -- --email <email> --event <slug> --event-role manager|organizer|check-in|viewer",
  '   or: add --organization "<name>" to put a new or an existing account (not an admin) into an organization',
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
    organization: { type: "string" },
  },
});
const argumentsSchema = createStaffSchema
  .omit({ password: true })
  .extend({
    event: z.string().min(1).optional(),
    eventRole: z.enum(eventRoles).optional(),
    organization: organizationNameSchema.optional(),
  })
  .refine((parsed) => (parsed.event === undefined) === (parsed.eventRole === undefined))
  .refine((parsed) => parsed.organization === undefined || parsed.role !== "ADMIN");
const parsed = argumentsSchema.safeParse({
  email: values.email,
  name: values.name ?? values.email,
  role: code(values.role ?? (values.event || values.organization ? "staff" : undefined)),
  event: values.event,
  eventRole: code(values["event-role"]),
  organization: values.organization,
});
const generated = Boolean(process.stdin.isTTY);
const password = generated ? generatePassword() : (await text(process.stdin)).trim();
if (!parsed.success) {
  for (const line of USAGE) console.error(line);
  process.exit(2);
}
const { event, eventRole, organization, ...account } = parsed.data;

const outcome = await withDatabase(async (databaseUrl) => {
  process.env.DATABASE_URL = databaseUrl;
  const { createStaffAccount } = await import("@/lib/staff/mutations");
  const { findStaffByEmail } = await import("@/lib/staff/data");
  const { findEventIdBySlug } = await import("@/lib/events/data");
  const { addTeamMember } = await import("@/lib/teams/mutations");
  const { findOrganizationByName } = await import("@/lib/organizations/data");
  const { setStaffOrganization } = await import("@/lib/organizations/mutations");
  const eventId = event ? await findEventIdBySlug({ slug: event }) : undefined;
  if (event && !eventId) return { error: `No event has the slug ${event}.` };
  const found = organization ? await findOrganizationByName({ name: organization }) : undefined;
  if (organization && !found) return { error: `No organization is named ${organization}.` };
  const existing = eventId || found ? await findStaffByEmail({ email: account.email }) : null;
  let staffId = existing?.id;
  if (!existing) {
    if (!passwordSchema.safeParse(password).success) return { error: USAGE[2] };
    const created = await createStaffAccount({
      ...account,
      password,
      mustChangePassword: generated,
      actor: systemActor,
    });
    if (!created.ok) return { error: `A staff account with the email ${account.email} already exists.` };
    staffId = created.id;
  }
  if (found && staffId) {
    // The organization was found and the account exists: only an admin is refused.
    const put = await setStaffOrganization({ staffId, organizationId: found.id, actor: systemActor });
    if (!put.ok) return { error: `${account.email} is an admin: admins are in no organization.` };
  }
  if (!eventId || !eventRole) return { created: !existing };
  const added = await addTeamMember({ eventId, email: account.email, role: eventRole, actor: systemActor });
  if (!added.ok) return { error: `${account.email} is on the team of ${event} already.` };
  return { created: !existing };
});
if ("error" in outcome) {
  console.error(outcome.error);
  process.exit(1);
}
if (outcome.created) console.log(`Created ${account.role.toLowerCase()} ${account.email}.`);
if (organization) console.log(`Put ${account.email} into the organization ${organization}.`);
if (event && eventRole) {
  console.log(
    `Added ${account.email} to the team of ${event} as ${eventRole.toLowerCase().replace("_", "-")}.`,
  );
}
if (outcome.created && generated) {
  console.log(`Password: ${password}   (shown once: note it now; it must be changed at the first sign-in)`);
}
process.exit(0);
