import type { NextAuthConfig } from "next-auth";
import { appSecret } from "@/lib/env";

// How a staff session is kept, shared by the sign-in (lib/auth.ts) and the
// proxy that extends a session on each request to the staff area (proxy.ts),
// which must not load the sign-in's database code.

/** A session ends after this long without a request… */
const IDLE_SECONDS = 2 * 60 * 60;
/** …and in any case this long after signing in. */
const ABSOLUTE_SECONDS = 12 * 60 * 60;

export function sessionConfig() {
  return {
    secret: appSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: IDLE_SECONDS },
    pages: { signIn: "/admin/sign-in", error: "/admin/sign-in" },
    providers: [],
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
        return {
          ...session,
          staffId: token.staffId as string,
          sessionVersion: token.sessionVersion as number,
        };
      },
    },
  } satisfies NextAuthConfig;
}
