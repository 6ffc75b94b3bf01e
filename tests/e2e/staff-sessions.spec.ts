import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { createStaff, signIn } from "./staff-helpers";

// A session ends when its browser signs out, or when it is ended from the
// account page: the server keeps each session's row and checks it on every
// request, so a copy of the cookie, or a response still in flight that sets
// it again, opens nothing afterwards. (Idle and absolute limits:
// tests/integration/staff-sessions.test.ts.)

test("a session cookie copied before signing out no longer opens the staff area", async ({ page }) => {
  test.setTimeout(60_000);
  const account = createStaff("organizer");
  await signIn(page, account);
  await expect(page).toHaveURL("/admin");
  const copied = await page.context().cookies();

  await page.getByRole("button", { name: "Выйти", exact: true }).click();
  await expect(page).toHaveURL("/admin/sign-in");
  // As if a prefetch answered after the sign-out, setting the old cookie again.
  await page.context().addCookies(copied);
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL("/admin/sign-in");
  const [row] = await sql<{ ended: number }>(
    `SELECT count(*)::int AS ended FROM staff_session s JOIN staff_user u ON u.id = s.staff_id
     WHERE u.email = $1 AND s.revoked_at IS NOT NULL`,
    [account.email],
  );
  expect(row?.ended).toBe(1);
});

test("the account page lists its sessions, this one marked, and ends another one", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const account = createStaff("organizer");
  const phone = await browser.newPage();
  await signIn(phone, account);
  await expect(phone).toHaveURL("/admin");
  await signIn(page, account);
  await expect(page).toHaveURL("/admin");

  await page.goto("/admin/account");
  const sessions = page.getByTestId("staff-session");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "это устройство" })).toHaveCount(1);
  await sessions
    .filter({ hasNotText: "это устройство" })
    .getByRole("button", { name: "Завершить этот сеанс" })
    .click();
  await expect(sessions).toHaveCount(1);

  await phone.goto("/admin/mailbox");
  await expect(phone).toHaveURL("/admin/sign-in");
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL("/admin/mailbox");
});
