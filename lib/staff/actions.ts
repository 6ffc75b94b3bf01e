"use server";

import { cookies } from "next/headers";
import { AuthError } from "next-auth";
import { signIn, signOut } from "@/lib/auth";
import { STAFF_LOCALE_COOKIE } from "@/lib/i18n/request";
import { isLocale } from "@/lib/i18n/routing";

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
