import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getRoster } from "@/lib/check-in/data";
import { applyCheckInOperations, recordMark, setAttendance, undoMark } from "@/lib/check-in/mutations";
import type { MarkOperation } from "@/lib/check-in/schema";
import { db } from "@/lib/db";
import { dayBeginsAt } from "@/lib/events/rules";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { changeRegistrationStatuses, createRegistration } from "@/lib/registrations/mutations";
import { beganAnHourAgo, createTestEvent, endEvent, registrationInput } from "../support/factories";

async function createStaff(role: StaffRole = "CHECK_IN") {
  return db.staffUser.create({
    data: {
      email: `${randomUUID()}@kattoo.test`,
      name: `Door ${role}`,
      role,
      passwordHash: "not-a-real-hash",
    },
  });
}

/** A published event with one day, which has begun, and a confirmed participant. */
async function eventWithParticipant({
  firstDayStartsAt = beganAnHourAgo(),
}: {
  firstDayStartsAt?: Date;
} = {}) {
  const event = await createTestEvent({ firstDayStartsAt });
  const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
  const created = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
  if (!created.ok) throw new Error(created.reason);
  expect(created.status).toBe("CONFIRMED");
  return { event, day, registrationId: created.registrationId };
}

const markOf = (registrationId: string, eventDayId: string, markedAt = new Date()): MarkOperation => ({
  kind: "mark",
  clientMarkId: randomUUID(),
  registrationId,
  eventDayId,
  markedAt: markedAt.toISOString(),
  admit: false,
});

const auditActions = async (registrationId: string) =>
  (
    await db.auditLog.findMany({
      where: { entityType: "registration", entityId: registrationId, action: { startsWith: "attendance." } },
      orderBy: { id: "asc" },
    })
  ).map((entry) => entry.action);

describe("check-in at the door", () => {
  it("keeps one record when fifty phones of different staff mark the same person at once", async () => {
    const { event, day, registrationId } = await eventWithParticipant();
    const staff = await Promise.all(Array.from({ length: 50 }, () => createStaff()));
    const results = await Promise.all(
      staff.map((member) =>
        recordMark({
          eventId: event.id,
          mark: markOf(registrationId, day.id),
          door: { staffId: member.id, mayAdmit: false },
        }),
      ),
    );

    expect(results.filter((result) => result.status === "recorded")).toHaveLength(1);
    expect(results.filter((result) => result.status === "already_present")).toHaveLength(49);
    const rows = await db.attendance.findMany({ where: { registrationId, eventDayId: day.id } });
    expect(rows).toHaveLength(1);
    // The first mark is kept; everyone who came after is in the history.
    const winner = results.findIndex((result) => result.status === "recorded");
    expect(rows[0]?.markedById).toBe(staff[winner]?.id);
    const actions = await auditActions(registrationId);
    expect(actions.filter((action) => action === "attendance.marked")).toHaveLength(1);
    expect(actions.filter((action) => action === "attendance.repeated")).toHaveLength(49);
  });

  it("recognises a resent mark by its client mark id and makes no second row or entry", async () => {
    const { event, day, registrationId } = await eventWithParticipant();
    const member = await createStaff();
    const door = { staffId: member.id, mayAdmit: false };
    const mark = markOf(registrationId, day.id, new Date(Date.now() - 5 * 60_000));

    const first = await applyCheckInOperations({ eventId: event.id, operations: [mark], door });
    const again = await applyCheckInOperations({ eventId: event.id, operations: [mark, mark], door });

    expect(first).toEqual([{ clientMarkId: mark.clientMarkId, status: "recorded" }]);
    expect(again.map((result) => result.status)).toEqual(["recorded", "recorded"]);
    const rows = await db.attendance.findMany({ where: { registrationId } });
    expect(rows).toHaveLength(1);
    // An offline phone's time of marking is kept.
    expect(rows[0]?.markedAt.toISOString()).toBe(mark.markedAt);
    expect(await auditActions(registrationId)).toEqual(["attendance.marked"]);
  });

  it("undoes a mark within the minute, refuses it after, and treats a repeated undo as done", async () => {
    const { event, day, registrationId } = await eventWithParticipant();
    const member = await createStaff();
    const door = { staffId: member.id, mayAdmit: false };
    const now = new Date();

    const old = markOf(registrationId, day.id, new Date(now.getTime() - 2 * 60_000));
    await recordMark({ eventId: event.id, mark: old, door, now });
    const late = { kind: "undo", clientMarkId: old.clientMarkId, requestedAt: now.toISOString() } as const;
    expect(await undoMark({ eventId: event.id, undo: late, door, now })).toEqual({
      clientMarkId: old.clientMarkId,
      status: "expired",
    });
    expect(await db.attendance.count({ where: { registrationId } })).toBe(1);

    // Tapped offline within the minute, sent later: still within the window.
    const other = await eventWithParticipant();
    const offline = markOf(other.registrationId, other.day.id, new Date(now.getTime() - 10 * 60_000));
    await recordMark({ eventId: other.event.id, mark: offline, door, now });
    const undo = {
      kind: "undo",
      clientMarkId: offline.clientMarkId,
      requestedAt: new Date(now.getTime() - 10 * 60_000 + 30_000).toISOString(),
    } as const;
    expect((await undoMark({ eventId: other.event.id, undo, door, now })).status).toBe("undone");
    expect((await undoMark({ eventId: other.event.id, undo, door, now })).status).toBe("undone");
    expect(await db.attendance.count({ where: { registrationId: other.registrationId } })).toBe(0);
    expect(await auditActions(other.registrationId)).toEqual(["attendance.marked", "attendance.undone"]);
  });

  it("lets only an organizer admit someone not confirmed, and only the marker or an organizer undo", async () => {
    const { event, day, registrationId } = await eventWithParticipant();
    const organizer = await createStaff("ORGANIZER");
    await changeRegistrationStatuses({
      eventId: event.id,
      registrationIds: [registrationId],
      to: "WAITLISTED",
      actor: { type: "STAFF", staffId: organizer.id },
    });
    const door = await createStaff("CHECK_IN");
    const asDoor = { staffId: door.id, mayAdmit: false };
    const asOrganizer = { staffId: organizer.id, mayAdmit: true };

    const refused = await recordMark({
      eventId: event.id,
      mark: { ...markOf(registrationId, day.id), admit: true },
      door: asDoor,
    });
    expect(refused.status).toBe("not_confirmed");
    const admitted = { ...markOf(registrationId, day.id), admit: true };
    expect((await recordMark({ eventId: event.id, mark: admitted, door: asOrganizer })).status).toBe(
      "recorded",
    );

    const undo = {
      kind: "undo",
      clientMarkId: admitted.clientMarkId,
      requestedAt: new Date().toISOString(),
    } as const;
    expect((await undoMark({ eventId: event.id, undo, door: asDoor })).status).toBe("forbidden");
    expect(await auditActions(registrationId)).toEqual(["attendance.admitted"]);

    // A mark for another event's day is refused.
    const elsewhere = await eventWithParticipant();
    const stray = await recordMark({
      eventId: event.id,
      mark: markOf(registrationId, elsewhere.day.id),
      door: asDoor,
    });
    expect(stray.status).toBe("not_found");
  });

  it("lets an organizer set and clear a day in the grid, audited, and the door's list shows it", async () => {
    const { event, day, registrationId } = await eventWithParticipant();
    const organizer = await createStaff("ORGANIZER");
    const cell = { eventId: event.id, registrationId, eventDayId: day.id, staffId: organizer.id };

    expect(await setAttendance({ ...cell, present: true })).toEqual({ ok: true, changed: true });
    expect(await setAttendance({ ...cell, present: true })).toEqual({ ok: true, changed: false });
    const roster = await getRoster({ eventId: event.id });
    expect(roster.marks).toEqual([
      expect.objectContaining({
        registrationId,
        eventDayId: day.id,
        markedBy: "Door ORGANIZER",
        clientMarkId: null,
      }),
    ]);
    expect(roster.participants[0]).toMatchObject({ id: registrationId, status: "CONFIRMED" });

    expect(await setAttendance({ ...cell, present: false })).toEqual({ ok: true, changed: true });
    expect(await db.attendance.count({ where: { registrationId } })).toBe(0);
    expect(await auditActions(registrationId)).toEqual(["attendance.set", "attendance.removed"]);
  });

  it("refuses a mark for a day that has not begun, at the door and in the grid, and keeps no row", async () => {
    // The event's zone is Bishkek (UTC+6): its day tomorrow begins at midnight there.
    const now = new Date();
    const { event, day, registrationId } = await eventWithParticipant({
      firstDayStartsAt: new Date(now.getTime() + 86_400_000),
    });
    const member = await createStaff();
    const organizer = await createStaff("ORGANIZER");
    const mark = markOf(registrationId, day.id, now);

    expect(
      await applyCheckInOperations({
        eventId: event.id,
        operations: [mark],
        door: { staffId: member.id, mayAdmit: false },
        now,
      }),
    ).toEqual([{ clientMarkId: mark.clientMarkId, status: "not_begun" }]);
    // An organizer cannot mark it in the grid either.
    const cell = { eventId: event.id, registrationId, eventDayId: day.id, staffId: organizer.id, now };
    expect(await setAttendance({ ...cell, present: true })).toEqual({ ok: false, reason: "not_begun" });
    expect(await db.attendance.count({ where: { registrationId } })).toBe(0);
    expect(await auditActions(registrationId)).toEqual([]);

    // From midnight of the day in the event's zone, the door takes the mark
    // (people queue before the opening session); so does the grid.
    const midnight = dayBeginsAt({ startsAt: day.startsAt, timeZone: event.timeZone });
    expect(midnight.getTime()).toBeLessThanOrEqual(day.startsAt.getTime());
    const before = new Date(midnight.getTime() - 60_000);
    const early = markOf(registrationId, day.id, before);
    const door = { staffId: member.id, mayAdmit: false };
    expect((await recordMark({ eventId: event.id, mark: early, door, now: before })).status).toBe(
      "not_begun",
    );
    // Made offline before midnight, sent after: judged by when it was made.
    expect((await recordMark({ eventId: event.id, mark: early, door, now: midnight })).status).toBe(
      "not_begun",
    );
    const onTheDay = markOf(registrationId, day.id, midnight);
    expect((await recordMark({ eventId: event.id, mark: onTheDay, door, now: midnight })).status).toBe(
      "recorded",
    );
  });

  it("lets an organizer correct a past day, and take away a mark wrongly made on a day to come", async () => {
    const { event, registrationId } = await eventWithParticipant();
    await endEvent(event.id);
    const [past] = await db.eventDay.findMany({ where: { eventId: event.id } });
    if (!past) throw new Error("no day");
    const organizer = await createStaff("ORGANIZER");
    const cell = { eventId: event.id, registrationId, eventDayId: past.id, staffId: organizer.id };
    expect(await setAttendance({ ...cell, present: true })).toEqual({ ok: true, changed: true });
    expect(await setAttendance({ ...cell, present: false })).toEqual({ ok: true, changed: true });

    // A mark on a day to come, made before the rule (or by hand in the table), can be removed.
    const future = await db.eventDay.create({
      data: {
        eventId: event.id,
        date: new Date(Date.now() + 5 * 86_400_000),
        startsAt: new Date(Date.now() + 5 * 86_400_000),
        endsAt: new Date(Date.now() + 5 * 86_400_000 + 3_600_000),
      },
    });
    await db.attendance.create({ data: { registrationId, eventDayId: future.id } });
    expect(await setAttendance({ ...cell, eventDayId: future.id, present: false })).toEqual({
      ok: true,
      changed: true,
    });
  });

  it("registers a walk-in at the door after registration has closed, with the seats' rules and a letter", async () => {
    const event = await createTestEvent({ registrationClosesAt: new Date(Date.now() - 60_000) });
    const online = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    expect(online).toEqual({ ok: false, reason: "closed" });

    const atTheDoor = await createRegistration({
      slug: event.slug,
      locale: "ky",
      input: registrationInput(),
      atTheDoor: true,
    });
    expect(atTheDoor.ok && atTheDoor.status).toBe("CONFIRMED");
    if (!atTheDoor.ok) return;
    expect(await db.outboxMessage.count({ where: { registrationId: atTheDoor.registrationId } })).toBe(1);
  });

  it("confirms a walk-in the organizer registers even where online registrations await review", async () => {
    const event = await createTestEvent({ requiresApproval: true, capacity: 1, quotas: {} });
    const online = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    expect(online.ok && online.status).toBe("PENDING");
    const walkIn = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput(),
      atTheDoor: true,
    });
    expect(walkIn.ok && walkIn.status).toBe("CONFIRMED");
    // The seats' rules still hold: with the one seat taken, the next waits.
    const next = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput(),
      atTheDoor: true,
    });
    expect(next.ok && next.status).toBe("WAITLISTED");
  });
});
