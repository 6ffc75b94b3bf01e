import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { entryPointOf } from "@/lib/entry-points/registry";

// Every server action and route handler is a public endpoint (STYLE.md,
// habit 5). This imports each from the code, so a new one cannot be
// forgotten: it must be made by the entry-point layer, which checks the
// caller, and a public one must be on these lists, with the reason.

const PUBLIC_ACTIONS: Record<string, string> = {
  "registrations.register": "the public registration form",
  "registrations.update_own": "the participant's own page, authorized by the secret token",
  "registrations.cancel_own": "the participant's own page, authorized by the secret token",
  "outcomes.respond":
    "a pre-test, post-test or feedback survey by the participant's link, authorized by the secret token",
  "outcomes.room_lookup":
    "the room's QR page: a check-in code and a last name find a registration, rate-limited per address and per code",
  "outcomes.respond_in_room": "the post-test or survey in the room, authorized by the signed room pass",
  "staff.sign_in": "signing in",
  "staff.sign_out": "signing out",
  "staff.set_locale": "a language cookie, no data",
};

/** The public route handlers, and why each is public. */
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/health/route.ts GET": "health check",
  "app/api/metrics/route.ts GET": "for a monitoring system, which holds METRICS_TOKEN (404 without it set)",
  "app/api/auth/[...nextauth]/route.ts GET": "Auth.js itself",
  "app/api/auth/[...nextauth]/route.ts POST": "Auth.js itself",
  "app/api/events/[slug]/route.ts GET": "the public JSON API",
  "app/api/events/[slug]/registrations/route.ts POST": "the public JSON API",
  "app/api/events/[slug]/calendar.ics/route.ts GET": "the public calendar file",
  "app/api/events/[slug]/preview.png/route.ts GET": "the picture under a shared link to a published event",
  "app/api/images/[file]/route.ts GET": "an event's cover and logos, shown on its public page",
  "app/api/handouts/[id]/route.ts GET":
    "a handout: public ones to anyone, participants' ones by the token, staff ones to staff; 404 otherwise",
  "app/[locale]/r/[token]/certificate/route.ts GET":
    "the participant's own certificate, authorized by the secret token",
};

const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

async function files(directory: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)));
}

async function serverActionFiles(): Promise<string[]> {
  const found: string[] = [];
  for (const directory of ["lib", "app", "components"]) {
    for (const file of await files(directory, /\.tsx?$/)) {
      if (/^["']use server["'];/m.test(await readFile(file, "utf8"))) found.push(file);
    }
  }
  return found;
}

type Finding = { where: string; problem: string };

describe("every endpoint is made by the entry-point layer, with who may call it", () => {
  it("server actions", async () => {
    const actionFiles = await serverActionFiles();
    expect(actionFiles.length).toBeGreaterThan(5);
    const findings: Finding[] = [];
    const publicOnes = new Set<string>();
    for (const file of actionFiles) {
      const module = (await import(path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        const where = `${file}: ${name}`;
        const entry = entryPointOf(value);
        if (!entry) findings.push({ where, problem: "not made by publicAction() or staffAction()" });
        else if (entry.access === "public") {
          publicOnes.add(entry.name);
          if (!(entry.name in PUBLIC_ACTIONS))
            findings.push({ where, problem: `public, not listed (${entry.name})` });
        } else if (entry.access === "staff" && entry.roles.length === 0)
          findings.push({ where, problem: "staff action allowed to no role" });
      }
    }
    expect(findings).toEqual([]);
    // The list names only what exists.
    expect([...publicOnes].sort()).toEqual(Object.keys(PUBLIC_ACTIONS).sort());
  });

  it("route handlers", async () => {
    const found: Record<string, string> = {};
    for (const file of await files("app", /^route\.ts$/)) {
      const module = (await import(path.resolve(file))) as Record<string, unknown>;
      for (const method of Object.keys(module).filter((name) => HTTP_METHODS.has(name))) {
        const entry = entryPointOf(module[method]);
        found[`${file} ${method}`] = !entry
          ? "not made by publicRoute() or staffRoute()"
          : entry.access === "public"
            ? "public"
            : entry.access === "staff"
              ? `staff: ${entry.roles.join(", ")}`
              : `event: ${entry.permission}`;
      }
    }
    expect(Object.keys(found).length).toBeGreaterThan(Object.keys(PUBLIC_ROUTES).length);
    expect(Object.entries(found).filter(([, access]) => access.startsWith("not made"))).toEqual([]);
    const publicOnes = Object.keys(found).filter((key) => found[key] === "public");
    expect(publicOnes.sort()).toEqual(Object.keys(PUBLIC_ROUTES).sort());
  });
});
