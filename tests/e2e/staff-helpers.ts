import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { sql } from "./database";

// Signing in to the staff area of the server under test, and accounts made
// for a test on its database.

export const ADMIN = { email: "admin@kattoo.test", password: "e2e-admin-password-long" };

export async function signIn(page: Page, { email = ADMIN.email, password = ADMIN.password } = {}) {
  await page.goto("/admin");
  await expect(page).toHaveURL("/admin/sign-in");
  await page.getByLabel("Электронная почта").fill(email);
  await page.getByLabel("Пароль").fill(password);
  await page.getByRole("button", { name: "Войти" }).click();
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
