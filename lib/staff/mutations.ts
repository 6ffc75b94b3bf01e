import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/staff/passwords";
import type { StaffRoleName } from "@/lib/staff/schema";

export async function recordSignIn({ staffId }: { staffId: string }) {
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staffId }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, {
      actor: { type: "STAFF", staffId },
      action: "staff.signed_in",
      entityType: "staff_user",
      entityId: staffId,
    });
  });
}

export type CreateStaffResult = { ok: true; id: string } | { ok: false; reason: "email_taken" };

export async function createStaffAccount({
  email,
  name,
  role,
  password,
  actor,
}: {
  email: string;
  name: string;
  role: StaffRoleName;
  password: string;
  actor: Actor;
}): Promise<CreateStaffResult> {
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const staff = await tx.staffUser.create({ data: { email, name, role, passwordHash } });
      await recordAudit(tx, {
        actor,
        action: "staff.created",
        entityType: "staff_user",
        entityId: staff.id,
        data: { role },
      });
      return { ok: true, id: staff.id } as const;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "email_taken" };
    }
    throw error;
  }
}

/**
 * Ends every session of the account at once (each carries the version it was
 * issued with), with whatever else changes with it, such as a new password.
 */
async function endAllSessions({
  staffId,
  action,
  passwordHash,
}: {
  staffId: string;
  action: string;
  passwordHash?: string;
}) {
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: { sessionVersion: { increment: 1 }, ...(passwordHash ? { passwordHash } : {}) },
    });
    await recordAudit(tx, {
      actor: { type: "STAFF", staffId },
      action,
      entityType: "staff_user",
      entityId: staffId,
    });
  });
}

export function signOutEverywhere({ staffId }: { staffId: string }) {
  return endAllSessions({ staffId, action: "staff.signed_out_everywhere" });
}

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "wrong_password" };

/** A new password ends every session, this one included. */
export async function changeOwnPassword({
  staffId,
  currentPassword,
  newPassword,
}: {
  staffId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<ChangePasswordResult> {
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffId } });
  if (!(await verifyPassword({ hash: staff.passwordHash, password: currentPassword }))) {
    return { ok: false, reason: "wrong_password" };
  }
  await endAllSessions({
    staffId,
    action: "staff.password_changed",
    passwordHash: await hashPassword(newPassword),
  });
  return { ok: true };
}
