import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { getStaffAccount, type StaffAccount } from "@/lib/staff/data";
import type { StaffRoleName } from "@/lib/staff/schema";

// The one guard of the staff area. Every staff page, server action and route
// handler calls it itself; the admin layout's check is a convenience.
// The account is read fresh: a role changed, an account disabled or "sign
// out everywhere" takes effect on the very next request.

/**
 * The signed-in account as the database has it now, or null. Read once per
 * request (React's cache): the layouts and the page each check, with one read.
 */
const currentStaff = cache(async (): Promise<StaffAccount | null> => {
  const session = await auth();
  const staffId = (session as { staffId?: string } | null)?.staffId;
  if (!session || !staffId) return null;
  const staff = await getStaffAccount({ id: staffId });
  const version = (session as { sessionVersion?: number }).sessionVersion;
  return staff && !staff.disabledAt && staff.sessionVersion === version ? staff : null;
});

export type StaffCheck =
  | { ok: true; staff: StaffAccount }
  | { ok: false; status: 401 | 403; secondFactorMissing?: true };

/**
 * With REQUIRE_ADMIN_SECOND_FACTOR, an admin without a second factor may only
 * set one up (`setup: true`, the account page and its actions).
 */
export async function checkStaff(
  roles: readonly StaffRoleName[],
  { setup = false }: { setup?: boolean } = {},
): Promise<StaffCheck> {
  const staff = await currentStaff();
  if (!staff) return { ok: false, status: 401 };
  if (!roles.includes(staff.role)) return { ok: false, status: 403 };
  const secondFactorMissing =
    staff.role === "ADMIN" && !staff.totpEnabledAt && getEnv().REQUIRE_ADMIN_SECOND_FACTOR;
  if (secondFactorMissing && !setup) return { ok: false, status: 403, secondFactorMissing };
  return { ok: true, staff };
}

/** For pages and server actions: sends the anonymous to sign in, the wrong role to "no access". */
export async function requireStaff(
  roles: readonly StaffRoleName[],
  options?: { setup?: boolean },
): Promise<StaffAccount> {
  const check = await checkStaff(roles, options);
  if (check.ok) return check.staff;
  if (check.secondFactorMissing) redirect("/admin/account?secondFactor=required");
  redirect(check.status === 401 ? "/admin/sign-in" : "/admin/denied");
}

/** For route handlers: the staff member, or the response that refuses the request. */
export async function staffOrResponse(
  roles: readonly StaffRoleName[],
): Promise<{ staff: StaffAccount } | { response: Response }> {
  const check = await checkStaff(roles);
  if (check.ok) return { staff: check.staff };
  return {
    response: Response.json(
      {
        error: check.secondFactorMissing
          ? "second_factor_required"
          : check.status === 401
            ? "unauthorized"
            : "forbidden",
      },
      { status: check.status },
    ),
  };
}

export const ALL_STAFF = ["ADMIN", "ORGANIZER", "CHECK_IN"] as const satisfies readonly StaffRoleName[];
export const ORGANIZERS = ["ADMIN", "ORGANIZER"] as const satisfies readonly StaffRoleName[];
export const ADMINS = ["ADMIN"] as const satisfies readonly StaffRoleName[];
