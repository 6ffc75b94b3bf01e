import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { generatePassword, hashPassword } from "@/lib/staff/passwords";
import type { EventRoleName } from "@/lib/staff/schema";
import type { MemberChange } from "@/lib/teams/schema";

// Changes to an event's team, each in one transaction with its audit entry.
// An event's last manager cannot leave it while others remain on its team:
// checked here with the team's rows locked, and by a trigger in the database
// (event_membership_keep_a_manager) for any other writer.

export type TeamChangeResult =
  | { ok: true }
  | { ok: false; reason: "unknown_account" | "duplicate" | "not_found" | "last_manager" };

/** Adds an existing account (by its email) to the event's team with a role. */
export async function addTeamMember({
  eventId,
  email,
  role,
  actor,
}: {
  eventId: string;
  email: string;
  role: EventRoleName;
  actor: Actor;
}): Promise<TeamChangeResult> {
  try {
    return await db.$transaction(async (tx) => {
      const staff = await tx.staffUser.findUnique({ where: { email }, select: { id: true } });
      if (!staff) return { ok: false, reason: "unknown_account" } as const;
      await tx.eventMembership.create({ data: { eventId, staffId: staff.id, role } });
      await recordAudit(tx, {
        actor,
        action: "team.member_added",
        entityType: "staff_user",
        entityId: staff.id,
        eventId,
        data: { role },
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "duplicate" };
    }
    throw error;
  }
}

/** Changes a member's role on the event, or removes the member. */
export async function changeTeamMember({
  eventId,
  staffId,
  change,
  actor,
}: {
  eventId: string;
  staffId: string;
  change: MemberChange;
  actor: Actor;
}): Promise<TeamChangeResult> {
  return db.$transaction(async (tx) => {
    const team = await tx.$queryRaw<{ staffId: string; role: EventRoleName }[]>`
      SELECT staff_id AS "staffId", role::text AS role FROM event_membership
      WHERE event_id = ${eventId}::uuid FOR UPDATE`;
    const member = team.find((row) => row.staffId === staffId);
    if (!member) return { ok: false, reason: "not_found" } as const;
    const staysManager = change.change === "role" && change.role === "MANAGER";
    const otherManagers = team.filter((row) => row.role === "MANAGER" && row.staffId !== staffId);
    const othersStay = change.change === "role" || team.length > 1;
    if (member.role === "MANAGER" && !staysManager && otherManagers.length === 0 && othersStay) {
      return { ok: false, reason: "last_manager" } as const;
    }
    const where = { eventId_staffId: { eventId, staffId } };
    if (change.change === "role") await tx.eventMembership.update({ where, data: { role: change.role } });
    else await tx.eventMembership.delete({ where });
    await recordAudit(tx, {
      actor,
      action: change.change === "role" ? "team.role_changed" : "team.member_removed",
      entityType: "staff_user",
      entityId: staffId,
      eventId,
      data: change.change === "role" ? { from: member.role, to: change.role } : { role: member.role },
    });
    return { ok: true } as const;
  });
}

export type DoorAccountResult =
  | { ok: true; password: string; expiresAt: Date; timeZone: string }
  | { ok: false; reason: "email_taken" | "no_days" };

/**
 * A check-in account for this event alone, for a volunteer at the door: on
 * its team as check-in, with a generated password to pass on (replaced at the
 * first sign-in), ending with the event's last day — a trigger moves the end
 * when the days move (migration 20261202140000_door_accounts).
 */
export async function createDoorAccount({
  eventId,
  email,
  name,
  actor,
}: {
  eventId: string;
  email: string;
  name: string;
  actor: Actor;
}): Promise<DoorAccountResult> {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const lastDay = await tx.eventDay.findFirst({
        where: { eventId },
        orderBy: { endsAt: "desc" },
        select: { endsAt: true, event: { select: { timeZone: true } } },
      });
      if (!lastDay) return { ok: false, reason: "no_days" } as const;
      const staff = await tx.staffUser.create({
        data: {
          email,
          name,
          role: "STAFF",
          passwordHash,
          mustChangePassword: true,
          doorEventId: eventId,
          expiresAt: lastDay.endsAt,
        },
      });
      await tx.eventMembership.create({ data: { eventId, staffId: staff.id, role: "CHECK_IN" } });
      await recordAudit(tx, {
        actor,
        action: "team.door_account_created",
        entityType: "staff_user",
        entityId: staff.id,
        eventId,
      });
      return { ok: true, password, expiresAt: lastDay.endsAt, timeZone: lastDay.event.timeZone } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "email_taken" };
    }
    throw error;
  }
}
