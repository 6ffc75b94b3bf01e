import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { appSecret } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { consumeRateLimit, isRateLimited } from "@/lib/rate-limit/mutations";
import { findStaffByEmail } from "@/lib/staff/data";
import { recordSignIn, verifySecondFactor } from "@/lib/staff/mutations";
import { hashPassword, verifyPassword } from "@/lib/staff/passwords";
import { signInSchema } from "@/lib/staff/schema";

// Staff sign in with email and password (Argon2id). Sessions are JWTs, which
// cannot be revoked by themselves: each carries the account's session
// version, and requireStaff() compares it, with the role and the disabled
// flag, to the database on every request (docs/decisions/006-staff-sessions.md).

/** A session ends after this long without a request… */
const IDLE_SECONDS = 2 * 60 * 60;
/** …and in any case this long after signing in. */
const ABSOLUTE_SECONDS = 12 * 60 * 60;

/** Failed sign-ins allowed in a quarter of an hour, per account and per client address. */
const FAILURES_PER_ACCOUNT = 5;
const FAILURES_PER_ADDRESS = 20;
const FAILURE_WINDOW_SECONDS = 15 * 60;
const FAILURE_DELAY_MS = 1000;

/** The password was right; the account also needs a code from its authenticator app. */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor";
}

// Verified when the email is unknown, so both answers take as long.
const dummyHash = hashPassword("not-a-password-of-anyone");

async function authorize(credentials: unknown, request: Request) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password, code } = parsed.data;
  const keys = [
    { key: `signin:account:${email}`, limit: FAILURES_PER_ACCOUNT },
    { key: `signin:address:${clientAddress(request.headers)}`, limit: FAILURES_PER_ADDRESS },
  ].map((entry) => ({ ...entry, windowSeconds: FAILURE_WINDOW_SECONDS }));

  const locked = (await Promise.all(keys.map((entry) => isRateLimited(entry)))).some(Boolean);
  const staff = await findStaffByEmail({ email });
  const valid = await verifyPassword({ hash: staff?.passwordHash ?? (await dummyHash), password });
  if (!locked && valid && staff && !staff.disabledAt) {
    const secondFactor = staff.totpEnabledAt && staff.totpSecret;
    if (secondFactor && !code) throw new SecondFactorRequired();
    const opens =
      !secondFactor ||
      (code !== undefined &&
        (await verifySecondFactor({
          staffId: staff.id,
          secret: secondFactor,
          lastStep: staff.totpLastStep,
          code,
        })));
    if (opens) {
      await recordSignIn({ staffId: staff.id });
      return { id: staff.id, email: staff.email, name: staff.name, sessionVersion: staff.sessionVersion };
    }
  }
  // The same answer whatever went wrong, a second later; each failure counts
  // towards the lock.
  await Promise.all(keys.map((entry) => consumeRateLimit(entry)));
  await sleep(FAILURE_DELAY_MS);
  return null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: appSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: IDLE_SECONDS, updateAge: 5 * 60 },
  pages: { signIn: "/admin/sign-in", error: "/admin/sign-in" },
  // A wrong password or a missing code is an expected answer, not an error worth a stack trace.
  logger: {
    error: (error: Error) => {
      if (!(error instanceof CredentialsSignin)) console.error(error);
    },
  },
  providers: [Credentials({ credentials: { email: {}, password: {}, code: {} }, authorize })],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.staffId = user.id;
        token.sessionVersion = (user as { sessionVersion: number }).sessionVersion;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      if (typeof token.authTime !== "number" || Date.now() / 1000 - token.authTime > ABSOLUTE_SECONDS)
        return null;
      return token;
    },
    session({ session, token }) {
      return { ...session, staffId: token.staffId as string, sessionVersion: token.sessionVersion as number };
    },
  },
}));
