import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/staff/passwords";
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
