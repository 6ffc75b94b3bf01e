import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { systemActor } from "@/lib/audit/record";
import { withDatabase } from "@/lib/cli/database";
import { generatePassword } from "@/lib/staff/passwords";
import { createStaffSchema } from "@/lib/staff/schema";

// `npm run staff:create -- --email a@b.kg --role admin [--name "Айгүл"]`
// Creates a staff account. The password is read from standard input when
// one is piped in, else generated and printed once (and must then be
// changed at the first sign-in: it has been on a screen).

const { values } = parseArgs({
  options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
});
const generated = Boolean(process.stdin.isTTY);
const password = generated ? generatePassword() : (await text(process.stdin)).trim();
const parsed = createStaffSchema.safeParse({
  email: values.email,
  name: values.name ?? values.email,
  role: values.role?.toUpperCase().replace("-", "_"),
  password,
});
if (!parsed.success) {
  console.error(
    "Usage: npm run staff:create -- --email <email> --role admin|organizer|check-in [--name <name>]",
  );
  console.error(
    "A password piped in must have 12 to 128 characters and not be one of the commonest passwords.",
  );
  process.exit(2);
}

const result = await withDatabase(async (databaseUrl) => {
  process.env.DATABASE_URL = databaseUrl;
  const { createStaffAccount } = await import("@/lib/staff/mutations");
  return createStaffAccount({ ...parsed.data, mustChangePassword: generated, actor: systemActor });
});
if (!result.ok) {
  console.error(`A staff account with the email ${parsed.data.email} already exists.`);
  process.exit(1);
}
console.log(`Created ${parsed.data.role.toLowerCase()} ${parsed.data.email}.`);
if (generated) {
  console.log(`Password: ${password}   (shown once: note it now; it must be changed at the first sign-in)`);
}
process.exit(0);
