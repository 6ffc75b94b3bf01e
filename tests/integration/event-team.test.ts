import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditSubjects, listAuditLog } from "@/lib/audit/data";
import { describeAuditEntry } from "@/lib/audit/describe";
import { auditWords } from "@/lib/audit/words";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { idle } from "@/lib/entry-points/state";
import { PEER_HEADER } from "@/lib/http/client-address";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import type { EventRoleName, StaffRoleName } from "@/lib/staff/schema";
import { addTeamMemberAction, changeTeamMemberAction } from "@/lib/teams/actions";
import { createTestEvent } from "../support/factories";

// An event's team as its Team tab changes it (issue 17): add by email, change
// a role, remove; bad input is refused at its field and changes nothing; the
// last manager stays, in the action and in the database; the audit log says
// each change in words.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: "203.0.113.9" }) }));

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function account(role: StaffRoleName = "STAFF") {
  const email = `${randomUUID()}@kattoo.test`;
  const created = await createStaffAccount({
    email,
    name: `Account ${role}`,
    role,
    password: "a-long-enough-password",
    actor: { type: "SYSTEM" },
  });
  if (!created.ok) throw new Error(created.reason);
  return { id: created.id, email };
}

async function signIn(staffId: string) {
  const sessionId = await startStaffSession({ staffId, device: "Chrome, Linux" });
  vi.mocked(auth).mockResolvedValue({ staffId, sessionId, sessionVersion: 0 } as never);
}

async function join(eventId: string, staffId: string, role: EventRoleName) {
  await db.eventMembership.create({ data: { eventId, staffId, role } });
}

const teamOf = async (eventId: string) =>
  (await db.eventMembership.findMany({ where: { eventId }, orderBy: { createdAt: "asc" } })).map(
    ({ staffId, role }) => ({ staffId, role }),
  );

/** Where Next's redirect() or notFound() thrown by the action was going. */
async function thrownBy(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return String((error as { digest?: string }).digest);
  }
  return undefined;
}

describe("an event's team", () => {
  let eventId: string;
  let manager: { id: string; email: string };

  beforeEach(async () => {
    eventId = (await createTestEvent()).id;
    manager = await account();
    await join(eventId, manager.id, "MANAGER");
    await signIn(manager.id);
  });

  it("a manager adds an account by email, changes its role and removes it, each in the audit log", async () => {
    const colleague = await account();
    expect(
      await addTeamMemberAction(
        eventId,
        idle,
        form({ email: ` ${colleague.email.toUpperCase()} `, role: "VIEWER" }),
      ),
    ).toEqual({ status: "done", message: "saved" });
    expect(await teamOf(eventId)).toEqual([
      { staffId: manager.id, role: "MANAGER" },
      { staffId: colleague.id, role: "VIEWER" },
    ]);
    const change = changeTeamMemberAction.bind(null, { eventId, staffId: colleague.id });
    expect(await change(idle, form({ change: "role", role: "ORGANIZER" }))).toMatchObject({ status: "done" });
    expect(await change(idle, form({ change: "remove" }))).toMatchObject({ status: "done" });
    expect(await teamOf(eventId)).toEqual([{ staffId: manager.id, role: "MANAGER" }]);

    const { entries } = await listAuditLog({ events: "every", eventId });
    const names = await auditSubjects(entries);
    const lines = entries
      .filter((entry) => entry.action.startsWith("team."))
      .map((entry) => describeAuditEntry(entry, names, auditWords("ru")))
      .map(({ action, subject, details }) => ({
        action,
        subject: subject?.text,
        details: details.map(({ label, text }) => `${label}: ${text}`),
      }));
    expect(lines).toEqual([
      { action: "Убран из команды мероприятия", subject: colleague.email, details: ["Роль: Организатор"] },
      {
        action: "Изменена роль в команде мероприятия",
        subject: colleague.email,
        details: ["Было: Наблюдатель (только цифры)", "Стало: Организатор"],
      },
      {
        action: "Добавлен в команду мероприятия",
        subject: colleague.email,
        details: ["Роль: Наблюдатель (только цифры)"],
      },
    ]);
  });

  it("refuses an unknown account, a duplicate and a role that does not exist at their fields, changing nothing", async () => {
    const before = await teamOf(eventId);
    const audit = await db.auditLog.count();
    expect(
      await addTeamMemberAction(eventId, idle, form({ email: "nobody@kattoo.test", role: "ORGANIZER" })),
    ).toMatchObject({ status: "invalid", fieldErrors: { email: "unknownAccount" } });
    expect(
      await addTeamMemberAction(eventId, idle, form({ email: manager.email, role: "VIEWER" })),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { email: "duplicate" },
      values: { email: manager.email },
    });
    expect(
      await addTeamMemberAction(eventId, idle, form({ email: manager.email, role: "OWNER" })),
    ).toMatchObject({ status: "invalid", fieldErrors: { role: "badRole" } });
    expect(
      await addTeamMemberAction(eventId, idle, form({ email: "not an email", role: "VIEWER" })),
    ).toMatchObject({
      status: "invalid",
      fieldErrors: { email: "badEmail" },
    });
    const change = changeTeamMemberAction.bind(null, { eventId, staffId: manager.id });
    expect(await change(idle, form({ change: "role", role: "ADMIN" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { role: "badRole" },
    });
    expect(await teamOf(eventId)).toEqual(before);
    expect(await db.auditLog.count()).toBe(audit);
  });

  it("keeps the last manager while others are on the team, and lets a whole team go", async () => {
    const door = await account();
    await join(eventId, door.id, "CHECK_IN");
    const self = changeTeamMemberAction.bind(null, { eventId, staffId: manager.id });
    const refused = { status: "refused", reason: "last_manager" };
    expect(await self(idle, form({ change: "role", role: "ORGANIZER" }))).toEqual(refused);
    expect(await self(idle, form({ change: "remove" }))).toEqual(refused);
    expect(await teamOf(eventId)).toEqual([
      { staffId: manager.id, role: "MANAGER" },
      { staffId: door.id, role: "CHECK_IN" },
    ]);
    // The database refuses it too, whoever writes.
    await expect(
      db.eventMembership.delete({ where: { eventId_staffId: { eventId, staffId: manager.id } } }),
    ).rejects.toThrow(/last manager/);
    await expect(
      db.eventMembership.update({
        where: { eventId_staffId: { eventId, staffId: manager.id } },
        data: { role: "VIEWER" },
      }),
    ).rejects.toThrow(/last manager/);
    // With another manager, the first may go; the last one alone may leave too.
    const door2 = changeTeamMemberAction.bind(null, { eventId, staffId: door.id });
    expect(await door2(idle, form({ change: "role", role: "MANAGER" }))).toMatchObject({ status: "done" });
    expect(await self(idle, form({ change: "remove" }))).toMatchObject({ status: "done" });
    await signIn(door.id);
    expect(await door2(idle, form({ change: "remove" }))).toMatchObject({ status: "done" });
    expect(await teamOf(eventId)).toEqual([]);
  });

  it("a deleted event takes its team with it", async () => {
    await join(eventId, (await account()).id, "VIEWER");
    await db.event.delete({ where: { id: eventId } });
    expect(await db.eventMembership.count({ where: { eventId } })).toBe(0);
  });

  it("is changed only by a manager of the event or an admin", async () => {
    const organizer = await account();
    await join(eventId, organizer.id, "ORGANIZER");
    const other = await account();
    await signIn(organizer.id);
    expect(
      await thrownBy(addTeamMemberAction(eventId, idle, form({ email: other.email, role: "MANAGER" }))),
    ).toMatch(/\/admin\/denied/);
    // A manager of another event does not learn that this one exists.
    const elsewhere = (await createTestEvent()).id;
    await join(elsewhere, other.id, "MANAGER");
    await signIn(other.id);
    expect(
      await thrownBy(addTeamMemberAction(eventId, idle, form({ email: other.email, role: "MANAGER" }))),
    ).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
    expect(await teamOf(eventId)).toHaveLength(2);
    await signIn((await account("ADMIN")).id);
    expect(
      await addTeamMemberAction(eventId, idle, form({ email: other.email, role: "VIEWER" })),
    ).toMatchObject({
      status: "done",
    });
  });
});
