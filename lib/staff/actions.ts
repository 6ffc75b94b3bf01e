"use server";

import { revalidatePath } from "next/cache";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import QRCode from "qrcode";
import { z } from "zod";
import { SecondFactorRequired, signIn, signOut } from "@/lib/auth";
import { publicAction, staffAction } from "@/lib/entry-points/action";
import { type Done, done } from "@/lib/entry-points/state";
import { getEnv } from "@/lib/env";
import { STAFF_LOCALE_COOKIE } from "@/lib/i18n/request";
import { localeSchema } from "@/lib/i18n/routing";
import { setStaffOrganization } from "@/lib/organizations/mutations";
import { organizationChoiceSchema } from "@/lib/organizations/schema";
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
import { ADMINS, ALL_STAFF, currentSessionId } from "@/lib/staff/require-staff";
import {
  changePasswordSchema,
  currentSecretSchema,
  newStaffSchema,
  secondFactorCodeSchema,
  signInSchema,
  staffRoles,
} from "@/lib/staff/schema";
import { totpUri } from "@/lib/staff/second-factor";

// Thin server actions (STYLE.md), each defined through lib/entry-points/action.ts.

/** The password was wrong, or the code, or the attempt was throttled: one answer for all. */
export type SignInResult = { status: "refused"; askCode: boolean } | { status: "code_needed" };

/** Fields as the sign-in form sends them; Auth.js's authorize() parses them strictly. */
const signInFormSchema = z.object({
  email: z.string().max(254),
  password: z.string().max(128),
  code: z.string().max(20).optional(),
});

export const signInAction = publicAction({
  name: "staff.sign_in",
  input: signInFormSchema,
  async run({ input }): Promise<SignInResult> {
    try {
      await signIn("credentials", { ...input, code: input.code ?? "", redirect: false });
    } catch (error) {
      if (error instanceof SecondFactorRequired) return { status: "code_needed" };
      // A wrong password, a wrong code and a throttled attempt get the same answer.
      if (error instanceof AuthError) return { status: "refused", askCode: Boolean(input.code) };
      throw error;
    }
    // This browser has now signed in to the account: its next sign-ins count
    // on their own, not with guesses made elsewhere (lib/staff/device-cookie.ts).
    const email = signInSchema.shape.email.parse(input.email);
    (await cookies()).set(DEVICE_COOKIE, newDeviceToken(email), {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      secure: (await headers()).get("x-forwarded-proto") === "https",
      maxAge: DEVICE_COOKIE_MAX_AGE,
    });
    redirect("/admin");
  },
});

/** Signing out ends this session's row too (lib/auth.ts, events.signOut). */
export const signOutAction = publicAction({
  name: "staff.sign_out",
  async run(): Promise<never> {
    await signOut({ redirectTo: "/admin/sign-in" });
    throw new Error("signOut() did not redirect");
  },
});

/** The staff area's language, remembered in a cookie (its addresses carry none). */
export const setStaffLocaleAction = publicAction({
  name: "staff.set_locale",
  input: z.object({ locale: localeSchema }),
  async run({ input }) {
    (await cookies()).set(STAFF_LOCALE_COOKIE, input.locale, {
      path: "/admin",
      sameSite: "lax",
      maxAge: 365 * 86_400,
    });
    return done();
  },
});

export type ChangePasswordResult = { status: "refused"; reason: IdentityRefusal["reason"] };

/**
 * Any staff member: a new password, which signs them out everywhere (here
 * too). The one thing an account with a generated password may do.
 */
export const changePasswordAction = staffAction({
  name: "staff.change_password",
  roles: ALL_STAFF,
  setup: true,
  passwordChange: true,
  input: changePasswordSchema,
  async run({ staff, input }): Promise<ChangePasswordResult> {
    const result = await changeOwnPassword({ staffId: staff.id, ...input });
    if (!result.ok) return { status: "refused", reason: result.reason };
    await signOut({ redirectTo: "/admin/sign-in" });
    throw new Error("signOut() did not redirect");
  },
});

/** Any staff member: end every session of their account, on every device. */
export const signOutEverywhereAction = staffAction({
  name: "staff.sign_out_everywhere",
  roles: ALL_STAFF,
  setup: true,
  passwordChange: true,
  async run({ staff }): Promise<never> {
    await signOutEverywhere({ staffId: staff.id });
    await signOut({ redirectTo: "/admin/sign-in" });
    throw new Error("signOut() did not redirect");
  },
});

/** Any staff member: end one of their own sessions (a browser left signed in elsewhere). */
export const endSessionAction = staffAction({
  name: "staff.end_session",
  roles: ALL_STAFF,
  setup: true,
  passwordChange: true,
  bound: z.uuid(),
  async run({ staff, bound: sessionId }) {
    const current = await currentSessionId();
    await revokeStaffSession({ staffId: staff.id, sessionId });
    if (sessionId === current) await signOut({ redirectTo: "/admin/sign-in" });
    revalidatePath("/admin/account");
    return done();
  },
});

export type SecondFactorResult =
  | { status: "refused"; reason: IdentityRefusal["reason"] }
  | { status: "enrolling"; secret: string; qr: string }
  | { status: "wrong_code"; secret: string; qr: string }
  | { status: "recovery_codes"; codes: string[] }
  | { status: "removed" }
  | Done;

const secondFactorSchema = z.discriminatedUnion("step", [
  z.object({ step: z.enum(["start", "renew", "remove"]), currentSecret: currentSecretSchema }),
  z.object({ step: z.literal("confirm"), code: secondFactorCodeSchema, secret: z.string().max(64) }),
]);

/**
 * Any staff member: a new secret to scan with an authenticator app (on only
 * after the first code), new recovery codes, or the second factor removed.
 * Each first asks for the current password (or a code): a session left open
 * must not be enough to take over the account's second factor.
 */
export const secondFactorAction = staffAction({
  name: "staff.second_factor",
  roles: ALL_STAFF,
  setup: true,
  input: secondFactorSchema,
  async run({ staff, input }): Promise<SecondFactorResult> {
    const qrOf = (secret: string) =>
      QRCode.toDataURL(totpUri({ secret, account: staff.email }), { margin: 1, width: 240 });
    switch (input.step) {
      case "start": {
        const started = await startSecondFactor({ staffId: staff.id, currentSecret: input.currentSecret });
        if (!started.ok) return { status: "refused", reason: started.reason };
        if (!started.secret) return done();
        return { status: "enrolling", secret: started.secret, qr: await qrOf(started.secret) };
      }
      case "confirm": {
        // The secret shown is sent back only to be shown again; the one
        // confirmed is the account's own, stored when the enrolment started.
        const codes = await confirmSecondFactor({ staffId: staff.id, code: input.code });
        if (!codes) return { status: "wrong_code", secret: input.secret, qr: await qrOf(input.secret) };
        revalidatePath("/admin", "layout");
        return { status: "recovery_codes", codes };
      }
      case "renew": {
        const renewed = await renewRecoveryCodes({ staffId: staff.id, currentSecret: input.currentSecret });
        return renewed.ok
          ? { status: "recovery_codes", codes: renewed.codes }
          : { status: "refused", reason: renewed.reason };
      }
      case "remove": {
        // Refused where admins must keep one.
        if (staff.role === "ADMIN" && getEnv().REQUIRE_ADMIN_SECOND_FACTOR) return done();
        const removed = await removeOwnSecondFactor({
          staffId: staff.id,
          currentSecret: input.currentSecret,
        });
        if (!removed.ok) return { status: "refused", reason: removed.reason };
        revalidatePath("/admin/account");
        return { status: "removed" };
      }
    }
  },
});

// Staff accounts, for admins.

export type NewStaffResult =
  | { status: "refused"; reason: "email_taken" }
  | { status: "created"; email: string; password: string };

/** Admin: a new staff account with a generated password, shown once to pass on; changed at first sign-in. */
export const createStaffAction = staffAction({
  name: "staff.create",
  roles: ADMINS,
  input: newStaffSchema,
  async run({ staff: admin, input }): Promise<NewStaffResult> {
    const password = generatePassword();
    const result = await createStaffAccount({
      ...input,
      password,
      mustChangePassword: true,
      actor: { type: "STAFF", staffId: admin.id },
    });
    if (!result.ok) return { status: "refused", reason: result.reason };
    revalidatePath("/admin/staff");
    return { status: "created", email: input.email, password };
  },
});

export type StaffChangeResult = {
  status: "refused";
  reason: "last_admin" | "not_found" | "organization_member" | "admin" | "unknown_organization";
};

const accountChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), role: z.enum(staffRoles) }),
  z.object({ change: z.literal("organization"), organizationId: organizationChoiceSchema }),
  z.object({ change: z.literal("disable") }),
  z.object({ change: z.literal("enable") }),
  z.object({ change: z.literal("second_factor") }),
]);

/**
 * Admin: change another account's role, its organization (decision 041),
 * disable or enable it, or remove its second factor (a lost phone).
 */
export const changeStaffAction = staffAction({
  name: "staff.change",
  roles: ADMINS,
  bound: z.uuid(),
  input: accountChangeSchema,
  async run({ staff: admin, bound: staffId, input }) {
    const actor = { type: "STAFF", staffId: admin.id } as const;
    if (input.change === "second_factor") {
      await removeSecondFactor({ staffId, actor });
    } else if (input.change === "organization") {
      const result = await setStaffOrganization({ staffId, organizationId: input.organizationId, actor });
      if (!result.ok) return { status: "refused", reason: result.reason } satisfies StaffChangeResult;
    } else {
      const result = await changeStaffAccount({
        staffId,
        change: input.change === "role" ? { role: input.role } : { disabled: input.change === "disable" },
        actor,
      });
      if (!result.ok) return { status: "refused", reason: result.reason } satisfies StaffChangeResult;
    }
    revalidatePath("/admin/staff");
    return done("saved");
  },
});

export type PasswordResetResult = { status: "reset"; password: string };

/** Admin: a new generated password for another account, shown once; its sessions end. */
export const resetStaffPasswordAction = staffAction({
  name: "staff.reset_password",
  roles: ADMINS,
  bound: z.uuid(),
  async run({ staff: admin, bound: staffId }): Promise<PasswordResetResult> {
    const password = await resetStaffPassword({ staffId, actor: { type: "STAFF", staffId: admin.id } });
    return { status: "reset", password };
  },
});
