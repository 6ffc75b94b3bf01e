import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportFile } from "@/app/admin/(staff)/events/[id]/export/file/route";
import { GET as signatureSheet } from "@/app/admin/(staff)/events/[id]/paper/signature-sheet/route";
import { GET as statisticsFile } from "@/app/admin/(staff)/events/[id]/statistics/file/route";
import { POST as recordMarks, GET as roster } from "@/app/api/admin/check-in/route";
import { listAuditLog } from "@/lib/audit/data";
import { auth } from "@/lib/auth";
import { setAttendanceAction, walkInAction } from "@/lib/check-in/actions";
import { db } from "@/lib/db";
import { retryLetterAction } from "@/lib/emails/actions";
import { storeInMailbox } from "@/lib/emails/mutations";
import { idle } from "@/lib/entry-points/state";
import { appUrl } from "@/lib/env";
import { duplicateEventAction, saveEventAction, setEventStatusAction } from "@/lib/events/actions";
import { listEventsForStaff } from "@/lib/events/data";
import { PEER_HEADER } from "@/lib/http/client-address";
import { listMailbox } from "@/lib/mailbox/data";
import {
  createOrganization,
  moveEvent,
  renameOrganization,
  setStaffOrganization,
} from "@/lib/organizations/mutations";
import { organizationFormSchema } from "@/lib/organizations/schema";
import { changeStatusAction, saveInternalNoteAction } from "@/lib/registrations/actions";
import { createRegistration } from "@/lib/registrations/mutations";
import { changeStaffAccount, createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { requireStaff, staffEvents } from "@/lib/staff/require-staff";
import { getYearStatistics } from "@/lib/statistics/data";
import { beganAnHourAgo, createTestEvent, registrationInput } from "../support/factories";

// Partner organizations (issue 17, decision 041): an organizer of
// organization A tries everything of an event of organization B by its id,
// and gets "not found" with nothing of B changed; its lists (events, the
// year's figures, the audit log) hold A's events only; its new event is A's
// whatever it sends. The session is real; only Auth.js's reading of the
// cookie, the request's headers and Next's cache are stood in for.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: "203.0.113.9" }) }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "ru", getTranslations: async () => String }));

const BASE = "http://127.0.0.1:3000";
const system = { type: "SYSTEM" } as const;

type Seeded = { id: string; dayId: string; registrationId: string; letterId: string };
let organizationA: string;
let organizationB: string;
let eventA: Seeded;
let eventB: Seeded;
let memberId: string;
let adminId: string;

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const one of [value].flat()) data.append(name, one);
  return data;
}

/** Where Next's notFound() or redirect() thrown by the action was going: "404", or the address. */
async function thrownBy(promise: Promise<unknown>): Promise<string> {
  try {
    return `answered ${JSON.stringify(await promise)}`;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest);
    return digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;") ? digest.slice(digest.indexOf(";") + 1) : digest;
  }
}

async function organizationOrThrow(name: string) {
  const created = await createOrganization({ name, actor: system });
  if (!created.ok) throw new Error(created.reason);
  return created.id;
}

/** An event of an organization with a registration, its letter (failed for good) and a day that has begun. */
async function seedEvent(organizationId: string): Promise<Seeded> {
  const event = await createTestEvent({ firstDayStartsAt: beganAnHourAgo() });
  const moved = await moveEvent({ eventId: event.id, organizationId, actor: system });
  if (!moved.ok) throw new Error(moved.reason);
  const registered = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
  if (!registered.ok) throw new Error(registered.reason);
  const letter = await db.outboxMessage.findFirstOrThrow({
    where: { registrationId: registered.registrationId },
  });
  await db.outboxMessage.update({ where: { id: letter.id }, data: { status: "FAILED" } });
  const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
  return { id: event.id, dayId: day.id, registrationId: registered.registrationId, letterId: letter.id };
}

async function account(role: "ADMIN" | "ORGANIZER") {
  const created = await createStaffAccount({
    email: `${role.toLowerCase()}-${randomUUID()}@kattoo.test`,
    name: role,
    role,
    password: "a-long-enough-password",
    actor: system,
  });
  if (!created.ok) throw new Error(created.reason);
  return created.id;
}

async function signIn(staffId: string) {
  const sessionId = await startStaffSession({ staffId, device: "Chrome, Linux" });
  vi.mocked(auth).mockResolvedValue({ staffId, sessionId, sessionVersion: 0 } as never);
}

/** Everything of event B an action could change, as it stands. */
async function stateOfB() {
  const [registrations, attendance, letters, event, audit, events] = await Promise.all([
    db.registration.findMany({ where: { eventId: eventB.id }, orderBy: { id: "asc" } }),
    db.attendance.count({ where: { eventDay: { eventId: eventB.id } } }),
    db.outboxMessage.findMany({ where: { eventId: eventB.id }, orderBy: { id: "asc" } }),
    db.event.findUnique({ where: { id: eventB.id } }),
    db.auditLog.count({ where: { eventId: eventB.id } }),
    db.event.count(),
  ]);
  return { registrations, attendance, letters, event, audit, events };
}

/** A new event's settings as the form sends them. */
const newEvent = (slug: string, organizationId: string) => ({
  slug,
  title: { ru: "Семинар партнёра" },
  summary: { ru: "Кратко" },
  description: { ru: "Описание" },
  audience: { ru: "Для всех" },
  venueName: { ru: "Зал" },
  venueAddress: { ru: "Бишкек" },
  timeZone: "Asia/Bishkek",
  registrationOpensAt: "",
  registrationClosesAt: "",
  capacity: "20",
  quotas: {},
  requiresApproval: false,
  contactEmail: "",
  retentionDays: "",
  days: [{ date: "2027-03-01", start: "09:00", end: "17:00" }],
  organizationId,
});

describe("a partner organization's organizer reaches its organization's events only", () => {
  beforeAll(async () => {
    organizationA = await organizationOrThrow(`ОО Ресурсный центр ${randomUUID().slice(0, 8)}`);
    organizationB = await organizationOrThrow(`Partner B ${randomUUID().slice(0, 8)}`);
    eventA = await seedEvent(organizationA);
    eventB = await seedEvent(organizationB);
    // An event of no organization, which an instance-wide organizer would see.
    await createTestEvent();
    memberId = await account("ORGANIZER");
    const put = await setStaffOrganization({
      staffId: memberId,
      organizationId: organizationA,
      actor: system,
    });
    expect(put).toEqual({ ok: true });
    adminId = await account("ADMIN");
  });

  it("server actions on B's event, registration, attendance and letter: not found, nothing of B changed", async () => {
    await signIn(memberId);
    const before = await stateOfB();
    const calls: Record<string, () => Promise<unknown>> = {
      "registrations.change_status": () =>
        changeStatusAction(eventB.registrationId, idle, form({ to: "DECLINED" })),
      "registrations.note": () => saveInternalNoteAction(eventB.registrationId, idle, form({ note: "seen" })),
      "check_in.set_attendance": () =>
        setAttendanceAction(
          idle,
          form({
            eventId: eventB.id,
            registrationId: eventB.registrationId,
            eventDayId: eventB.dayId,
            present: "1",
          }),
        ),
      "check_in.walk_in": () => walkInAction({ eventId: eventB.id, dayId: eventB.dayId }, idle, form({})),
      "emails.retry": () => retryLetterAction({ eventId: eventB.id, letterId: eventB.letterId }, idle),
      "events.set_status": () => setEventStatusAction(eventB.id, idle, form({ status: "CLOSED" })),
      "events.save": () => saveEventAction(eventB.id, idle, newEvent(`b-${randomUUID().slice(0, 8)}`, "")),
      // A copy is a new event, which the member may make, but not of B's.
      "events.duplicate": () => duplicateEventAction(eventB.id, idle),
    };
    const answers: Record<string, string> = {};
    for (const [name, call] of Object.entries(calls)) answers[name] = await thrownBy(call());
    expect(answers).toEqual(Object.fromEntries(Object.keys(calls).map((name) => [name, "404"])));
    expect(await stateOfB()).toEqual(before);
  });

  it("route handlers with B's ids: 404; the same on A's get through", async () => {
    await signIn(memberId);
    const before = await stateOfB();
    const params = (id: string) => ({ params: Promise.resolve({ id }) });
    const origin = new URL(appUrl()).origin;
    const responses: Record<string, Response> = {
      export: await exportFile(
        new Request(`${BASE}/admin/events/${eventB.id}/export/file`),
        params(eventB.id),
      ),
      "signature sheet": await signatureSheet(
        new Request(`${BASE}/admin/events/${eventB.id}/paper/signature-sheet?day=${eventB.dayId}`),
        params(eventB.id),
      ),
      statistics: await statisticsFile(
        new Request(`${BASE}/admin/events/${eventB.id}/statistics/file`),
        params(eventB.id),
      ),
      "check-in roster": await roster(
        new Request(`${BASE}/api/admin/check-in?eventId=${eventB.id}`),
        params(""),
      ),
      "check-in marks": await recordMarks(
        new Request(`${BASE}/api/admin/check-in`, {
          method: "POST",
          headers: { Origin: origin, "Content-Type": "application/json" },
          body: JSON.stringify({
            eventId: eventB.id,
            operations: [
              {
                kind: "mark",
                clientMarkId: randomUUID(),
                registrationId: eventB.registrationId,
                eventDayId: eventB.dayId,
                markedAt: new Date().toISOString(),
              },
            ],
          }),
        }),
        params(""),
      ),
    };
    const statuses = Object.fromEntries(
      Object.entries(responses).map(([name, response]) => [name, response.status]),
    );
    expect(statuses).toEqual(Object.fromEntries(Object.keys(responses).map((name) => [name, 404])));
    expect(await stateOfB()).toEqual(before);

    const own = await exportFile(
      new Request(`${BASE}/admin/events/${eventA.id}/export/file`),
      params(eventA.id),
    );
    expect(own.status).toBe(200);
    const door = await roster(new Request(`${BASE}/api/admin/check-in?eventId=${eventA.id}`), params(""));
    expect(door.status).toBe(200);
  });

  it("makes the member's new event its organization's, whatever organization the form names", async () => {
    await signIn(memberId);
    const slug = `partner-${randomUUID().slice(0, 8)}`;
    const answer = await thrownBy(saveEventAction(null, idle, newEvent(slug, organizationB)));
    const made = await db.event.findUniqueOrThrow({ where: { slug } });
    expect(answer).toContain(`/admin/events/${made.id}/settings`);
    expect(made.organizationId).toBe(organizationA);
    // And it may copy its own event: the copy is the organization's too.
    const copied = await thrownBy(duplicateEventAction(made.id, idle));
    const copy = await db.event.findUniqueOrThrow({ where: { slug: `${slug}-copy` } });
    expect(copied).toContain(`/admin/events/${copy.id}/settings`);
    expect(copy.organizationId).toBe(organizationA);
  });

  it("lists A's events only: the events list, the year's figures, the mailbox, the audit log", async () => {
    const kept = { toAddress: "x@example.org", subject: "—", html: "<p>—</p>", text: "—", raw: "—" };
    for (const letter of [eventA.letterId, eventB.letterId])
      await storeInMailbox({ ...kept, outboxMessageId: letter });
    await signIn(memberId);
    const teams = await staffEvents(await requireStaff(["ORGANIZER"]));
    const ofA = (
      await db.event.findMany({ where: { organizationId: organizationA }, select: { id: true } })
    ).map((event) => event.id);
    expect(ofA).toContain(eventA.id);
    const listed = await listEventsForStaff({ events: teams.scope("event.view") });
    expect(listed.map((event) => event.id).sort()).toEqual([...ofA].sort());
    const year = (
      await db.eventDay.findUniqueOrThrow({ where: { id: eventA.dayId } })
    ).startsAt.getFullYear();
    const summary = await getYearStatistics({ year, events: teams.scope("event.statistics") });
    expect(summary.events.map((event) => event.id)).toEqual([eventA.id]);
    const mailbox = await listMailbox({ events: teams.scope("event.letters") });
    const keptA = await db.mailboxMessage.findUniqueOrThrow({ where: { outboxMessageId: eventA.letterId } });
    expect(mailbox.map((letter) => letter.id)).toEqual([keptA.id]);
    const { entries } = await listAuditLog({ events: teams.scope("event.audit") });
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter((entry) => !ofA.includes(entry.eventId ?? ""))).toEqual([]);
    // An admin sees every event and every entry, those of no event too.
    await signIn(adminId);
    const everything = await staffEvents(await requireStaff(["ADMIN"]));
    expect(everything.scope("event.audit")).toBe("every");
    const all = await listAuditLog({ events: "every" });
    expect(all.entries.some((entry) => entry.eventId === eventB.id)).toBe(true);
    expect(all.entries.some((entry) => entry.action === "organization.created")).toBe(true);
  });
});

describe("organizations refuse bad input and change nothing", () => {
  it("refuses a duplicate name whatever its case, and an empty one", async () => {
    const name = `ОО Ресурсный центр для пожилых ${randomUUID().slice(0, 8)}`;
    const id = await organizationOrThrow(name);
    expect(await createOrganization({ name: name.toUpperCase(), actor: system })).toEqual({
      ok: false,
      reason: "name_taken",
    });
    const other = await organizationOrThrow(`Other ${randomUUID().slice(0, 8)}`);
    expect(await renameOrganization({ id: other, name: name.toLowerCase(), actor: system })).toEqual({
      ok: false,
      reason: "name_taken",
    });
    expect(organizationFormSchema.safeParse({ name: "   " }).error?.issues[0]?.message).toBe("badName");
    expect(await db.organization.count({ where: { name: { equals: name, mode: "insensitive" } } })).toBe(1);
    expect(await renameOrganization({ id, name: `${name} (КР)`, actor: system })).toEqual({ ok: true, id });
    const renamed = await db.auditLog.findFirstOrThrow({
      where: { entityId: id, action: "organization.renamed" },
    });
    expect(renamed.data).toEqual({ from: name, to: `${name} (КР)` });
  });

  it("keeps admins out of organizations, and refuses an unknown one", async () => {
    const organizationId = await organizationOrThrow(`Admins' ${randomUUID().slice(0, 8)}`);
    const admin = await account("ADMIN");
    expect(await setStaffOrganization({ staffId: admin, organizationId, actor: system })).toEqual({
      ok: false,
      reason: "admin",
    });
    // The database holds it for any other writer.
    await expect(db.staffUser.update({ where: { id: admin }, data: { organizationId } })).rejects.toThrow(
      /staff_user_admin_in_no_organization/,
    );
    const member = await account("ORGANIZER");
    expect(
      await setStaffOrganization({ staffId: member, organizationId: randomUUID(), actor: system }),
    ).toEqual({ ok: false, reason: "unknown_organization" });
    expect(await setStaffOrganization({ staffId: member, organizationId, actor: system })).toEqual({
      ok: true,
    });
    expect(await changeStaffAccount({ staffId: member, change: { role: "ADMIN" }, actor: system })).toEqual({
      ok: false,
      reason: "organization_member",
    });
    expect(await setStaffOrganization({ staffId: member, organizationId: null, actor: system })).toEqual({
      ok: true,
    });
    const entries = await db.auditLog.findMany({
      where: { entityId: member, action: { startsWith: "organization." } },
      orderBy: { id: "asc" },
    });
    expect(entries.map((entry) => [entry.action, entry.data])).toEqual([
      ["organization.member_added", { organization: expect.stringContaining("Admins'") }],
      ["organization.member_removed", { organization: expect.stringContaining("Admins'") }],
    ]);
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: admin } })).organizationId).toBeNull();
  });

  it("moves an event and says so in the audit log; an unknown organization changes nothing", async () => {
    const event = await createTestEvent();
    const name = `Mover ${randomUUID().slice(0, 8)}`;
    const organizationId = await organizationOrThrow(name);
    expect(await moveEvent({ eventId: event.id, organizationId: randomUUID(), actor: system })).toEqual({
      ok: false,
      reason: "unknown_organization",
    });
    expect(await moveEvent({ eventId: event.id, organizationId, actor: system })).toEqual({ ok: true });
    const moved = await db.auditLog.findFirstOrThrow({ where: { eventId: event.id, action: "event.moved" } });
    expect(moved.data).toEqual({ from: null, to: name });
    expect((await db.event.findUniqueOrThrow({ where: { id: event.id } })).organizationId).toBe(
      organizationId,
    );
  });
});
