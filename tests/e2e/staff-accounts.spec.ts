import { expect, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { ADMIN, createStaff, signIn } from "./staff-helpers";

test("an admin creates an account, demotes it and disables it; the last admin cannot demote themselves", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.getByRole("link", { name: "Сотрудники" }).click();
  const email = `new-${Date.now()}@kattoo.test`;
  await page.getByLabel("Имя").fill("Айгүл Осмонова");
  await page.getByLabel("Эл. почта").fill(email);
  await page.getByRole("button", { name: "Создать" }).click();
  const password = (await page.getByTestId("new-password").textContent()) ?? "";
  expect(password).toHaveLength(20);

  // The generated password has been on the admin's screen: its owner must replace it first.
  const other = await browser.newPage();
  await signIn(other, { email, password });
  await expect(other).toHaveURL("/admin/account?password=required");
  await expect(
    other.getByRole("alert").filter({ hasText: "Этот пароль вам выдал другой человек" }),
  ).toBeVisible();
  await other.goto("/admin/mailbox");
  await expect(other).toHaveURL("/admin/account?password=required");
  const own = "my-own-password-at-last";
  await other.getByLabel("Текущий пароль").fill(password);
  await other.getByLabel("Новый пароль", { exact: true }).fill(own);
  await other.getByLabel("Новый пароль ещё раз").fill(own);
  await other.getByRole("button", { name: "Сменить пароль" }).click();
  await expect(other).toHaveURL("/admin/sign-in");
  await signIn(other, { email, password: own });
  await expect(other).toHaveURL("/admin");

  const card = page.getByTestId("staff-account").filter({ hasText: email });
  await page.reload();
  await card.locator("select[name=role]").selectOption("CHECK_IN");
  await card.getByRole("button", { name: "Сменить роль" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Сохранено" })).toBeVisible();
  await other.goto("/admin/mailbox");
  await expect(other).toHaveURL("/admin/denied");

  await card.getByRole("button", { name: "Отключить" }).click();
  await expect(card).toContainText("Отключена с");
  await other.goto("/admin/account");
  await expect(other).toHaveURL("/admin/sign-in");

  const me = page.getByTestId("staff-account").filter({ hasText: ADMIN.email });
  await me.locator("select[name=role]").selectOption("ORGANIZER");
  await me.getByRole("button", { name: "Сменить роль" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "последний активный администратор" })).toBeVisible();
  await expect(me).toContainText("Администратор");
});

test("a staff member turns on two-step sign-in; then a code or a recovery code is needed, each only once", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const account = createStaff("organizer");
  await signIn(page, account);
  await expect(page).toHaveURL("/admin");
  await page.goto("/admin/account");
  // Not without the account's password, so that a session left open is not enough.
  await page.getByLabel("Пароль этой учётной записи").fill("not-my-password-at-all");
  await page.getByRole("button", { name: "Настроить" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Текущий пароль неверен." })).toBeVisible();
  await expect(page.getByTestId("totp-secret")).toHaveCount(0);
  await page.getByLabel("Пароль этой учётной записи").fill(account.password);
  await page.getByRole("button", { name: "Настроить" }).click();
  const secret = Secret.fromBase32((await page.getByTestId("totp-secret").textContent()) ?? "");
  const totp = new TOTP({ secret });
  await page.getByLabel("Шестизначный код").fill("000000" === totp.generate() ? "111111" : "000000");
  await page.getByRole("button", { name: "Включить" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Код неверен" })).toBeVisible();
  await page.getByLabel("Шестизначный код").fill(totp.generate());
  await page.getByRole("button", { name: "Включить" }).click();
  await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
  const codes = (await page.getByTestId("recovery-codes").locator("li").allTextContents()).map((code) =>
    code.trim(),
  );

  await page.context().clearCookies();
  await signIn(page, account);
  const code = page.getByLabel("Код из приложения-аутентификатора");
  await expect(code).toBeVisible();
  await code.fill(codes[0] ?? "");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL("/admin");

  // The same recovery code does not open the account twice.
  await page.context().clearCookies();
  await signIn(page, account);
  await page.getByLabel("Код из приложения-аутентификатора").fill(codes[0] ?? "");
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Неверный адрес или пароль" })).toBeVisible();

  // The next time step's code (the one used to turn it on cannot be replayed).
  await page
    .getByLabel("Код из приложения-аутентификатора")
    .fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL("/admin");
});
