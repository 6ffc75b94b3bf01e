import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestEvent } from "../support/factories";

// `npm run staff:create -- … --event <slug> --event-role …` (issue 17): an
// account on one event's team only, for scripted set-ups and the door
// volunteers of a day. Run as the command runs from a checkout (its
// TypeScript through tsx), against this file's database.
// Each test has data of its own, so they run at once: most of a test is
// a spawned process loading, which the others need not wait for.

type Run = { code: number | null; stdout: string; stderr: string };

function staffCreate(args: string[], password = "a-long-enough-password"): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "lib/cli/staff-create.ts", ...args],
      { env: process.env, stdio: ["pipe", "pipe", "pipe"] },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(password);
  });
}

const membershipsOf = async (email: string) =>
  db.eventMembership.findMany({
    where: { staff: { email } },
    select: { role: true, event: { select: { slug: true } }, staff: { select: { role: true } } },
  });

describe.concurrent("staff:create on one event", () => {
  it("creates a plain staff account on that event's team, and adds an existing one to another", async () => {
    const [first, second] = [await createTestEvent(), await createTestEvent()];
    const email = `door-${randomUUID().slice(0, 8)}@kattoo.test`;
    const created = await staffCreate(["--email", email, "--event", first.slug, "--event-role", "check-in"]);
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain(`Created staff ${email}.`);
    expect(created.stdout).toContain(`Added ${email} to the team of ${first.slug} as check-in.`);
    expect(await membershipsOf(email)).toEqual([
      { role: "CHECK_IN", event: { slug: first.slug }, staff: { role: "STAFF" } },
    ]);

    // An existing account: added as it is, no password needed or changed.
    const before = await db.staffUser.findUniqueOrThrow({ where: { email } });
    const added = await staffCreate(["--email", email, "--event", second.slug, "--event-role", "viewer"], "");
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).not.toContain("Created");
    expect((await db.staffUser.findUniqueOrThrow({ where: { email } })).passwordHash).toBe(
      before.passwordHash,
    );
    expect((await membershipsOf(email)).map((membership) => membership.role).sort()).toEqual([
      "CHECK_IN",
      "VIEWER",
    ]);
    const audit = await db.auditLog.findMany({ where: { entityId: before.id, action: "team.member_added" } });
    expect(audit.map((entry) => entry.eventId).sort()).toEqual([first.id, second.id].sort());
  });

  it("refuses an unknown event, a role that does not exist and a second membership, changing nothing", async () => {
    const event = await createTestEvent();
    const email = `door-${randomUUID().slice(0, 8)}@kattoo.test`;
    const unknown = await staffCreate([
      "--email",
      email,
      "--event",
      "no-such-event",
      "--event-role",
      "viewer",
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No event has the slug no-such-event.");
    const badRole = await staffCreate(["--email", email, "--event", event.slug, "--event-role", "owner"]);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain("--event-role manager|organizer|check-in|viewer");
    expect(await db.staffUser.count({ where: { email } })).toBe(0);

    expect(
      (await staffCreate(["--email", email, "--event", event.slug, "--event-role", "manager"])).code,
    ).toBe(0);
    const again = await staffCreate(["--email", email, "--event", event.slug, "--event-role", "viewer"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${email} is on the team of ${event.slug} already.`);
    expect((await membershipsOf(email)).map((membership) => membership.role)).toEqual(["MANAGER"]);
  });
});

describe.concurrent("staff:create into a partner organization (decision 041)", () => {
  it("puts a new account and an existing one into the organization named, whatever its case", async () => {
    const name = `ОО Ресурсный центр ${randomUUID().slice(0, 8)}`;
    const organization = await db.organization.create({ data: { name } });
    const email = `partner-${randomUUID().slice(0, 8)}@kattoo.test`;
    const created = await staffCreate([
      "--email",
      email,
      "--role",
      "organizer",
      "--organization",
      name.toUpperCase(),
    ]);
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toContain(`Created organizer ${email}.`);
    expect(created.stdout).toContain(`Put ${email} into the organization`);
    expect(await db.staffUser.findUniqueOrThrow({ where: { email } })).toMatchObject({
      role: "ORGANIZER",
      organizationId: organization.id,
    });

    const existing = `existing-${randomUUID().slice(0, 8)}@kattoo.test`;
    expect((await staffCreate(["--email", existing, "--role", "check-in"])).code).toBe(0);
    const before = await db.staffUser.findUniqueOrThrow({ where: { email: existing } });
    const put = await staffCreate(["--email", existing, "--organization", name], "");
    expect(put).toMatchObject({ code: 0 });
    expect(put.stdout).not.toContain("Created");
    expect(await db.staffUser.findUniqueOrThrow({ where: { email: existing } })).toMatchObject({
      role: "CHECK_IN",
      passwordHash: before.passwordHash,
      organizationId: organization.id,
    });
    const audit = await db.auditLog.findMany({
      where: { entityId: before.id, action: "organization.member_added" },
    });
    expect(audit.map((entry) => entry.data)).toEqual([{ organization: name }]);
  });

  it("refuses an unknown organization and an admin, changing nothing", async () => {
    const name = `Partner ${randomUUID().slice(0, 8)}`;
    await db.organization.create({ data: { name } });
    const email = `partner-${randomUUID().slice(0, 8)}@kattoo.test`;
    const unknown = await staffCreate(["--email", email, "--organization", "No such organization"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No organization is named No such organization.");
    const newAdmin = await staffCreate(["--email", email, "--role", "admin", "--organization", name]);
    expect(newAdmin.code).toBe(2);
    expect(await db.staffUser.count({ where: { email } })).toBe(0);

    const admin = `admin-${randomUUID().slice(0, 8)}@kattoo.test`;
    expect((await staffCreate(["--email", admin, "--role", "admin"])).code).toBe(0);
    const refused = await staffCreate(["--email", admin, "--organization", name], "");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${admin} is an admin: admins are in no organization.`);
    expect((await db.staffUser.findUniqueOrThrow({ where: { email: admin } })).organizationId).toBeNull();
  });
});
