import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { type EntryPoint, entryPointOf } from "@/lib/entry-points/registry";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { type EventPermission, eventPermissions, permissionsOn } from "@/lib/staff/permissions";
import { ADMINS, ALL_STAFF, checkEventAccess, checkStaff, ORGANIZERS } from "@/lib/staff/require-staff";
import type { EventRoleName, StaffRoleName } from "@/lib/staff/schema";
import { createTestEvent } from "../support/factories";

// The authorization matrix (issue 17, decision 030): every staff entry point
// found in the code (server actions, route handlers, pages and layouts)
// either declares the permission it needs on an event, or is instance-wide
// and on the list below with its reason. Then each is called through the
// guard for seeded accounts, one per instance role and per event role, on
// an event they are on and on one they are not, and the outcome is checked
// against the permission table. Event A is a partner organization's, with a
// member of it among the accounts (decision 041); B is of none. The session is real; only Auth.js's
// reading of the cookie is stood in for.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  handlers: { GET: async () => new Response(), POST: async () => new Response() },
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));

/** Instance-wide entry points (not of one event), and why. */
const INSTANCE_ONLY: Record<string, string> = {
  "staff.change_password": "the caller's own account",
  "staff.sign_out_everywhere": "the caller's own account",
  "staff.end_session": "the caller's own account",
  "staff.second_factor": "the caller's own account",
  "staff.create": "admin: staff accounts",
  "staff.change": "admin: staff accounts",
  "staff.reset_password": "admin: staff accounts",
  "privacy.erase": "admin: a participant's request; an admin sees every event",
  "admin.registrations.data": "admin: a participant's request; an admin sees every event",
  "page app/admin/(staff)/layout.tsx": "the frame: its links follow the caller's events",
  "page app/admin/(staff)/page.tsx": "the events list, filtered to the caller's events",
  "page app/admin/(staff)/statistics/page.tsx": "the year's figures, filtered to the caller's events",
  "page app/admin/(staff)/mailbox/page.tsx": "the mailbox, filtered to the caller's events",
  "page app/admin/(staff)/account/page.tsx": "the caller's own account",
  "organizations.create": "admin: partner organizations",
  "organizations.rename": "admin: partner organizations",
  "events.move": "admin: which organization an event is of",
  "page app/admin/(staff)/audit/page.tsx": "the audit log, filtered to the caller's events",
  "page app/admin/(staff)/organizations/page.tsx": "admin: partner organizations",
  "page app/admin/(staff)/instance/page.tsx": "admin: the instance",
  "page app/admin/(staff)/staff/page.tsx": "admin: staff accounts",
  "page app/admin/(staff)/[...rest]/page.tsx": "an unknown address: not found for anyone signed in",
};

/** The lists above filter by these (lib/staff/require-staff.ts staffEvents). */
const SCOPED_LISTS = [
  "app/admin/(staff)/layout.tsx",
  "app/admin/(staff)/page.tsx",
  "app/admin/(staff)/statistics/page.tsx",
  "app/admin/(staff)/mailbox/page.tsx",
  "app/admin/(staff)/audit/page.tsx",
];

const ROLE_LISTS: Record<string, readonly StaffRoleName[]> = { ADMINS, ORGANIZERS, ALL_STAFF };
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

type Found = { where: string; entry: EntryPoint | { name: string; problem: string } };

async function files(directory: string, name: RegExp): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && name.test(entry.name))
    .map((entry) => path.relative(process.cwd(), path.join(entry.parentPath, entry.name)))
    .sort();
}

async function staffActions(): Promise<Found[]> {
  const found: Found[] = [];
  for (const directory of ["lib", "app", "components"]) {
    for (const file of await files(directory, /\.tsx?$/)) {
      if (!/^["']use server["'];/m.test(await readFile(file, "utf8"))) continue;
      const module = (await import(path.resolve(file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(module)) {
        const entry = entryPointOf(value);
        if (entry?.access !== "public")
          found.push({ where: `${file}: ${name}`, entry: entry ?? { name, problem: "not recorded" } });
      }
    }
  }
  return found;
}

async function staffRoutes(): Promise<Found[]> {
  const found: Found[] = [];
  for (const file of await files("app", /^route\.ts$/)) {
    const module = (await import(path.resolve(file))) as Record<string, unknown>;
    for (const method of Object.keys(module).filter((name) => HTTP_METHODS.has(name))) {
      const entry = entryPointOf(module[method]);
      const where = `${file} ${method}`;
      if (entry?.access !== "public")
        found.push({ where, entry: entry ?? { name: where, problem: "not recorded" } });
    }
  }
  return found;
}

/** Pages and layouts are not recorded at run time: their one guard call is read from the source. */
async function staffPages(): Promise<Found[]> {
  const found: Found[] = [];
  for (const file of await files("app/admin/(staff)", /^(page|layout)\.tsx$/)) {
    const source = await readFile(file, "utf8");
    const name = `page ${file}`;
    const scoped = [
      ...source.matchAll(/requireEventAccess\(\s*\{\s*\w+: \w+, permission: "([\w.]+)" \}/g),
      ...source.matchAll(/requireStaffEvent\(\{ id, permission: "([\w.]+)" \}\)/g),
      // No event in particular: a new one.
      ...source.matchAll(/requireEventRefAccess\(null, "([\w.]+)"\)/g),
    ];
    const instance = [...source.matchAll(/requireStaff\((\w+)/g)];
    if (scoped.length + instance.length !== 1) {
      found.push({ where: file, entry: { name, problem: "not exactly one guard call" } });
    } else if (scoped[0]) {
      found.push({
        where: file,
        entry: { name, access: "event", permission: scoped[0][1] as EventPermission },
      });
    } else {
      const list = instance[0]?.[1] ?? "";
      const roles = ROLE_LISTS[list];
      found.push({
        where: file,
        entry: roles ? { name, access: "staff", roles } : { name, problem: `unknown roles ${list}` },
      });
    }
  }
  return found;
}

/**
 * The seeded accounts: one per instance role, a plain account per role on
 * event A, and an organizer of A's partner organization (`member`).
 */
const ACCOUNTS: { key: string; role: StaffRoleName; on?: EventRoleName; member?: true }[] = [
  { key: "admin", role: "ADMIN" },
  { key: "organizer (instance)", role: "ORGANIZER" },
  { key: "check-in (instance)", role: "CHECK_IN" },
  { key: "staff, no event", role: "STAFF" },
  { key: "manager of A", role: "STAFF", on: "MANAGER" },
  { key: "organizer of A", role: "STAFF", on: "ORGANIZER" },
  { key: "check-in of A", role: "STAFF", on: "CHECK_IN" },
  { key: "viewer of A", role: "STAFF", on: "VIEWER" },
  { key: "check-in (instance), viewer of A", role: "CHECK_IN", on: "VIEWER" },
  { key: "organizer of A's organization", role: "ORGANIZER", member: true },
];

type Outcome = "ok" | 403 | 404;

const sessions = new Map<string, { staffId: string; sessionId: string }>();
let eventA: string;
let eventB: string;
let organizationA: string;

function signIn(key: string) {
  const session = sessions.get(key);
  if (!session) throw new Error(key);
  vi.mocked(auth).mockResolvedValue({ ...session, sessionVersion: 0 } as never);
}

/** What the permission table says for an account on an event. */
function expected(account: (typeof ACCOUNTS)[number], permission: EventPermission, onA: boolean): Outcome {
  const granted = permissionsOn({
    instanceRole: account.role,
    organization: account.member ? organizationA : null,
    eventOrganization: onA ? organizationA : null,
    eventRole: onA ? (account.on ?? null) : null,
  });
  return granted.has(permission) ? "ok" : granted.has("event.view") ? 403 : 404;
}

async function outcome(ref: { event: string } | null, permission: EventPermission): Promise<Outcome> {
  const check = await checkEventAccess(ref, permission);
  return check.ok ? "ok" : (check.status as 403 | 404);
}

describe("the authorization matrix", () => {
  let found: Found[];

  beforeAll(async () => {
    found = [...(await staffActions()), ...(await staffRoutes()), ...(await staffPages())];
    organizationA = (await db.organization.create({ data: { name: `Partner ${randomUUID()}` } })).id;
    eventA = (await createTestEvent()).id;
    await db.event.update({ where: { id: eventA }, data: { organizationId: organizationA } });
    eventB = (await createTestEvent()).id;
    for (const account of ACCOUNTS) {
      const created = await createStaffAccount({
        email: `${randomUUID()}@kattoo.test`,
        name: account.key,
        role: account.role,
        password: "a-long-enough-password",
        actor: { type: "SYSTEM" },
      });
      if (!created.ok) throw new Error(created.reason);
      if (account.on)
        await db.eventMembership.create({ data: { eventId: eventA, staffId: created.id, role: account.on } });
      if (account.member)
        await db.staffUser.update({ where: { id: created.id }, data: { organizationId: organizationA } });
      const sessionId = await startStaffSession({ staffId: created.id, device: "Chrome, Linux" });
      sessions.set(account.key, { staffId: created.id, sessionId });
    }
  });

  it("finds every staff entry point, each with its event permission or on the instance-wide list", async () => {
    const problems = found.flatMap(({ where, entry }) => {
      if ("problem" in entry) return [`${where}: ${entry.problem}`];
      if (entry.access === "event")
        return eventPermissions.includes(entry.permission) ? [] : [`${where}: unknown ${entry.permission}`];
      if (entry.access === "staff" && !(entry.name in INSTANCE_ONLY))
        return [`${where}: instance-wide, not listed (${entry.name})`];
      return [];
    });
    expect(problems).toEqual([]);
    // Whatever is of one event (its pages, a registration's, a letter's, the API) is event-scoped.
    const ofOneEvent = found.filter(({ where }) =>
      /\/(events|registrations|mailbox)\/\[id\]\/|^app\/api\/admin\//.test(where),
    );
    const instanceWide = ofOneEvent.filter(({ entry }) => "access" in entry && entry.access !== "event");
    expect(instanceWide.map(({ entry }) => entry.name)).toEqual(["admin.registrations.data"]);
    // The list names only what exists.
    const names = new Set(found.map(({ entry }) => entry.name));
    expect(Object.keys(INSTANCE_ONLY).filter((name) => !names.has(name))).toEqual([]);
    for (const file of SCOPED_LISTS) expect(await readFile(file, "utf8")).toContain("staffEvents(");
  });

  it("answers every account on every entry point as the permission table says", async () => {
    const rows: string[] = [];
    const counts = { ok: 0, 403: 0, 404: 0 };
    const mismatches: string[] = [];
    for (const { where, entry } of found) {
      if (!("access" in entry)) continue;
      const cells: string[] = [];
      for (const account of ACCOUNTS) {
        signIn(account.key);
        if (entry.access === "event") {
          for (const [onA, eventId] of [
            [true, eventA],
            [false, eventB],
          ] as const) {
            const got = await outcome({ event: eventId }, entry.permission);
            const want = expected(account, entry.permission, onA);
            counts[got] += 1;
            if (got !== want)
              mismatches.push(`${where} × ${account.key} on ${onA ? "A" : "B"}: ${got}, not ${want}`);
            cells.push(String(got));
          }
        } else if (entry.access === "staff") {
          const check = await checkStaff(entry.roles);
          const got: Outcome = check.ok ? "ok" : 403;
          const want: Outcome = entry.roles.includes(account.role) ? "ok" : 403;
          counts[got] += 1;
          if (got !== want) mismatches.push(`${where} × ${account.key}: ${got}, not ${want}`);
          cells.push(String(got));
        }
      }
      rows.push(
        `${entry.name.padEnd(44)} ${"permission" in entry ? entry.permission : "instance"}: ${cells.join(" ")}`,
      );
    }
    expect(mismatches).toEqual([]);
    process.stdout.write(
      `\nAuthorization matrix: ${found.length} entry points × ${ACCOUNTS.length} accounts ` +
        `(event-scoped: on A, on B) → ok ${counts.ok}, 403 ${counts[403]}, 404 ${counts[404]}\n` +
        `accounts: ${ACCOUNTS.map((account) => account.key).join(" | ")}\n${rows.join("\n")}\n`,
    );
  });

  it("holds the lines the issue draws, whatever the table says", async () => {
    signIn("organizer of A");
    expect(await outcome({ event: eventB }, "event.registrations")).toBe(404);
    expect(await outcome({ event: eventB }, "event.checkIn")).toBe(404);
    expect(await outcome({ event: eventA }, "event.exports")).toBe("ok");
    expect(await outcome({ event: eventA }, "event.team")).toBe(403);
    signIn("viewer of A");
    expect(await outcome({ event: eventA }, "event.statistics")).toBe("ok");
    // The list and the attendance without contact details (decision 038).
    expect(await outcome({ event: eventA }, "event.registrations.read")).toBe("ok");
    expect(await outcome({ event: eventB }, "event.registrations.read")).toBe(404);
    for (const permission of [
      "event.contacts",
      "event.exports",
      "event.letters",
      "event.registrations",
    ] as const)
      expect(await outcome({ event: eventA }, permission)).toBe(403);
    signIn("check-in of A");
    expect(await outcome({ event: eventA }, "event.checkIn")).toBe("ok");
    expect(await outcome({ event: eventA }, "event.registrations")).toBe(403);
    expect(await outcome({ event: eventA }, "event.registrations.read")).toBe(403);
    signIn("staff, no event");
    expect(await outcome({ event: eventA }, "event.view")).toBe(404);
    expect(await outcome(null, "event.settings")).toBe(403);
    signIn("organizer (instance)");
    expect(await outcome({ event: eventB }, "event.content")).toBe("ok");
    expect(await outcome({ event: eventB }, "event.settings")).toBe(403);
    // A partner organization's organizer runs its events, and nothing of any other (decision 041).
    signIn("organizer of A's organization");
    for (const permission of ["event.settings", "event.team", "event.audit", "event.contacts"] as const)
      expect(await outcome({ event: eventA }, permission)).toBe("ok");
    for (const permission of ["event.view", "event.registrations", "event.checkIn", "event.exports"] as const)
      expect(await outcome({ event: eventB }, permission)).toBe(404);
    expect(await outcome(null, "event.settings")).toBe("ok");
    // An event's manager reads no audit log, as before organizations.
    signIn("manager of A");
    expect(await outcome({ event: eventA }, "event.audit")).toBe(403);
    signIn("admin");
    expect(await outcome(null, "event.settings")).toBe("ok");
    expect(await outcome({ event: randomUUID() }, "event.view")).toBe(404);
    expect(await outcome({ event: "not-a-uuid" }, "event.view")).toBe(404);
  });
});
