import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { type Cookie, expect, type Page } from "@playwright/test";
import { sql } from "./database";

// Signing in to the staff area of the server under test, and accounts made
// for a test on its database.

export const ADMIN = { email: "admin@kattoo.test", password: "e2e-admin-password-long" };

/**
 * The admin's session, once per Playwright worker: most tests only need to
 * be signed in, and the form costs each a page, a password hash and a
 * redirect more (about 1.4 s against 0.7 s).
 */
let adminSession: Cookie[] | undefined;

/**
 * Signs in: through the form with `account`, or as the admin — with the
 * worker's admin session while it still opens the staff area (a test may
 * have ended it), through the form otherwise.
 */
export async function signIn(page: Page, account?: { email: string; password: string }) {
  if (!account && adminSession) {
    await page.context().addCookies(adminSession);
    await page.goto("/admin");
    if (new URL(page.url()).pathname === "/admin") return;
  }
  const { email, password } = account ?? ADMIN;
  await page.goto("/admin");
  await expect(page).toHaveURL("/admin/sign-in");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
  if (account) return;
  await expect(page).toHaveURL("/admin");
  adminSession = (await page.context().cookies()).filter((cookie) => cookie.name.endsWith("session-token"));
}

/** A staff account made with `npm run staff:create`, on the database of the server under test. */
export function createStaff(role: "organizer" | "check-in") {
  return staffAccount(["--role", role], role);
}

/** An account made with `npm run staff:create` and these arguments: on one event's team (`--event`), or on none. */
export function staffAccount(args: string[], prefix = "team") {
  const account = {
    email: `${prefix}-${randomUUID().slice(0, 8)}@kattoo.test`,
    password: `pw-${randomUUID()}`,
  };
  execFileSync("npm", ["run", "--silent", "staff:create", "--", "--email", account.email, ...args], {
    input: account.password,
    env: { ...process.env, KATTOO_DATA_DIR: ".data/e2e" },
  });
  return account;
}

/** The demo seminar's registrations, whatever events other tests have added to the list. */
export async function openDemoRegistrations(page: Page) {
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  await page.goto(`/admin/events/${demo?.id}`);
  await expect(page.getByRole("heading", { name: "Регистрации" })).toBeVisible();
}
