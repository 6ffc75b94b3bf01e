import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { insertEventUnderWay, sql } from "./database";
import {
  DEMO,
  fillRegistration,
  russian,
  submitAndReachManagePage,
  uniqueEmail,
} from "./registration-helpers";

for (const [name, path] of [
  ["home", "/"],
  ["event", DEMO],
  ["event in Kyrgyz", `/ky${DEMO}`],
  ["registration form", `${DEMO}/register`],
  ["not found", "/en/no-such-page"],
] as const) {
  test(`the ${name} page has no serious accessibility violation`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}

test("the form with errors and the manage pages have no serious accessibility violation", async ({
  page,
}) => {
  // Three pages analysed by axe, a form filled and sent.
  test.setTimeout(90_000);
  await page.goto(`${DEMO}/register`);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expectNoSeriousViolations(page);

  const email = uniqueEmail("axe");
  await fillRegistration(page, russian, { lastName: "Сыдыкова", firstName: "Айпери", email });
  await submitAndReachManagePage(page, "Зарегистрироваться", email);
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Отменить регистрацию" }).click();
  await expectNoSeriousViolations(page);
});

test("the pre-test, with its errors, has no serious accessibility violation", async ({ page }) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("axe-test");
  await page.goto(`${DEMO}/register`);
  await fillRegistration(page, russian, { lastName: "Сыдыкова", firstName: "Айпери", email });
  await submitAndReachManagePage(page, "Зарегистрироваться", email);
  await page.getByRole("link", { name: "Входной тест — Ответить" }).click();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Отправить ответы" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("the confirmation after registering and a form with a full sector have no serious accessibility violation", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const email = uniqueEmail("axe-received");
  await page.goto(`${DEMO}/register`);
  await fillRegistration(page, russian, { lastName: "Асанова", firstName: "Жылдыз", email });
  await page.getByRole("button", { name: russian.submit }).click();
  await expect(page.getByRole("status")).toContainText(email);
  await expectNoSeriousViolations(page);

  const event = await insertEventUnderWay({
    title: "Семинар для проверки доступности",
    slugPrefix: "axe-full",
  });
  await sql("INSERT INTO category_quota (event_id, category, seats) VALUES ($1, 'OTHER', 0)", [event.id]);
  await page.goto(`/ky/events/${event.slug}/register`);
  await expect(page.getByText("Орун жок — күтүү тизмеси")).toBeVisible();
  await expectNoSeriousViolations(page);
});
