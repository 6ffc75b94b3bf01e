"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import QRCode from "qrcode";
import { z } from "zod";
import { SecondFactorRequired, signIn, signOut } from "@/lib/auth";
import { getEnv } from "@/lib/env";
import { STAFF_LOCALE_COOKIE } from "@/lib/i18n/request";
import { isLocale } from "@/lib/i18n/routing";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, newDeviceToken } from "@/lib/staff/device-cookie";
import {
  changeOwnPassword,
  changeStaffAccount,
  confirmSecondFactor,
  createStaffAccount,
  type IdentityRefusal,
  removeOwnSecondFactor,
  removeSecondFactor,
  renewRecoveryCodes,
  resetStaffPassword,
  revokeStaffSession,
  signOutEverywhere,
  startSecondFactor,
} from "@/lib/staff/mutations";
import { generatePassword } from "@/lib/staff/passwords";
import { ADMINS, ALL_STAFF, currentSessionId, requireStaff } from "@/lib/staff/require-staff";
import {
  changePasswordSchema,
  currentSecretSchema,
  newStaffSchema,
  secondFactorCodeSchema,
  signInSchema,
  staffRoles,
} from "@/lib/staff/schema";
import { totpUri } from "@/lib/staff/second-factor";

/** `askCode`: the password was right and the account has a second factor. */
export type SignInState = { failed: boolean; askCode: boolean };

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: formData.get("email"),
      password: formData.get("password"),
      code: formData.get("code") ?? "",
      redirect: false,
    });
  } catch (error) {
    if (error instanceof SecondFactorRequired) return { failed: false, askCode: true };
    // A wrong password, a wrong code and a throttled attempt get the same answer.
    if (error instanceof AuthError) return { failed: true, askCode: Boolean(formData.get("code")) };
    throw error;
  }
  // This browser has now signed in to the account: its next sign-ins count on
  // their own, not with guesses made elsewhere (lib/staff/device-cookie.ts).
  const email = signInSchema.shape.email.parse(formData.get("email"));
  (await cookies()).set(DEVICE_COOKIE, newDeviceToken(email), {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: (await headers()).get("x-forwarded-proto") === "https",
    maxAge: DEVICE_COOKIE_MAX_AGE,
  });
  redirect("/admin");
}

/** Signing out ends this session's row too (lib/auth.ts, events.signOut). */
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
  | { status: "refused"; reason: IdentityRefusal["reason"] | "invalid" | "common" | "mismatch" };

/**
 * Any staff member: a new password, which signs them out everywhere (here
 * too). The one thing an account with a generated password may do.
 */
export async function changePasswordAction(
  _previous: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const staff = await requireStaff(ALL_STAFF, { setup: true, passwordChange: true });
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const says = (message: string) => parsed.error.issues.some((issue) => issue.message === message);
    return {
      status: "refused",
      reason: says("mismatch") ? "mismatch" : says("common") ? "common" : "invalid",
    };
  }
  const result = await changeOwnPassword({ staffId: staff.id, ...parsed.data });
  if (!result.ok) return { status: "refused", reason: result.reason };
  await signOut({ redirectTo: "/admin/sign-in" });
  return { status: "idle" };
}

/** Any staff member: end every session of their account, on every device. */
export async function signOutEverywhereAction() {
  const staff = await requireStaff(ALL_STAFF, { setup: true, passwordChange: true });
  await signOutEverywhere({ staffId: staff.id });
  await signOut({ redirectTo: "/admin/sign-in" });
}

/** Any staff member: end one of their own sessions (a browser left signed in elsewhere). */
export async function endSessionAction(formData: FormData) {
  const staff = await requireStaff(ALL_STAFF, { setup: true, passwordChange: true });
  const sessionId = z.uuid().safeParse(formData.get("sessionId"));
  if (!sessionId.success) return;
  const current = await currentSessionId();
  await revokeStaffSession({ staffId: staff.id, sessionId: sessionId.data });
  if (sessionId.data === current) await signOut({ redirectTo: "/admin/sign-in" });
  revalidatePath("/admin/account");
}

export type SecondFactorState =
  | { status: "idle"; refused?: IdentityRefusal["reason"] }
  | { status: "enrolling"; secret: string; qr: string }
  | { status: "wrong_code"; secret: string; qr: string }
  | { status: "recovery_codes"; codes: string[] };

/**
 * Any staff member: a new secret to scan with an authenticator app (on only
 * after the first code), new recovery codes, or the second factor removed.
 * Each first asks for the current password (or a code): a session left open
 * must not be enough to take over the account's second factor.
 */
export async function secondFactorAction(
  previous: SecondFactorState,
  formData: FormData,
): Promise<SecondFactorState> {
  const staff = await requireStaff(ALL_STAFF, { setup: true });
  const step = formData.get("step");
  const currentSecret = currentSecretSchema.catch("").parse(formData.get("currentSecret"));
  if (step === "start") {
    const started = await startSecondFactor({ staffId: staff.id, currentSecret });
    if (!started.ok) return { status: "idle", refused: started.reason };
    if (!started.secret) return { status: "idle" };
    const qr = await QRCode.toDataURL(totpUri({ secret: started.secret, account: staff.email }), {
      margin: 1,
      width: 240,
    });
    return { status: "enrolling", secret: started.secret, qr };
  }
  if (step === "confirm" && (previous.status === "enrolling" || previous.status === "wrong_code")) {
    const code = secondFactorCodeSchema.safeParse(formData.get("code"));
    const codes = code.success ? await confirmSecondFactor({ staffId: staff.id, code: code.data }) : null;
    if (!codes) return { ...previous, status: "wrong_code" };
    revalidatePath("/admin", "layout");
    return { status: "recovery_codes", codes };
  }
  if (step === "renew" && staff.totpEnabledAt) {
    const renewed = await renewRecoveryCodes({ staffId: staff.id, currentSecret });
    return renewed.ok
      ? { status: "recovery_codes", codes: renewed.codes }
      : { status: "idle", refused: renewed.reason };
  }
  // Turning it off is refused where admins must keep one.
  if (step === "remove" && !(staff.role === "ADMIN" && getEnv().REQUIRE_ADMIN_SECOND_FACTOR)) {
    const removed = await removeOwnSecondFactor({ staffId: staff.id, currentSecret });
    if (!removed.ok) return { status: "idle", refused: removed.reason };
    revalidatePath("/admin/account");
  }
  return { status: "idle" };
}

// Staff accounts, for admins.

export type NewStaffState =
  | { status: "idle" }
  | { status: "refused"; reason: "invalid" | "email_taken" }
  | { status: "created"; email: string; password: string };

/** Admin: a new staff account with a generated password, shown once to pass on. */
export async function createStaffAction(
  _previous: NewStaffState,
  formData: FormData,
): Promise<NewStaffState> {
  const admin = await requireStaff(ADMINS);
  const parsed = newStaffSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "refused", reason: "invalid" };
  const password = generatePassword();
  const result = await createStaffAccount({
    ...parsed.data,
    password,
    mustChangePassword: true,
    actor: { type: "STAFF", staffId: admin.id },
  });
  if (!result.ok) return { status: "refused", reason: result.reason };
  revalidatePath("/admin/staff");
  return { status: "created", email: parsed.data.email, password };
}

const accountChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), staffId: z.uuid(), role: z.enum(staffRoles) }),
  z.object({ change: z.literal("disable"), staffId: z.uuid() }),
  z.object({ change: z.literal("enable"), staffId: z.uuid() }),
  z.object({ change: z.literal("second_factor"), staffId: z.uuid() }),
]);

/** Admin: change another account's role, disable or enable it, or remove its second factor (a lost phone). */
export async function changeStaffAction(formData: FormData) {
  const admin = await requireStaff(ADMINS);
  const parsed = accountChangeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/admin/staff?result=invalid");
  const { change, staffId } = parsed.data;
  const actor = { type: "STAFF", staffId: admin.id } as const;
  if (change === "second_factor") {
    await removeSecondFactor({ staffId, actor });
    redirect("/admin/staff?result=done");
  }
  const result = await changeStaffAccount({
    staffId,
    change: change === "role" ? { role: parsed.data.role } : { disabled: change === "disable" },
    actor,
  });
  redirect(`/admin/staff?result=${result.ok ? "done" : result.reason}`);
}

export type PasswordResetState = { password?: string };

/** Admin: a new generated password for another account, shown once; its sessions end. */
export async function resetStaffPasswordAction(staffId: string): Promise<PasswordResetState> {
  const admin = await requireStaff(ADMINS);
  const id = z.uuid().parse(staffId);
  return { password: await resetStaffPassword({ staffId: id, actor: { type: "STAFF", staffId: admin.id } }) };
}
