import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startStaffSession } from "@/lib/staff/mutations";
import { staffOfSession } from "@/lib/staff/require-staff";
import { createDoorAccount } from "@/lib/teams/mutations";
import { createTestEvent } from "../support/factories";

// A door volunteer's account (issue 17): check-in on one event, and nothing
// once the seminar's last day is over, however the days move.

const manager = { type: "STAFF" as const };
const hour = 3_600_000;

async function doorAccount(eventId: string) {
  const email = `door-${crypto.randomUUID().slice(0, 8)}@kattoo.test`;
  const made = await createDoorAccount({ eventId, email, name: "Волонтёр Айбек", actor: manager });
  if (!made.ok) throw new Error(made.reason);
  const staff = await db.staffUser.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return { made, staff, email };
}

describe("a door account", () => {
  it("is a check-in on its event alone, with a password to replace, ending with the last day", async () => {
    const event = await createTestEvent({ days: 2 });
    const lastDay = await db.eventDay.findFirstOrThrow({
      where: { eventId: event.id },
      orderBy: { endsAt: "desc" },
    });
    const { made, staff } = await doorAccount(event.id);

    expect(made.ok && made.expiresAt).toEqual(lastDay.endsAt);
    expect(staff).toMatchObject({ role: "STAFF", mustChangePassword: true, expiresAt: lastDay.endsAt });
    expect(staff.memberships.map(({ eventId, role }) => ({ eventId, role }))).toEqual([
      { eventId: event.id, role: "CHECK_IN" },
    ]);
    expect(
      await createDoorAccount({ eventId: event.id, email: staff.email, name: "Ещё раз", actor: manager }),
    ).toEqual({ ok: false, reason: "email_taken" });
    expect(
      await db.auditLog.count({ where: { entityId: staff.id, action: "team.door_account_created" } }),
    ).toBe(1);
  });

  it("opens the staff area until the last day ends, and nothing from then on", async () => {
    const event = await createTestEvent();
    const { staff } = await doorAccount(event.id);
    // The seminar's day ends in half an hour: well within a fresh session's life.
    const end = new Date(Date.now() + hour / 2);
    await db.eventDay.updateMany({
      where: { eventId: event.id },
      data: { startsAt: new Date(end.getTime() - 8 * hour), endsAt: end },
    });
    const sessionId = await startStaffSession({ staffId: staff.id, device: "Телефон волонтёра" });
    const claims = { staffId: staff.id, sessionId, sessionVersion: staff.sessionVersion };

    expect((await staffOfSession(claims, new Date(end.getTime() - 60_000)))?.staff.id).toBe(staff.id);
    expect(await staffOfSession(claims, end)).toBeNull();
  });

  it("moves its end with the event's days, and keeps it when the event is deleted", async () => {
    const event = await createTestEvent({ days: 2 });
    const { staff } = await doorAccount(event.id);
    const [, last] = await db.eventDay.findMany({ where: { eventId: event.id }, orderBy: { endsAt: "asc" } });
    if (!last) throw new Error("no second day");
    const later = new Date(last.endsAt.getTime() + 2 * hour);

    await db.eventDay.update({ where: { id: last.id }, data: { endsAt: later } });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).expiresAt).toEqual(later);

    await db.eventDay.delete({ where: { id: last.id } });
    const [first] = await db.eventDay.findMany({ where: { eventId: event.id } });
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).expiresAt).toEqual(
      first?.endsAt,
    );

    await db.event.delete({ where: { id: event.id } });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({
      doorEventId: null,
      expiresAt: first?.endsAt,
    });
  });

  it("cannot be left without an end by the database", async () => {
    const event = await createTestEvent();
    const { staff } = await doorAccount(event.id);
    await expect(db.staffUser.update({ where: { id: staff.id }, data: { expiresAt: null } })).rejects.toThrow(
      /staff_user_door_account_ends/,
    );
  });
});
