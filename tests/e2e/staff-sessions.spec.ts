import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { baseURL } from "../../playwright.config";
import { sql } from "./database";
import { createStaff } from "./staff-helpers";

// Sessions end after two hours without a request and twelve hours after
// signing in. Waiting that long is not a test: these tokens are made with the
// server's own secret, as Auth.js would have made them then.

const COOKIE = "authjs.session-token";

async function staffId(email: string): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id FROM staff_user WHERE email = $1", [email]);
  return row?.id ?? "";
}

async function sessionCookie({
  id,
  signedInAgo,
  maxAge,
}: {
  id: string;
  signedInAgo: number;
  maxAge: number;
}) {
  const now = Math.floor(Date.now() / 1000);
  const value = await encode({
    token: { sub: id, staffId: id, sessionVersion: 0, authTime: now - signedInAgo },
    secret: readFileSync(".data/e2e/app-secret", "utf8").trim(),
    salt: COOKIE,
    maxAge,
  });
  return { name: COOKIE, value, url: baseURL };
}

test("a session signed in more than twelve hours ago, or idle for two hours, no longer opens the staff area", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const account = createStaff("organizer");
  const id = await staffId(account.email);
  const hour = 3600;

  // The control: a fresh token opens the area, so the refusals below mean something.
  await page.context().addCookies([await sessionCookie({ id, signedInAgo: 60, maxAge: 2 * hour })]);
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL("/admin/mailbox");

  await page.context().clearCookies();
  await page
    .context()
    .addCookies([await sessionCookie({ id, signedInAgo: 12 * hour + 60, maxAge: 2 * hour })]);
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL("/admin/sign-in");

  await page.context().clearCookies();
  await page.context().addCookies([await sessionCookie({ id, signedInAgo: 3 * hour, maxAge: -60 })]);
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL("/admin/sign-in");
});
