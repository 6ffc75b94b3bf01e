import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { auth } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { getEventForStaff } from "@/lib/events/data";
import {
  type EventRef,
  getStaffSession,
  listMemberships,
  listOrganizationEventIds,
  resolveEventRef,
  type StaffAccount,
} from "@/lib/staff/data";
import { touchStaffSession } from "@/lib/staff/mutations";
import {
  type EventPermission,
  type EventScope,
  NEW_EVENT,
  permissionsOn,
  scopeOf,
} from "@/lib/staff/permissions";
import { isAccountOpen, isSessionLive, needsTouch, SESSION_IDLE_SECONDS } from "@/lib/staff/rules";
import type { StaffRoleName } from "@/lib/staff/schema";

// The one guard of the staff area. Every staff page, server action and route
// handler calls it itself; the admin layout's check is a convenience.
// The session row and the account are read fresh: a sign-out, an ended
// session, a role changed, an account disabled or past its end, or "sign out everywhere"
// takes effect on the very next request.

/** What the session cookie (a JWT, lib/auth.ts) claims. */
export type SessionClaims = { staffId?: unknown; sessionId?: unknown; sessionVersion?: unknown };

/**
 * The account a session cookie's claims open now, or null: its session row
 * must be live (not ended, not idle two hours, not twelve hours old) and the
 * account enabled, with the version the session was issued with. A request
 * on a live session keeps it from going idle.
 */
export async function staffOfSession(claims: SessionClaims, now = new Date()) {
  const { staffId, sessionId, sessionVersion } = claims;
  if (typeof staffId !== "string" || typeof sessionId !== "string") return null;
  const session = await getStaffSession({ id: sessionId });
  if (!session || session.staff.id !== staffId || !isSessionLive(session, now)) return null;
  const { staff } = session;
  if (!isAccountOpen(staff, now) || staff.sessionVersion !== sessionVersion) return null;
  if (needsTouch(session, now)) {
    await touchStaffSession({
      id: sessionId,
      idleSince: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000),
    });
  }
  return { staff, sessionId };
}

/**
 * The signed-in account and session as the database has them now, or null.
 * Read once per request (React's cache): the layouts and the page each
 * check, with one read.
 */
const currentSession = cache(async () => {
  const session = await auth();
  return session ? staffOfSession(session as SessionClaims) : null;
});

/** The id of this browser's session, to mark it among the account's sessions. */
export async function currentSessionId(): Promise<string | null> {
  return (await currentSession())?.sessionId ?? null;
}

export type StaffCheck =
  | { ok: true; staff: StaffAccount }
  | { ok: false; status: 401 | 403; secondFactorMissing?: true; passwordChangeRequired?: true };

/**
 * With REQUIRE_ADMIN_SECOND_FACTOR, an admin without a second factor may only
 * set one up (`setup: true`, the account page and its actions). An account
 * with a generated or reset password may only change it first
 * (`passwordChange: true`): whoever passed the password on has seen it.
 */
export async function checkStaff(
  roles: readonly StaffRoleName[],
  { setup = false, passwordChange = false }: StaffCheckOptions = {},
): Promise<StaffCheck> {
  const staff = (await currentSession())?.staff;
  if (!staff) return { ok: false, status: 401 };
  if (!roles.includes(staff.role)) return { ok: false, status: 403 };
  if (staff.mustChangePassword && !passwordChange) {
    return { ok: false, status: 403, passwordChangeRequired: true };
  }
  const secondFactorMissing =
    staff.role === "ADMIN" && !staff.totpEnabledAt && getEnv().REQUIRE_ADMIN_SECOND_FACTOR;
  if (secondFactorMissing && !setup) return { ok: false, status: 403, secondFactorMissing };
  return { ok: true, staff };
}

export type StaffCheckOptions = { setup?: boolean; passwordChange?: boolean };

/** For pages and server actions: sends the anonymous to sign in, the wrong role to "no access". */
export async function requireStaff(
  roles: readonly StaffRoleName[],
  options?: StaffCheckOptions,
): Promise<StaffAccount> {
  const check = await checkStaff(roles, options);
  if (check.ok) return check.staff;
  if (check.passwordChangeRequired) redirect("/admin/account?password=required");
  if (check.secondFactorMissing) redirect("/admin/account?secondFactor=required");
  redirect(check.status === 401 ? "/admin/sign-in" : "/admin/denied");
}

function refusal(check: Exclude<StaffCheck | EventCheck, { ok: true }>): Response {
  return Response.json(
    {
      error: check.passwordChangeRequired
        ? "password_change_required"
        : check.secondFactorMissing
          ? "second_factor_required"
          : check.status === 401
            ? "unauthorized"
            : check.status === 404
              ? "not_found"
              : "forbidden",
    },
    { status: check.status },
  );
}

/** For route handlers: the staff member, or the response that refuses the request. */
export async function staffOrResponse(
  roles: readonly StaffRoleName[],
): Promise<{ staff: StaffAccount } | { response: Response }> {
  const check = await checkStaff(roles);
  return check.ok ? { staff: check.staff } : { response: refusal(check) };
}

export const ALL_STAFF = [
  "ADMIN",
  "ORGANIZER",
  "CHECK_IN",
  "STAFF",
] as const satisfies readonly StaffRoleName[];
export const ORGANIZERS = ["ADMIN", "ORGANIZER"] as const satisfies readonly StaffRoleName[];
export const ADMINS = ["ADMIN"] as const satisfies readonly StaffRoleName[];

/** The caller on one event (or, `eventId: null`, on what belongs to none) and what it may do there. */
export type EventAccess = {
  staff: StaffAccount;
  eventId: string | null;
  permissions: ReadonlySet<EventPermission>;
};

type EventCheck =
  | { ok: true; access: EventAccess }
  | Exclude<StaffCheck, { ok: true }>
  | { ok: false; status: 404; secondFactorMissing?: never; passwordChangeRequired?: never };

const objectId = z.uuid();

/**
 * The one guard of everything that belongs to an event (decision 030). `ref`
 * names the event, or objects of it (a registration, a letter, a day), whose
 * event is read first; null: nothing in particular (a new event), where the
 * instance role alone decides. A caller who may not see the event, or an
 * object that does not exist or is of another event: 404, so an id is never
 * confirmed. One who sees the event but lacks `permission`: 403 for the
 * event itself, 404 for an object of it.
 */
export async function checkEventAccess(
  ref: EventRef | null,
  permission: EventPermission,
  options?: StaffCheckOptions,
): Promise<EventCheck> {
  const check = await checkStaff(ALL_STAFF, options);
  if (!check.ok) return check;
  const { staff } = check;
  const refused = { ok: false, status: 403 } as const;
  if (ref === null) {
    const permissions = newEventPermissions(staff);
    return permissions.has(permission)
      ? { ok: true, access: { staff, eventId: null, permissions } }
      : refused;
  }
  const notFound = { ok: false, status: 404 } as const;
  if (Object.values(ref).some((id) => id !== undefined && !objectId.safeParse(id).success)) return notFound;
  const resolved = await resolveEventRef({ ref, staffId: staff.id });
  if (!resolved) return notFound;
  const permissions = permissionsOn({
    instanceRole: staff.role,
    organization: staff.organizationId,
    eventOrganization: resolved.organizationId,
    eventRole: resolved.eventRole,
  });
  if (resolved.eventId !== null && !permissions.has("event.view")) return notFound;
  // An object (a registration, a letter) is confirmed only to whoever may
  // open it: a viewer of its event who has its id learns nothing from it
  // (docs/decisions/038-viewer-data-minimization.md).
  const namesObject = Object.entries(ref).some(([kind, id]) => kind !== "event" && id !== undefined);
  if (!permissions.has(permission)) return namesObject ? notFound : refused;
  return { ok: true, access: { staff, eventId: resolved.eventId, permissions } };
}

/** What the account may do on no event in particular: make a new one (admins, an organization's organizers). */
export function newEventPermissions(staff: StaffAccount) {
  return permissionsOn({
    instanceRole: staff.role,
    organization: staff.organizationId,
    eventOrganization: NEW_EVENT,
    eventRole: null,
  });
}

/** For pages and server actions: as requireStaff, and notFound() for an event the caller may not see. */
export async function requireEventAccess(
  { permission, ...ref }: EventRef & { permission: EventPermission },
  options?: StaffCheckOptions,
): Promise<EventAccess> {
  return requireEventRefAccess(ref, permission, options);
}

/**
 * A staff page of one event: the caller's access checked first (a 404 or a
 * redirect otherwise), then the event as staff pages read it.
 */
export async function requireStaffEvent({ id, permission }: { id: string; permission: EventPermission }) {
  const access = await requireEventAccess({ event: id, permission });
  const event = await getEventForStaff({ id });
  if (!event) notFound();
  return { ...access, event };
}

/** requireEventAccess with the reference apart: null for nothing in particular. */
export async function requireEventRefAccess(
  ref: EventRef | null,
  permission: EventPermission,
  options?: StaffCheckOptions,
): Promise<EventAccess> {
  const check = await checkEventAccess(ref, permission, options);
  if (check.ok) return check.access;
  if (check.status === 404) notFound();
  if (check.passwordChangeRequired) redirect("/admin/account?password=required");
  if (check.secondFactorMissing) redirect("/admin/account?secondFactor=required");
  redirect(check.status === 401 ? "/admin/sign-in" : "/admin/denied");
}

/** For route handlers: the caller's access to the event, or the response that refuses the request (404 for an event it may not see). */
export async function eventAccessOrResponse(
  ref: EventRef | null,
  permission: EventPermission,
): Promise<{ access: EventAccess } | { response: Response }> {
  const check = await checkEventAccess(ref, permission);
  return check.ok ? { access: check.access } : { response: refusal(check) };
}

/**
 * The account's events, for lists (events, the year's figures, the mailbox,
 * the audit log) and links: where it holds a permission, and what it holds
 * on one event.
 */
export async function staffEvents(staff: StaffAccount) {
  const { organizationId: organization } = staff;
  const [memberships, organizationEvents] = await Promise.all([
    listMemberships({ staffId: staff.id }),
    organization ? listOrganizationEventIds({ organizationId: organization }) : [],
  ]);
  const roleOn = new Map(memberships.map((membership) => [membership.eventId, membership.role]));
  const ofOrganization = new Set(organizationEvents);
  return {
    scope: (permission: EventPermission): EventScope =>
      scopeOf({ instanceRole: staff.role, organization, organizationEvents, memberships, permission }),
    permissionsOn: (eventId: string) =>
      permissionsOn({
        instanceRole: staff.role,
        organization,
        // Only whether it is the caller's organization's matters.
        eventOrganization: ofOrganization.has(eventId) ? organization : null,
        eventRole: roleOn.get(eventId) ?? null,
      }),
  };
}

/** A list of events in scope is refused outright to an account with none there, as to the wrong role before. */
export function requireSome(scope: EventScope): EventScope {
  if (scope !== "every" && scope.length === 0) redirect("/admin/denied");
  return scope;
}
