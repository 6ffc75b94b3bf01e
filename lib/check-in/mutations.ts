import "server-only";
import { randomUUID } from "node:crypto";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { markTime, undoAllowed } from "@/lib/check-in/rules";
import type { CheckInOperation, MarkOperation, OperationResult, UndoOperation } from "@/lib/check-in/schema";
import { db } from "@/lib/db";
import { dayHasBegun } from "@/lib/events/rules";
import type { Prisma } from "@/lib/generated/prisma/client";

// Attendance is one row per registration and day, whoever marks it and however
// often. The unique index on (registration_id, event_day_id) decides between
// phones that mark the same person at once: the first insert wins, the others
// find its row and are recorded in the audit log only. The unique
// client_mark_id makes a resent mark (a phone that never saw the answer)
// find its own row instead of counting twice.

type Tx = Prisma.TransactionClient;

// Phones coming back online send their queues at once: wait for a pooled
// connection rather than fail (Prisma's default wait is two seconds).
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

/** Who marks at the door; `mayAdmit`: may also let in someone not confirmed, and undo another's mark (event.registrations). */
type Door = { staffId: string; mayAdmit: boolean };

/** Applies a phone's operations in the order they were made. */
export async function applyCheckInOperations({
  eventId,
  operations,
  door,
  now = new Date(),
}: {
  eventId: string;
  operations: CheckInOperation[];
  door: Door;
  now?: Date;
}): Promise<OperationResult[]> {
  const results: OperationResult[] = [];
  for (const operation of operations) {
    results.push(
      operation.kind === "mark"
        ? await recordMark({ eventId, mark: operation, door, now })
        : await undoMark({ eventId, undo: operation, door, now }),
    );
  }
  return results;
}

export async function recordMark({
  eventId,
  mark,
  door,
  now = new Date(),
}: {
  eventId: string;
  mark: MarkOperation;
  door: Door;
  now?: Date;
}): Promise<OperationResult> {
  const { clientMarkId } = mark;
  const actor: Actor = { type: "STAFF", staffId: door.staffId };
  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: { id: mark.registrationId, eventId },
      select: { id: true, status: true },
    });
    const day = await tx.eventDay.findFirst({
      where: { id: mark.eventDayId, eventId },
      select: { startsAt: true, event: { select: { timeZone: true } } },
    });
    if (!registration || !day) return { clientMarkId, status: "not_found" } as const;
    // Judged by the time the mark is recorded with, so that a mark made
    // offline the evening before is not accepted when it is sent in the morning.
    const markedAt = markTime(new Date(mark.markedAt), now);
    if (!dayHasBegun({ startsAt: day.startsAt, timeZone: day.event.timeZone, now: markedAt }))
      return { clientMarkId, status: "not_begun" } as const;
    const admitted = registration.status !== "CONFIRMED";
    if (admitted && !(mark.admit && door.mayAdmit)) return { clientMarkId, status: "not_confirmed" } as const;

    const inserted = await insertAttendance(tx, {
      registrationId: registration.id,
      eventDayId: mark.eventDayId,
      markedAt,
      markedById: door.staffId,
      clientMarkId,
    });
    if (inserted) {
      await recordAudit(tx, {
        actor,
        action: admitted ? "attendance.admitted" : "attendance.marked",
        entityType: "registration",
        entityId: registration.id,
        eventId,
        data: { day: mark.eventDayId, clientMarkId, ...(admitted ? { status: registration.status } : {}) },
      });
      return { clientMarkId, status: "recorded" } as const;
    }

    const own = await tx.attendance.findUnique({ where: { clientMarkId }, select: { registrationId: true } });
    if (own)
      return { clientMarkId, status: own.registrationId === registration.id ? "recorded" : "not_found" };

    // Someone else marked this person first: keep their row, note this one.
    const first = await tx.attendance.findUniqueOrThrow({
      where: { registrationId_eventDayId: { registrationId: registration.id, eventDayId: mark.eventDayId } },
      select: { markedAt: true, markedBy: { select: { name: true } } },
    });
    const noted = await tx.auditLog.count({
      where: {
        entityType: "registration",
        entityId: registration.id,
        action: "attendance.repeated",
        data: { path: ["clientMarkId"], equals: clientMarkId },
      },
    });
    if (noted === 0) {
      await recordAudit(tx, {
        actor,
        action: "attendance.repeated",
        entityType: "registration",
        entityId: registration.id,
        eventId,
        data: { day: mark.eventDayId, clientMarkId },
      });
    }
    return {
      clientMarkId,
      status: "already_present",
      markedAt: first.markedAt.toISOString(),
      markedBy: first.markedBy?.name ?? null,
    } as const;
  }, TRANSACTION_OPTIONS);
}

/** One row per registration and day; false when it was already there (or the client mark id was). */
async function insertAttendance(
  tx: Tx,
  row: {
    registrationId: string;
    eventDayId: string;
    markedAt: Date;
    markedById: string;
    clientMarkId: string | null;
  },
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO attendance (id, registration_id, event_day_id, marked_at, marked_by_id, client_mark_id)
    VALUES (${randomUUID()}::uuid, ${row.registrationId}::uuid, ${row.eventDayId}::uuid, ${row.markedAt},
            ${row.markedById}::uuid, ${row.clientMarkId}::uuid)
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

export async function undoMark({
  eventId,
  undo,
  door,
  now = new Date(),
}: {
  eventId: string;
  undo: UndoOperation;
  door: Door;
  now?: Date;
}): Promise<OperationResult> {
  const { clientMarkId } = undo;
  return db.$transaction(async (tx) => {
    const row = await tx.attendance.findUnique({
      where: { clientMarkId },
      select: {
        id: true,
        registrationId: true,
        eventDayId: true,
        markedAt: true,
        markedById: true,
        eventDay: true,
      },
    });
    // Already undone (a resend), or never recorded: nothing is left to take back.
    if (!row) return { clientMarkId, status: "undone" } as const;
    if (row.eventDay.eventId !== eventId) return { clientMarkId, status: "not_found" } as const;
    if (row.markedById !== door.staffId && !door.mayAdmit)
      return { clientMarkId, status: "forbidden" } as const;
    if (!undoAllowed({ markedAt: row.markedAt, requestedAt: new Date(undo.requestedAt), now })) {
      return { clientMarkId, status: "expired" } as const;
    }
    await tx.attendance.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      actor: { type: "STAFF", staffId: door.staffId },
      action: "attendance.undone",
      entityType: "registration",
      entityId: row.registrationId,
      eventId,
      data: { day: row.eventDayId, clientMarkId },
    });
    return { clientMarkId, status: "undone" } as const;
  }, TRANSACTION_OPTIONS);
}

export type SetAttendanceResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "not_found" | "not_begun" };

/**
 * An organizer's change of one cell of the attendance grid: present or not,
 * audited when it changes. Any day that has begun may be corrected; a mark
 * on a day to come is refused, and one already there may be removed.
 */
export async function setAttendance({
  eventId,
  registrationId,
  eventDayId,
  present,
  staffId,
  now = new Date(),
}: {
  eventId: string;
  registrationId: string;
  eventDayId: string;
  present: boolean;
  staffId: string;
  now?: Date;
}): Promise<SetAttendanceResult> {
  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({
      where: { id: registrationId, eventId },
      select: { id: true },
    });
    const day = await tx.eventDay.findFirst({
      where: { id: eventDayId, eventId },
      select: { startsAt: true, event: { select: { timeZone: true } } },
    });
    if (!registration || !day) return { ok: false, reason: "not_found" } as const;
    if (present && !dayHasBegun({ startsAt: day.startsAt, timeZone: day.event.timeZone, now }))
      return { ok: false, reason: "not_begun" } as const;
    const changed = present
      ? await insertAttendance(tx, {
          registrationId,
          eventDayId,
          markedAt: now,
          markedById: staffId,
          clientMarkId: null,
        })
      : (await tx.attendance.deleteMany({ where: { registrationId, eventDayId } })).count > 0;
    if (changed) {
      await recordAudit(tx, {
        actor: { type: "STAFF", staffId },
        action: present ? "attendance.set" : "attendance.removed",
        entityType: "registration",
        entityId: registrationId,
        eventId,
        data: { day: eventDayId },
      });
    }
    return { ok: true, changed } as const;
  }, TRANSACTION_OPTIONS);
}
