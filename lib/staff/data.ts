import "server-only";
import { db } from "@/lib/db";

export function findStaffByEmail({ email }: { email: string }) {
  return db.staffUser.findUnique({ where: { email } });
}

/** The account as it is now: role, disabled flag and session version are read fresh on every request. */
export function getStaffAccount({ id }: { id: string }) {
  return db.staffUser.findUnique({
    where: { id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      sessionVersion: true,
      totpEnabledAt: true,
    },
  });
}

export type StaffAccount = NonNullable<Awaited<ReturnType<typeof getStaffAccount>>>;

/** Every staff account for the admins' list, active ones first. */
export function listStaffAccounts() {
  return db.staffUser.findMany({
    orderBy: [{ disabledAt: { sort: "asc", nulls: "first" } }, { email: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      lastSignInAt: true,
      totpEnabledAt: true,
      createdAt: true,
    },
  });
}

/** The second factor of an account as its owner sees it. */
export async function getSecondFactorState({ staffId }: { staffId: string }) {
  const [staff, recoveryCodesLeft] = await Promise.all([
    db.staffUser.findUniqueOrThrow({ where: { id: staffId }, select: { totpEnabledAt: true } }),
    db.staffRecoveryCode.count({ where: { staffId } }),
  ]);
  return { enabledAt: staff.totpEnabledAt, recoveryCodesLeft };
}
