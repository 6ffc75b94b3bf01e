import { expect, type Page, test } from "@playwright/test";
import { sql } from "./database";
import { DEMO } from "./registration-helpers";
import { signIn } from "./staff-helpers";

// The security headers of a public, a staff and the door page
// (docs/decisions/014-content-security-policy.md), and the pages' own
// scripts still running with the policy in force.

/** A page's or an API request's answer: both have their headers. */
type Answer = { headers(): Record<string, string> } | null;

/** The directives of a Content-Security-Policy, by name. */
function directives(response: Answer): Map<string, string[]> {
  const policy = response?.headers()["content-security-policy"] ?? "";
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = "", ...values]) => [name, values]),
  );
}

/** Every message the browser logs about a refused script, style or frame. */
function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

function expectNoncePolicy(response: Answer) {
  const policy = directives(response);
  const scripts = policy.get("script-src") ?? [];
  expect(scripts.some((value) => /^'nonce-[A-Za-z0-9+/=]{16,}'$/.test(value))).toBe(true);
  expect(scripts).toContain("'strict-dynamic'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
}

test("the registration form has a nonce policy, no camera, and validates in the browser", async ({
  page,
}) => {
  const refused = violations(page);
  const response = await page.goto(`${DEMO}/register`);
  expectNoncePolicy(response);
  const headers = response?.headers() ?? {};
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["permissions-policy"]).toContain("microphone=()");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Served over plain HTTP here: no HSTS, which only means something over HTTPS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Two answers to the same page carry different nonces.
  const again = await page.request.get(`${DEMO}/register`);
  expect(again.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]);

  // The form's own script checks it: nothing is posted, the errors show.
  const posts: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST") posts.push(request.url());
  });
  await page.getByLabel("Электронная почта", { exact: true }).fill("not-an-address");
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByLabel("Фамилия", { exact: true })).toHaveAccessibleDescription(
    "Заполните это поле.",
  );
  expect(posts).toEqual([]);
  expect(refused).toEqual([]);
});

test("a script or event handler injected into a page does not run", async ({ page }) => {
  const refused = violations(page);
  // As if a stored value had slipped into the markup unescaped.
  await page.route(`**${DEMO}/register`, async (route) => {
    const response = await route.fetch();
    const injected = '<script>window.injected = 1</script><img src="/none" onerror="window.injected = 2">';
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });
  await page.goto(`${DEMO}/register`);
  await expect.poll(() => refused.length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as { injected?: number }).injected)).toBeUndefined();
  // The page's own scripts still run: the form validates in the browser.
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByLabel("Фамилия", { exact: true })).toHaveAccessibleDescription(
    "Заполните это поле.",
  );
});

test("the cached event page has a policy of its own and still runs its scripts", async ({ page }) => {
  const refused = violations(page);
  const response = await page.goto(DEMO);
  const policy = directives(response);
  // Rendered once for every visitor, it cannot carry a per-request nonce.
  expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(response?.headers()["permissions-policy"]).toContain("camera=()");
  for (const language of ["ky", "en"]) {
    const other = await page.request.get(`/${language}${DEMO}`);
    expect(directives(other).get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
  }
  // A client-side navigation (React's router, not a page load) to the form.
  await page.getByRole("link", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Регистрация");
  expect(refused).toEqual([]);
});

test("a staff page has a nonce policy and no camera; the door page alone may use it", async ({ page }) => {
  const refused = violations(page);
  const signInPage = await page.goto("/admin/sign-in");
  expectNoncePolicy(signInPage);
  expect(signInPage?.headers()["permissions-policy"]).toContain("camera=()");
  await signIn(page);
  await expect(page).toHaveURL("/admin");

  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  const events = await page.goto(`/admin/events/${demo?.id}`);
  expectNoncePolicy(events);
  expect(events?.headers()["permissions-policy"]).toContain("camera=()");

  const door = await page.goto(`/admin/events/${demo?.id}/check-in`);
  expectNoncePolicy(door);
  const permissions = door?.headers()["permissions-policy"] ?? "";
  expect(permissions).toContain("camera=(self)");
  expect(permissions).toContain("microphone=()");
  // The door's script fetched the roster and shows when.
  await expect(page.getByText(/Список обновлён в/)).toBeVisible();

  const walkIn = await page.request.get(`/admin/events/${demo?.id}/check-in/walk-in`);
  expect(walkIn.headers()["permissions-policy"]).toContain("camera=()");

  // The charts are drawn in the browser, with the style attributes they set.
  const statistics = await page.goto(`/admin/events/${demo?.id}/statistics`);
  expectNoncePolicy(statistics);
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(refused).toEqual([]);
});
