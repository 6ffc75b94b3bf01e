import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { appSecret } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { errorFields, getLogger } from "@/lib/logging/logger";
import { clearAttempts, consumeAttempt, refundAttempt } from "@/lib/rate-limit/mutations";
import { findStaffByEmail } from "@/lib/staff/data";
import { deviceTokenFor, deviceTokenOf } from "@/lib/staff/device-cookie";
import { revokeStaffSession, startStaffSession, verifySecondFactor } from "@/lib/staff/mutations";
import { hashPassword, verifyPassword } from "@/lib/staff/passwords";
import { deviceLabel, guessThrottle, isAccountOpen, SESSION_ABSOLUTE_SECONDS } from "@/lib/staff/rules";
import { signInSchema } from "@/lib/staff/schema";

// Staff sign in with email and password (Argon2id). The session cookie is a
// JWT carrying the id of a staff_session row; requireStaff() checks that row
// and the account on every request, so a sign-out ends the session at once
// (docs/decisions/006-staff-sessions.md). Sign-in attempts are throttled
// before any secret is checked (docs/decisions/012-sign-in-throttling.md).

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
  // A browser that signed in to this account before counts on its own, so
  // that guesses from elsewhere cannot keep the owner out; the address
  // counts for everyone behind it.
  const device = deviceTokenFor({ token: deviceTokenOf(request.headers), email });
  const own = device
    ? guessThrottle(`signin:device:${device}`, 5)
    : guessThrottle(`signin:account:${email}`, 5);
  const address = guessThrottle(`signin:address:${clientAddress(request.headers)}`, 50);

  // Counted before anything is verified: a burst of parallel guesses gets
  // only the free attempts checked, and the unknown email counts the same.
  const allowed = (await Promise.all([consumeAttempt(own), consumeAttempt(address)])).every(
    (result) => result.allowed,
  );
  if (allowed) {
    const staff = await findStaffByEmail({ email });
    const valid = await verifyPassword({ hash: staff?.passwordHash ?? (await dummyHash), password });
    if (valid && staff && isAccountOpen(staff, new Date())) {
      const secondFactor = staff.totpEnabledAt && staff.totpSecret;
      // The attempt stays counted: the password alone does not reset the count
      // a code-guesser runs up.
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
        await Promise.all([clearAttempts(own), refundAttempt(address)]);
        const sessionId = await startStaffSession({
          staffId: staff.id,
          device: deviceLabel(request.headers.get("user-agent")),
        });
        return {
          id: staff.id,
          email: staff.email,
          name: staff.name,
          sessionVersion: staff.sessionVersion,
          sessionId,
        };
      }
    }
  }
  // The same answer, a second later, whatever went wrong: an unknown email, a
  // wrong password or code, or an attempt refused unchecked.
  await sleep(FAILURE_DELAY_MS);
  return null;
}

type SignedInUser = { sessionVersion: number; sessionId: string };

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: appSecret(),
  trustHost: true,
  // The cookie lives as long as the longest session; the session row decides
  // when it ends (idle, signed out, revoked), so nothing renews the cookie.
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_SECONDS, updateAge: SESSION_ABSOLUTE_SECONDS },
  pages: { signIn: "/admin/sign-in", error: "/admin/sign-in" },
  // A wrong password or a missing code is an expected answer, not an error worth a stack trace.
  logger: {
    error: (error: Error) => {
      if (!(error instanceof CredentialsSignin))
        getLogger().error({ error: errorFields(error) }, "auth failed");
    },
  },
  providers: [Credentials({ credentials: { email: {}, password: {}, code: {} }, authorize })],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as SignedInUser;
        token.staffId = user.id;
        token.sessionVersion = signedIn.sessionVersion;
        token.sessionId = signedIn.sessionId;
        token.authTime = Math.floor(Date.now() / 1000);
      }
      if (typeof token.authTime !== "number" || Date.now() / 1000 - token.authTime > SESSION_ABSOLUTE_SECONDS)
        return null;
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        staffId: token.staffId as string,
        sessionVersion: token.sessionVersion as number,
        sessionId: token.sessionId as string,
      };
    },
  },
  events: {
    // Every way of signing out (the staff area's button, /api/auth/signout)
    // ends the session's row: a copy of the cookie opens nothing afterwards.
    async signOut(message) {
      const token = "token" in message ? message.token : null;
      if (typeof token?.staffId === "string" && typeof token.sessionId === "string") {
        await revokeStaffSession({ staffId: token.staffId, sessionId: token.sessionId });
      }
    },
  },
}));
