import { expect, test } from "@playwright/test";
import { sql } from "./database";
import {
  DEMO,
  fillRegistration,
  kyrgyz,
  manageLinkFromLetter,
  russian,
  submitAndReachManagePage,
  uniqueEmail,
} from "./registration-helpers";

test("a participant registers in Russian, edits the registration and cancels it", async ({ page }) => {
  await page.goto(DEMO);
  await page.getByRole("link", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Регистрация");

  const email = uniqueEmail("nurzat");
  await fillRegistration(page, russian, { lastName: "Абдылдаева", firstName: "Нурзат", email });
  await submitAndReachManagePage(page, "Зарегистрироваться", email);
  await expect(page.getByTestId("registration-status")).toHaveText("Подтверждена: место за вами.");
  await expect(page.getByTestId("check-in-code")).toHaveText(/^[2-9A-HJ-NP-Z]{7}$/);

  await page.getByLabel("Должность", { exact: true }).fill("Заместитель главы");
  await page.getByRole("button", { name: "Сохранить изменения" }).click();
  await expect(page.getByText("Изменения сохранены.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Должность", { exact: true })).toHaveValue("Заместитель главы");

  await page.getByRole("link", { name: "Отменить регистрацию" }).click();
  await expect(page.getByRole("heading", { name: "Отменить регистрацию?" })).toBeVisible();
  await page.getByRole("button", { name: "Да, отменить" }).click();
  await expect(page.getByText("Регистрация отменена. Мы отправили подтверждение на почту.")).toBeVisible();
  await expect(page.getByTestId("registration-status")).toHaveText("Отменена.");
  await expect(page.getByRole("button", { name: "Сохранить изменения" })).toHaveCount(0);
});

test("a participant registers in Kyrgyz and reads the result in Kyrgyz @phone", async ({ page }) => {
  const email = uniqueEmail("gulnara");
  await page.goto(`/ky${DEMO}/register`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ky");
  await fillRegistration(page, kyrgyz, { lastName: "Осмонова", firstName: "Гүлнара", email });
  await page.getByRole("button", { name: "Катталуу" }).click();
  await expect(page.getByRole("status")).toContainText("Почтаңызды текшериңиз");
  await page.goto(await manageLinkFromLetter(email));
  await expect(page).toHaveURL(/^[^?]*\/ky\/r\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Сиздин каттооңуз");
  // Confirmed, or on the waiting list once other tests have filled the demo's
  // sector: either way the result is said in Kyrgyz.
  await expect(page.getByTestId("registration-status")).toHaveText(/^(Тастыкталды|Күтүү тизмеси)/);
});

test("a second registration with the same email gets the same answer as the first", async ({ page }) => {
  const email = uniqueEmail("twice");
  const answers: string[] = [];
  for (const attempt of [1, 2]) {
    await page.goto(`${DEMO}/register`);
    await fillRegistration(page, russian, { lastName: "Токтосунов", firstName: `Бакыт ${attempt}`, email });
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(page.getByRole("status")).toContainText("Проверьте почту");
    answers.push((await page.getByRole("status").textContent()) ?? "");
    await expect(page).toHaveURL(`${DEMO}/register`);
  }
  expect(answers[1]).toBe(answers[0]);
  expect(answers[0]).toContain(`Мы отправили письмо на ${email}`);
  // Only the mailbox learns that the address was registered: it gets its link again.
  await expect
    .poll(async () => (await sql("SELECT 1 FROM mailbox_message WHERE to_address = $1", [email])).length)
    .toBe(2);
});

test("errors are shown next to their fields before anything is sent", async ({ page }) => {
  await page.goto(`${DEMO}/register`);
  await page.getByLabel("Электронная почта", { exact: true }).fill("not-an-address");
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Проверьте выделенные поля" })).toBeVisible();
  const lastName = page.getByLabel("Фамилия", { exact: true });
  await expect(lastName).toHaveAttribute("aria-invalid", "true");
  await expect(lastName).toHaveAccessibleDescription("Заполните это поле.");
  await expect(page.getByLabel("Электронная почта", { exact: true })).toHaveAccessibleDescription(
    /Введите адрес электронной почты/,
  );
  await expect(page.getByText("Без согласия на обработку данных регистрация невозможна.")).toBeVisible();
  await expect(page).toHaveURL(`${DEMO}/register`);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still validates on the server and registers", async ({ page }) => {
    await page.goto(`${DEMO}/register`);
    await page.getByRole("button", { name: "Зарегистрироваться" }).click();
    await expect(page.getByLabel("Фамилия", { exact: true })).toHaveAccessibleDescription(
      "Заполните это поле.",
    );

    const email = uniqueEmail("nojs");
    await fillRegistration(page, russian, { lastName: "Жээнбеков", firstName: "Азамат", email });
    await page.getByLabel("Отчество").fill("Садырович");
    await submitAndReachManagePage(page, "Зарегистрироваться", email);
    // Other files fill the demo's sectors: a seat or the waiting list, said in Russian either way.
    await expect(page.getByTestId("registration-status")).toHaveText(
      /^(Подтверждена: место за вами\.|Лист ожидания: )/,
    );
    await expect(page.getByLabel("Отчество")).toHaveValue("Садырович");
  });
});
