import { expect, type Page, test } from "@playwright/test";
import { sql } from "./database";
import { DEMO } from "./registration-helpers";
import { signIn } from "./staff-helpers";

// A page whose HTML differs from what React renders in the browser (a
// mismatch, React's error #418) is thrown away and drawn again: whatever the
// person did meanwhile — a section opened, a field typed in — is lost. The
// speaker's country list did so on the programme page, its names made by the
// browser's own Intl rather than the server's.

const STAFF_LOCALE = "kattoo-staff-locale";

async function errorsOn(page: Page, path: string): Promise<string[]> {
  const errors: string[] = [];
  const listen = (error: Error) => errors.push(`${path}: ${error.message}`);
  page.on("pageerror", listen);
  await page.goto(path);
  // Hydration goes on after the load event, in slices; it is over once the page's thread is idle.
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  page.off("pageerror", listen);
  return errors;
}

test("every staff and public page hydrates as the server drew it, in Russian and Kyrgyz", async ({
  page,
  context,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  const event = `/admin/events/${demo?.id}`;
  const staffPages = [
    "/admin",
    event,
    ...["programme", "statistics", "letters", "attendance", "paper", "settings", "questions", "outcomes"].map(
      (tab) => `${event}/${tab}`,
    ),
    ...["images", "logistics", "team", "export", "check-in", "rooming", "per-diem", "transport"].map(
      (tab) => `${event}/${tab}`,
    ),
    "/admin/audit",
    "/admin/staff",
    "/admin/account",
    "/admin/mailbox",
    "/admin/statistics",
    "/admin/instance",
    "/admin/organizations",
    "/admin/events/new",
  ];
  const publicPages = ["", DEMO, `${DEMO}/register`];

  await signIn(page);
  await expect(page).toHaveURL("/admin");
  const errors: string[] = [];
  for (const locale of ["ru", "ky"] as const) {
    await context.addCookies([{ name: STAFF_LOCALE, value: locale, url: baseURL ?? "" }]);
    for (const path of staffPages) errors.push(...(await errorsOn(page, path)));
    const prefix = locale === "ru" ? "" : "/ky";
    for (const path of publicPages) errors.push(...(await errorsOn(page, `${prefix}${path}` || "/")));
  }
  expect(errors).toEqual([]);
});
