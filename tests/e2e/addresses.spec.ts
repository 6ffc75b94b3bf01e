import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { signIn } from "./staff-helpers";

// Addresses no link of ours makes (a NUL byte, a slug or a token of the
// wrong shape) name nothing: the reader gets the not-found page in their
// language, never a server error. PostgreSQL refuses NUL in text with an
// exception, which used to surface as a 500.

const PAGES = [
  { path: "/events/%00", heading: "Страница не найдена" },
  { path: "/en/events/a%00b", heading: "Page not found" },
  { path: "/ky/events/a%00b/register", heading: "Барак табылган жок" },
  { path: "/en/events/Not_A_Slug", heading: "Page not found" },
  { path: "/en/verify/%00", heading: "Certificate not found" },
  // A management link cut short or mistyped keeps its own advice.
  { path: "/en/r/%00", heading: "This link does not work" },
  { path: "/en/r/a%00b/cancel", heading: "This link does not work" },
];

for (const { path, heading } of PAGES) {
  test(`${path} is a localized 404`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  });
}

test("the public API answers a NUL in a slug with 404 and in a query with 400", async ({ request }) => {
  for (const path of ["/api/events/%00", "/api/events/a%00b/calendar.ics"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.json()).toEqual({ error: "not_found" });
  }
  const query = await request.get("/api/events/migration-strategy-seminar/calendar.ics?lang=%00");
  expect(query.status()).toBe(400);
  expect(await query.json()).toEqual({ error: "invalid" });
});

test("the staff area's filters drop a NUL instead of failing", async ({ page }) => {
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  const audit = await page.goto("/admin/audit?action=%00");
  expect(audit?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  const list = await page.goto(`/admin/events/${demo?.id}?q=%00&sort=name&after=${cursorWithNul()}`);
  expect(list?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Регистрации" })).toBeVisible();
});

function cursorWithNul() {
  return Buffer.from(JSON.stringify({ lastName: "\0", firstName: "a", number: 1 })).toString("base64url");
}
