import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { PEER_HEADER } from "@/lib/http/client-address";
import { createStaffAccount } from "@/lib/staff/mutations";

// Signing in and out through Auth.js's own route handler, as a browser or a
// script would post to it, without a server.

const ORIGIN = "http://127.0.0.1:3000";

/** An organizer's account of the test's own, with its password. */
export async function newAccount(prefix: string) {
  const email = `${prefix}-${randomUUID()}@kattoo.test`;
  const password = `right-${randomUUID()}`;
  const result = await createStaffAccount({
    email,
    name: "Test",
    role: "ORGANIZER",
    password,
    actor: { type: "SYSTEM" },
  });
  if (!result.ok) throw new Error(result.reason);
  return { id: result.id, email, password };
}

async function csrf() {
  const response = await handlers.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  return { csrfToken, cookie };
}

async function post(
  action: string,
  { cookie, address, body }: { cookie: string; address: string; body: Record<string, string> },
) {
  const token = await csrf();
  return handlers.POST(
    new NextRequest(`${ORIGIN}/api/auth/${action}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [token.cookie, cookie].filter(Boolean).join("; "),
        // What the web server (lib/cli/serve.ts) writes: the connection's address.
        [PEER_HEADER]: address,
        "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36",
      },
      body: new URLSearchParams({ ...body, csrfToken: token.csrfToken, callbackUrl: "/admin" }),
    }),
  );
}

/** One sign-in attempt; the session cookie ("name=value") it set, if it signed in. */
export async function postSignIn({
  email,
  password,
  code = "",
  address = "203.0.113.7",
  cookie = "",
}: {
  email: string;
  password: string;
  code?: string;
  address?: string;
  cookie?: string;
}): Promise<string | null> {
  const response = await post("callback/credentials", { cookie, address, body: { email, password, code } });
  const session = response.headers.getSetCookie().find((line) => line.startsWith("authjs.session-token="));
  return session ? (session.split(";")[0] ?? null) : null;
}

/** Signs the session in `cookie` out, as the staff area's button does. */
export async function postSignOut(cookie: string) {
  await post("signout", { cookie, address: "203.0.113.7", body: {} });
}
