import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// Partner organizations (docs/decisions/041-partner-organizations.md): each
// change in one transaction with its audit entry. A name is unique whatever
// its case (a unique index on lower(name)); an admin is never a member (a
// CHECK on staff_user): both are checked here to answer with a reason, and
// held by the database for any other writer. The entries name organizations
// by name as they were: a name is no one's personal data.

type Tx = Prisma.TransactionClient;

const isUniqueViolation = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export type OrganizationResult = { ok: true; id: string } | { ok: false; reason: "name_taken" | "not_found" };

export async function createOrganization({
  name,
  actor,
}: {
  name: string;
  actor: Actor;
}): Promise<OrganizationResult> {
  try {
    return await db.$transaction(async (tx) => {
      const organization = await tx.organization.create({ data: { name } });
      await recordAudit(tx, {
        actor,
        action: "organization.created",
        entityType: "organization",
        entityId: organization.id,
        data: { name },
      });
      return { ok: true, id: organization.id } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "name_taken" };
    throw error;
  }
}

export async function renameOrganization({
  id,
  name,
  actor,
}: {
  id: string;
  name: string;
  actor: Actor;
}): Promise<OrganizationResult> {
  try {
    return await db.$transaction(async (tx) => {
      const [previous] = await tx.$queryRaw<{ name: string }[]>`
        SELECT name FROM organization WHERE id = ${id}::uuid FOR UPDATE`;
      if (!previous) return { ok: false, reason: "not_found" } as const;
      if (previous.name === name) return { ok: true, id } as const;
      await tx.organization.update({ where: { id }, data: { name } });
      await recordAudit(tx, {
        actor,
        action: "organization.renamed",
        entityType: "organization",
        entityId: id,
        data: { from: previous.name, to: name },
      });
      return { ok: true, id } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "name_taken" };
    throw error;
  }
}

/** The organization's name, or undefined when there is none with that id; null asks for none. */
async function nameOf(tx: Tx, id: string | null): Promise<string | null | undefined> {
  if (id === null) return null;
  const organization = await tx.organization.findUnique({ where: { id }, select: { name: true } });
  return organization?.name;
}

export type MembershipResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "unknown_organization" | "admin" };

/**
 * Puts an account into an organization (null: takes it out). Its access
 * changes with its very next request (the guard reads the account fresh).
 * An admin is refused: admins are instance-wide.
 */
export async function setStaffOrganization({
  staffId,
  organizationId,
  actor,
}: {
  staffId: string;
  organizationId: string | null;
  actor: Actor;
}): Promise<MembershipResult> {
  return db.$transaction(async (tx) => {
    // Locked: an admin making it an admin meanwhile waits, then the CHECK holds.
    const [staff] = await tx.$queryRaw<{ role: string; organizationId: string | null }[]>`
      SELECT role::text AS role, organization_id AS "organizationId"
      FROM staff_user WHERE id = ${staffId}::uuid FOR UPDATE`;
    if (!staff) return { ok: false, reason: "not_found" } as const;
    const name = await nameOf(tx, organizationId);
    if (name === undefined) return { ok: false, reason: "unknown_organization" } as const;
    if (staff.role === "ADMIN" && organizationId !== null) return { ok: false, reason: "admin" } as const;
    if (staff.organizationId === organizationId) return { ok: true } as const;
    await tx.staffUser.update({ where: { id: staffId }, data: { organizationId } });
    const previous = await nameOf(tx, staff.organizationId);
    if (previous) {
      await recordAudit(tx, {
        actor,
        action: "organization.member_removed",
        entityType: "staff_user",
        entityId: staffId,
        data: { organization: previous },
      });
    }
    if (name) {
      await recordAudit(tx, {
        actor,
        action: "organization.member_added",
        entityType: "staff_user",
        entityId: staffId,
        data: { organization: name },
      });
    }
    return { ok: true } as const;
  });
}

export type MoveEventResult = { ok: true } | { ok: false; reason: "not_found" | "unknown_organization" };

/** Gives an event to an organization (null: to none); its members' access follows at once. */
export async function moveEvent({
  eventId,
  organizationId,
  actor,
}: {
  eventId: string;
  organizationId: string | null;
  actor: Actor;
}): Promise<MoveEventResult> {
  return db.$transaction(async (tx) => {
    const [event] = await tx.$queryRaw<{ organizationId: string | null }[]>`
      SELECT organization_id AS "organizationId" FROM event WHERE id = ${eventId}::uuid FOR UPDATE`;
    if (!event) return { ok: false, reason: "not_found" } as const;
    const name = await nameOf(tx, organizationId);
    if (name === undefined) return { ok: false, reason: "unknown_organization" } as const;
    if (event.organizationId === organizationId) return { ok: true } as const;
    await tx.event.update({ where: { id: eventId }, data: { organizationId } });
    await recordAudit(tx, {
      actor,
      action: "event.moved",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { from: (await nameOf(tx, event.organizationId)) ?? null, to: name },
    });
    return { ok: true } as const;
  });
}
