"use server";

import { cookies } from "next/headers";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { STAFF_LOCALE_COOKIE } from "@/lib/i18n/request";
import { isLocale } from "@/lib/i18n/routing";
import { changeOwnPassword, signOutEverywhere } from "@/lib/staff/mutations";
import { ALL_STAFF, requireStaff } from "@/lib/staff/require-staff";
import { changePasswordSchema } from "@/lib/staff/schema";

export type SignInState = { failed: boolean };

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: formData.get("email"),
      password: formData.get("password"),
      redirectTo: "/admin",
    });
  } catch (error) {
    // A wrong password and a locked account get the same answer.
    if (error instanceof AuthError) return { failed: true };
    throw error;
  }
  return { failed: false };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/admin/sign-in" });
}

/** The staff area's language, remembered in a cookie (its addresses carry none). */
export async function setStaffLocaleAction(formData: FormData) {
  const locale = String(formData.get("locale"));
  if (!isLocale(locale)) return;
  (await cookies()).set(STAFF_LOCALE_COOKIE, locale, {
    path: "/admin",
    sameSite: "lax",
    maxAge: 365 * 86_400,
  });
}

export type ChangePasswordState =
  | { status: "idle" }
  | { status: "refused"; reason: "wrong_password" | "invalid" | "mismatch" };

/** Any staff member: a new password, which signs them out everywhere (here too). */
export async function changePasswordAction(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const staff = await requireStaff(ALL_STAFF);
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const mismatch = parsed.error.issues.some((issue) => issue.message === "mismatch");
    return { status: "refused", reason: mismatch ? "mismatch" : "invalid" };
  }
  const result = await changeOwnPassword({ staffId: staff.id, ...parsed.data });
  if (!result.ok) return { status: "refused", reason: result.reason };
  await signOut({ redirectTo: "/admin/sign-in" });
  return { status: "idle" };
}

/** Any staff member: end every session of their account, on every device. */
export async function signOutEverywhereAction() {
  const staff = await requireStaff(ALL_STAFF);
  await signOutEverywhere({ staffId: staff.id });
  await signOut({ redirectTo: "/admin/sign-in" });
}
