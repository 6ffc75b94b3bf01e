import { expect, test } from "@playwright/test";

const DEMO = "/events/migration-strategy-seminar";

test("the home page announces the demo seminar in Russian @phone", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Семинары и тренинги");
  await page
    .getByRole("link", { name: /трудовой миграции/ })
    .first()
    .click();
  await expect(page).toHaveURL(DEMO);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Разработка стратегических документов");
});

test("the seminar page shows its days, venue and seats per sector @phone", async ({ page }) => {
  await page.goto(DEMO);
  await expect(page.getByRole("note")).toContainText("демонстрационное");
  await expect(page.getByRole("region", { name: "Дни семинара" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByRole("region", { name: "Дни семинара" })).toContainText("09:00–18:00");
  await expect(page.getByTestId("seats-total")).toHaveText(/^Осталось мест: \d+ из 40$/);
  await expect(page.getByText("Местное самоуправление", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: /Тянь-Шаньский аналитический центр/ })).toBeVisible();
});

test("the language switcher keeps the page and changes the language", async ({ page }) => {
  await page.goto(DEMO);
  await page.getByRole("link", { name: "Кыргызча" }).click();
  await expect(page).toHaveURL(`/ky${DEMO}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ky");
  await expect(page.getByRole("heading", { name: "Семинардын күндөрү" })).toBeVisible();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(`/en${DEMO}`);
  await expect(page.getByRole("heading", { name: "Seminar days" })).toBeVisible();
  await page.getByRole("link", { name: "Русский" }).click();
  await expect(page).toHaveURL(DEMO);
});

test("an unknown page answers 404 in the reader's language", async ({ page }) => {
  const response = await page.goto("/en/events/no-such-seminar");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});

test("the health check reports the database, the outbox worker and the outbox", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body).toMatchObject({
    status: "ok",
    db: "ok",
    worker: { state: expect.stringMatching(/^(ok|starting)$/) },
  });
  expect(body.outbox).toHaveProperty("oldestWaitingLetterAgeSeconds");
});

test("every response carries a request id, a proxy's plain one kept", async ({ request }) => {
  const made = await request.get("/");
  expect(made.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const kept = await request.get("/api/health", { headers: { "X-Request-Id": "nginx-0123456789abcdef" } });
  expect(kept.headers()["x-request-id"]).toBe("nginx-0123456789abcdef");
});
