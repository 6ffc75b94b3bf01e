import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { clearAttempts, consumeAttempt } from "@/lib/rate-limit/mutations";
import { generatePassword, hashPassword, verifyPassword } from "@/lib/staff/passwords";
import { guessThrottle } from "@/lib/staff/rules";
import type { StaffRoleName } from "@/lib/staff/schema";
import {
  acceptedTotpStep,
  decryptTotpSecret,
  encryptTotpSecret,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
} from "@/lib/staff/second-factor";

/** A successful sign-in: a new session row, whose id the session cookie carries. */
export async function startStaffSession({ staffId, device }: { staffId: string; device: string }) {
  return db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staffId }, data: { lastSignInAt: new Date() } });
    const session = await tx.staffSession.create({ data: { staffId, device }, select: { id: true } });
    await recordAudit(tx, {
      actor: { type: "STAFF", staffId },
      action: "staff.signed_in",
      entityType: "staff_user",
      entityId: staffId,
    });
    return session.id;
  });
}

/**
 * Records a request on a live session (lib/staff/rules.ts says when). The
 * conditions are repeated in the update so that a session revoked or lapsed
 * meanwhile is never brought back.
 */
export async function touchStaffSession({ id, idleSince }: { id: string; idleSince: Date }) {
  await db.staffSession.updateMany({
    where: { id, revokedAt: null, lastSeenAt: { gt: idleSince } },
    data: { lastSeenAt: new Date() },
  });
}

/** Ends one session (a sign-out, or "end this session" on the account page); only the account's own. */
export async function revokeStaffSession({ staffId, sessionId }: { staffId: string; sessionId: string }) {
  const { count } = await db.staffSession.updateMany({
    where: { id: sessionId, staffId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

function revokeAllSessions(tx: Prisma.TransactionClient, staffId: string) {
  return tx.staffSession.updateMany({ where: { staffId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export type CreateStaffResult = { ok: true; id: string } | { ok: false; reason: "email_taken" };

export async function createStaffAccount({
  email,
  name,
  role,
  password,
  mustChangePassword = false,
  actor,
}: {
  email: string;
  name: string;
  role: StaffRoleName;
  password: string;
  /** A generated password, seen by whoever passes it on: its owner must replace it. */
  mustChangePassword?: boolean;
  actor: Actor;
}): Promise<CreateStaffResult> {
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const staff = await tx.staffUser.create({
        data: { email, name, role, passwordHash, mustChangePassword },
      });
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
 * issued with, and its row is revoked), with whatever else changes with it,
 * such as a new password.
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
      data: {
        sessionVersion: { increment: 1 },
        ...(passwordHash ? { passwordHash, mustChangePassword: false } : {}),
      },
    });
    await revokeAllSessions(tx, staffId);
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

/** Wrong current passwords (or codes) tolerated at once, per account, before each must wait. */
const reauthentication = (staffId: string) => guessThrottle(`reauth:account:${staffId}`, 5);

export type IdentityRefusal = { ok: false; reason: "wrong_password" | "throttled" };
export type IdentityCheck = { ok: true } | IdentityRefusal;

/**
 * Before a security change, the signed-in person proves again who they are:
 * the current password, or a code from their authenticator app. Throttled
 * per account before anything is checked, so a stolen session cannot guess
 * the password quickly.
 */
export async function confirmIdentity({
  staffId,
  secret,
}: {
  staffId: string;
  secret: string;
}): Promise<IdentityCheck> {
  const rule = reauthentication(staffId);
  if (!(await consumeAttempt(rule)).allowed) return { ok: false, reason: "throttled" };
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffId } });
  const totp = staff.totpEnabledAt && staff.totpSecret;
  const confirmed =
    totp && /^\d{6}$/.test(secret.trim())
      ? await verifySecondFactor({ staffId, secret: totp, lastStep: staff.totpLastStep, code: secret.trim() })
      : await verifyPassword({ hash: staff.passwordHash, password: secret });
  if (!confirmed) return { ok: false, reason: "wrong_password" };
  await clearAttempts(rule);
  return { ok: true };
}

/** A new password ends every session, this one included. */
export async function changeOwnPassword({
  staffId,
  currentPassword,
  newPassword,
}: {
  staffId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<IdentityCheck> {
  const identity = await confirmIdentity({ staffId, secret: currentPassword });
  if (!identity.ok) return identity;
  await endAllSessions({
    staffId,
    action: "staff.password_changed",
    passwordHash: await hashPassword(newPassword),
  });
  return { ok: true };
}

// The second factor (lib/staff/second-factor.ts).

/**
 * A new secret waiting for its first code; replaces one not yet confirmed.
 * Only after the current password: a session left open is not enough to
 * put someone else's authenticator on the account.
 */
export async function startSecondFactor({
  staffId,
  currentSecret,
}: {
  staffId: string;
  currentSecret: string;
}): Promise<IdentityRefusal | { ok: true; secret: string | null }> {
  const identity = await confirmIdentity({ staffId, secret: currentSecret });
  if (!identity.ok) return identity;
  const secret = newTotpSecret();
  const { count } = await db.staffUser.updateMany({
    where: { id: staffId, totpEnabledAt: null },
    data: { totpSecret: encryptTotpSecret(secret) },
  });
  return { ok: true, secret: count === 1 ? secret : null };
}

/** Replaces the account's recovery codes; the new ones are returned once, never stored in clear. */
async function replaceRecoveryCodes(tx: Prisma.TransactionClient, staffId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.staffRecoveryCode.deleteMany({ where: { staffId } });
  await tx.staffRecoveryCode.createMany({
    data: codes.map((code) => ({ staffId, codeHash: hashRecoveryCode(code) })),
  });
  return codes;
}

/** The first valid code turns the second factor on; the recovery codes are returned once. */
export async function confirmSecondFactor({
  staffId,
  code,
}: {
  staffId: string;
  code: string;
}): Promise<string[] | null> {
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffId } });
  if (!staff.totpSecret || staff.totpEnabledAt) return null;
  const step = acceptedTotpStep({ secret: decryptTotpSecret(staff.totpSecret), code, lastStep: null });
  if (step === null) return null;
  return db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    await recordAudit(tx, {
      actor: { type: "STAFF", staffId },
      action: "staff.second_factor_enabled",
      entityType: "staff_user",
      entityId: staffId,
    });
    return replaceRecoveryCodes(tx, staffId);
  });
}

/**
 * Whether a code opens the account: a TOTP code not used before (the step is
 * claimed atomically, so a code replayed at once fails) or an unused recovery
 * code, which is spent.
 */
export async function verifySecondFactor({
  staffId,
  secret,
  lastStep,
  code,
}: {
  staffId: string;
  secret: string;
  lastStep: number | null;
  code: string;
}): Promise<boolean> {
  if (looksLikeRecoveryCode(code)) {
    const { count } = await db.staffRecoveryCode.deleteMany({
      where: { staffId, codeHash: hashRecoveryCode(code) },
    });
    return count === 1;
  }
  const step = acceptedTotpStep({ secret: decryptTotpSecret(secret), code, lastStep });
  if (step === null) return false;
  const { count } = await db.staffUser.updateMany({
    where: { id: staffId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** New recovery codes for an account with the second factor on; the old ones stop working. */
export async function renewRecoveryCodes({
  staffId,
  currentSecret,
}: {
  staffId: string;
  currentSecret: string;
}): Promise<IdentityRefusal | { ok: true; codes: string[] }> {
  const identity = await confirmIdentity({ staffId, secret: currentSecret });
  if (!identity.ok) return identity;
  const codes = await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor: { type: "STAFF", staffId },
      action: "staff.recovery_codes_renewed",
      entityType: "staff_user",
      entityId: staffId,
    });
    return replaceRecoveryCodes(tx, staffId);
  });
  return { ok: true, codes };
}

/** The account turns its own second factor off, after proving again who it is. */
export async function removeOwnSecondFactor({
  staffId,
  currentSecret,
}: {
  staffId: string;
  currentSecret: string;
}): Promise<IdentityCheck> {
  const identity = await confirmIdentity({ staffId, secret: currentSecret });
  if (!identity.ok) return identity;
  await removeSecondFactor({ staffId, actor: { type: "STAFF", staffId } });
  return identity;
}

/** Turns the second factor off: by the account itself, or by an admin for a lost phone. */
export async function removeSecondFactor({ staffId, actor }: { staffId: string; actor: Actor }) {
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.staffRecoveryCode.deleteMany({ where: { staffId } });
    await recordAudit(tx, {
      actor,
      action: "staff.second_factor_removed",
      entityType: "staff_user",
      entityId: staffId,
    });
  });
}

// Staff accounts, managed by admins.

export type AccountChangeResult =
  | { ok: true }
  | { ok: false; reason: "last_admin" | "not_found" | "organization_member" };

/**
 * Changes another account's role or disabled state. Every active admin row is
 * locked first, so two admins demoting each other at once cannot both
 * succeed: the last active admin stays (a trigger enforces it too).
 */
export async function changeStaffAccount({
  staffId,
  change,
  actor,
}: {
  staffId: string;
  change: { role: StaffRoleName } | { disabled: boolean };
  actor: Actor;
}): Promise<AccountChangeResult> {
  return db.$transaction(async (tx) => {
    const admins = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM staff_user WHERE role = 'ADMIN' AND disabled_at IS NULL FOR UPDATE`;
    const staff = await tx.staffUser.findUnique({ where: { id: staffId } });
    if (!staff) return { ok: false, reason: "not_found" } as const;
    const losesAdmin = "role" in change ? change.role !== "ADMIN" : change.disabled;
    if (losesAdmin && admins.length === 1 && admins[0]?.id === staffId) {
      return { ok: false, reason: "last_admin" } as const;
    }
    // Admins are instance-wide: a member is taken out of its organization
    // first (a CHECK on staff_user holds it too).
    if ("role" in change && change.role === "ADMIN" && staff.organizationId) {
      return { ok: false, reason: "organization_member" } as const;
    }
    if ("role" in change) {
      await tx.staffUser.update({ where: { id: staffId }, data: { role: change.role } });
    } else {
      await tx.staffUser.update({
        where: { id: staffId },
        data: change.disabled
          ? { disabledAt: new Date(), sessionVersion: { increment: 1 } }
          : { disabledAt: null },
      });
      if (change.disabled) await revokeAllSessions(tx, staffId);
    }
    await recordAudit(tx, {
      actor,
      action: "role" in change ? "staff.role_changed" : change.disabled ? "staff.disabled" : "staff.enabled",
      entityType: "staff_user",
      entityId: staffId,
      data: "role" in change ? { from: staff.role, to: change.role } : {},
    });
    return { ok: true } as const;
  });
}

/**
 * A new generated password for another account, shown once to the admin; its
 * sessions end, and its owner must choose a password of their own at once.
 */
export async function resetStaffPassword({ staffId, actor }: { staffId: string; actor: Actor }) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({
      where: { id: staffId },
      data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } },
    });
    await revokeAllSessions(tx, staffId);
    await recordAudit(tx, {
      actor,
      action: "staff.password_reset",
      entityType: "staff_user",
      entityId: staffId,
    });
  });
  return password;
}
