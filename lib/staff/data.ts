import "server-only";
import { db } from "@/lib/db";
import { isSessionLive, SESSION_ABSOLUTE_SECONDS } from "@/lib/staff/rules";

export function findStaffByEmail({ email }: { email: string }) {
  return db.staffUser.findUnique({ where: { email } });
}

const staffAccountFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  sessionVersion: true,
  totpEnabledAt: true,
  mustChangePassword: true,
} as const;

/**
 * A session with its account as they are now, in one read: the session's
 * end, the role, the disabled flag and the session version are checked on
 * every request.
 */
export function getStaffSession({ id }: { id: string }) {
  return db.staffSession.findUnique({
    where: { id },
    select: {
      id: true,
      createdAt: true,
      lastSeenAt: true,
      revokedAt: true,
      staff: { select: staffAccountFields },
    },
  });
}

export type StaffAccount = NonNullable<Awaited<ReturnType<typeof getStaffSession>>>["staff"];

/** The account's sessions that still open the staff area, newest use first. */
export async function listActiveSessions({ staffId, now = new Date() }: { staffId: string; now?: Date }) {
  const sessions = await db.staffSession.findMany({
    // Narrowed to what could still be live; isSessionLive decides, as for every request.
    where: {
      staffId,
      revokedAt: null,
      createdAt: { gt: new Date(now.getTime() - SESSION_ABSOLUTE_SECONDS * 1000) },
    },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, device: true, createdAt: true, lastSeenAt: true, revokedAt: true },
  });
  return sessions.filter((session) => isSessionLive(session, now));
}

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
