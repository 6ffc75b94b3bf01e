import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { sql } from "./database";
import { createStaff, openDemoRegistrations, signIn } from "./staff-helpers";

// Exports, statistics and their guards, in the browser against the built app.

async function openDemoEvent(page: Page) {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "События" })).toBeVisible();
  await openDemoRegistrations(page);
}

// Signing in hashes a password with Argon2: slow on a busy machine.
test.describe.configure({ timeout: 90_000 });

test("the export refuses the anonymous (401) and a check-in account (403; 404 for an event that does not exist)", async ({
  page,
  request,
}) => {
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  const url = `/admin/events/${demo?.id}/export/file?format=csv`;
  expect((await request.get(url, { maxRedirects: 0 })).status()).toBe(401);
  expect((await request.get(`/admin/events/${randomUUID()}/statistics/file`)).status()).toBe(401);
  await signIn(page, createStaff("check-in"));
  await expect(page).toHaveURL("/admin", { timeout: 30_000 });
  expect((await page.request.get(url, { maxRedirects: 0 })).status()).toBe(403);
  const nowhere = `/admin/events/${randomUUID()}/export/file?format=csv`;
  expect((await page.request.get(nowhere, { maxRedirects: 0 })).status()).toBe(404);
});

test("an organizer exports the filtered list as CSV from the export page", async ({ page }) => {
  await signIn(page, createStaff("organizer"));
  await expect(page.getByRole("heading", { name: "События" })).toBeVisible();
  await openDemoRegistrations(page);
  await page.goto(`${new URL(page.url()).pathname}?status=CONFIRMED`);
  await page.getByRole("link", { name: "Экспорт" }).click();
  await expect(page.getByText("Статус: Подтверждена")).toBeVisible();
  await page.getByLabel("CSV (текст)").check();
  await page.getByLabel(/Точка с запятой/).check();
  // The demo event's own questions are columns too, chosen by default.
  await expect(page.getByRole("checkbox", { name: "Рабочая группа" })).toBeChecked();
  await page.getByRole("checkbox", { name: "Нужен ли вам перевод?" }).uncheck();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Скачать" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^migration-strategy-seminar-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync(await file.path(), "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const header = text.split("\r\n")[0];
  expect(header).toContain("№;Фамилия;Имя");
  expect(header).toContain(";Рабочая группа");
  expect(header).not.toContain("Нужен ли вам перевод?");
  await expect(page.getByRole("status").filter({ hasText: "Готово" })).toBeVisible();
});

test("every statistics table fits its panel at 1280 px, with its days as dates, in Russian and Kyrgyz", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await openDemoEvent(page);
  await page.getByRole("link", { name: "Статистика" }).click();
  // A language chosen while the page is still on its way would be drawn over by the page in Russian.
  await expect(page.getByRole("heading", { name: "Статистика", level: 1 })).toBeVisible();
  for (const language of ["Кыргызча", "Русский"]) {
    await page.getByRole("button", { name: language }).click();
    await expect(page.getByRole("button", { name: language })).toHaveAttribute("aria-pressed", "true");
    const tables = page.locator("table[data-testid]");
    expect(await tables.count()).toBeGreaterThan(5);
    // A column cut off by its panel ("Присутствовали" at 1280 px) shows as a table wider than its scroller.
    const cut = await tables.evaluateAll((all) =>
      all
        .filter((table) => (table.parentElement?.scrollWidth ?? 0) > (table.parentElement?.clientWidth ?? 0))
        .map((table) => table.dataset.testid),
    );
    expect(cut).toEqual([]);
    const days = await page.getByTestId("attendance-by-category").locator("tbody th").allTextContents();
    expect(days.length).toBeGreaterThan(0);
    for (const day of days) expect(day).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
});

test("the statistics page has no serious accessibility violation and offers its .xlsx", async ({ page }) => {
  await openDemoEvent(page);
  await page.getByRole("link", { name: "Статистика" }).click();
  await expect(page.getByRole("heading", { name: "Статистика", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "По секторам" })).toBeVisible();
  // The demo's days are ahead: nobody can have missed them yet.
  await expect(page.getByText("Неявка будет посчитана, когда начнётся первый день семинара.")).toBeVisible();
  await expectNoSeriousViolations(page);
  const response = await page.request.get(
    (await page.getByRole("link", { name: "Скачать в Excel (.xlsx)" }).getAttribute("href")) ?? "",
  );
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/statistics-\d{4}-\d{2}-\d{2}\.xlsx/);
});
