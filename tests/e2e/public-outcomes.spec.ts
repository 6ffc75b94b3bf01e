import { expect, type Locator, type Page, test } from "@playwright/test";
import { insertEventUnderWay, sql } from "./database";
import { DEMO, fillRegistration, manageLinkFromLetter, russian, uniqueEmail } from "./registration-helpers";

// What a participant on a phone sees after each thing they send (issue 21,
// finding 1): the answer where they are, focused, with or without JavaScript.

const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE });

/** Focused, and wholly on the screen: not 2,000 px above it. */
async function expectFocusedInView(target: Locator) {
  await expect(target).toBeFocused();
  const box = await target.boundingBox();
  expect(box).not.toBeNull();
  if (!box) return;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
}

/** The focusable box around a form's message (the message itself is a status or alert inside it). */
function answerBox(page: Page, text: string | RegExp) {
  return page.locator("[tabindex='-1']").filter({ hasText: text });
}

async function registerAndOpenOwnPage(page: Page, lastName: string) {
  const email = uniqueEmail("outcome");
  await page.goto(`${DEMO}/register`);
  await fillRegistration(page, russian, { lastName, firstName: "Айгерим", email });
  await page.getByRole("button", { name: russian.submit }).click();
  await expectFocusedInView(answerBox(page, "Проверьте почту"));
  const path = await manageLinkFromLetter(email);
  await page.goto(path);
  return path;
}

test("an empty form sent on a phone focuses its first field, not the last one", async ({ page }) => {
  await page.goto(`${DEMO}/register`);
  await page.getByRole("button", { name: russian.submit }).click();
  await expectFocusedInView(page.getByLabel("Фамилия", { exact: true }));
  await expect(page.getByLabel("Фамилия", { exact: true })).toHaveAccessibleDescription(
    "Заполните это поле.",
  );
});

test("a form refused further down focuses that field, in view", async ({ page }) => {
  await page.goto(`${DEMO}/register`);
  await fillRegistration(page, russian, {
    lastName: "Бекова",
    firstName: "Айгерим",
    email: "not-an-address",
  });
  await page.getByRole("button", { name: russian.submit }).click();
  await expectFocusedInView(page.getByLabel("Электронная почта", { exact: true }));
});

test("a saved edit on a phone says so where the person is", async ({ page }) => {
  await registerAndOpenOwnPage(page, "Сатыбалдиева");
  await page.getByLabel("Должность", { exact: true }).fill("Заместитель главы");
  const save = page.getByRole("button", { name: "Сохранить изменения" });
  await save.scrollIntoViewIfNeeded();
  await save.click();
  await expectFocusedInView(answerBox(page, "Изменения сохранены."));
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an empty form opens at its error summary, focused", async ({ page }) => {
    await page.goto(`${DEMO}/register`);
    await page.getByRole("button", { name: russian.submit }).click();
    await expectFocusedInView(answerBox(page, "Проверьте выделенные поля"));
  });

  test("the confirmation, a saved edit and a cancellation open at their answer", async ({ page }) => {
    const path = await registerAndOpenOwnPage(page, "Жумабаева");
    await page.getByLabel("Должность", { exact: true }).fill("Башкы адис");
    await page.getByRole("button", { name: "Сохранить изменения" }).click();
    await expectFocusedInView(answerBox(page, "Изменения сохранены."));
    await page.goto(path);
    await expect(page.getByLabel("Должность", { exact: true })).toHaveValue("Башкы адис");

    await page.goto(`${path}/cancel`);
    await page.getByRole("button", { name: "Да, отменить" }).click();
    await expect(page.getByText("Регистрация отменена. Мы отправили подтверждение на почту.")).toBeVisible();
    await expect(page.getByTestId("registration-status")).toHaveText("Отменена.");
  });
});

test("a full sector says at its option that it leads to the waiting list (finding 10)", async ({ page }) => {
  const event = await insertEventUnderWay({ title: "Семинар с полным сектором", slugPrefix: "full-sector" });
  await sql("INSERT INTO category_quota (event_id, category, seats) VALUES ($1, 'OTHER', 0)", [event.id]);
  await page.goto(`/events/${event.slug}/register`);
  await expect(page.getByRole("radio", { name: /Другие.*Мест нет — лист ожидания/ })).toBeEnabled();
  await expect(page.getByRole("radio", { name: /Местное самоуправление/ })).not.toHaveAccessibleName(
    /Мест нет/,
  );
  await expect(page.getByText("Мест нет — лист ожидания")).toHaveCount(1);
});

test("the confirmation and the participant's page say when and where, with the QR code (finding 12)", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("qr");
  await page.goto(`${DEMO}/register`);
  await fillRegistration(page, russian, { lastName: "Токтогулова", firstName: "Бермет", email });
  await page.getByRole("button", { name: russian.submit }).click();
  await expect(page.getByRole("status")).toContainText(email);
  for (const where of ["after registering", "on the participant's page"]) {
    const practical = page.getByRole("region", { name: "Дни семинара" });
    // The demo's two days, each with its weekday, date and hours (its dates move with today).
    await expect(practical.getByRole("listitem"), where).toHaveText([
      /^[а-я]+, \d{1,2} [а-я]+ \d{4} г\., 09:00–18:00$/,
      /^[а-я]+, \d{1,2} [а-я]+ \d{4} г\., 09:00–16:30$/,
    ]);
    await expect(practical, where).toContainText("Иссык-Кульская область");
    await expect(practical.getByRole("link", { name: /Открыть на карте/ }), where).toHaveAttribute(
      "href",
      /^https:\/\/www\.openstreetmap\.org\//,
    );
    const calendar = practical.getByRole("link", { name: "Добавить в календарь (.ics)" });
    const file = await request.get((await calendar.getAttribute("href")) ?? "");
    expect(file.headers()["content-type"]).toContain("text/calendar");
    expect(await file.text()).toContain("BEGIN:VEVENT");
    if (where === "after registering") await page.goto(await manageLinkFromLetter(email));
  }
  const code = (await page.getByTestId("check-in-code").textContent()) ?? "";
  expect(code).toMatch(/^[2-9A-HJ-NP-Z]{7}$/);
  const qr = page.getByRole("img", { name: code });
  await expect(qr).toBeVisible();
  const box = await qr.boundingBox();
  // Big enough for the door's camera to read off a phone's screen.
  expect(box?.width).toBeGreaterThanOrEqual(150);
  await expect(page.getByText("Покажите этот QR-код или назовите код у входа в первый день.")).toBeVisible();
});
