import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { demoAnswers } from "./registration-helpers";
import { openDemoRegistrations, signIn } from "./staff-helpers";

test("an organizer notes, edits and writes to one participant; the letters and the audit log show it", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const firstName = `Гүлзат-${randomUUID().slice(0, 6)}`;
  const email = `one-${randomUUID().slice(0, 8)}@example.kg`;
  const response = await request.post("/api/events/migration-strategy-seminar/registrations", {
    data: {
      lastName: "Токтогулова",
      firstName,
      organization: "Министерство труда",
      position: "Специалист",
      category: "GOVERNMENT",
      region: "TALAS",
      email,
      phone: "+996 312 000 001",
      gender: "FEMALE",
      consent: true,
      answers: await demoAnswers(request),
    },
    headers: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 200)}` },
  });
  expect(response.status()).toBe(202);

  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await openDemoRegistrations(page);
  await page.getByLabel("Поиск").fill(firstName);
  await expect(page.getByTestId("found")).toHaveText("Найдена 1 регистрация");
  await page.getByRole("link", { name: new RegExp(firstName) }).click();

  await page.getByLabel("Видна только организаторам").fill("Нужен пандус у входа");
  await page.getByRole("button", { name: "Сохранить заметку" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Заметка сохранена." })).toBeVisible();
  await expect(page.getByLabel("Видна только организаторам")).toHaveValue("Нужен пандус у входа");

  await page.getByLabel("Организация", { exact: true }).fill("Министерство труда и социального развития");
  await page.getByRole("button", { name: "Сохранить изменения" }).click();
  await expect(page.getByText("Изменения сохранены.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("definition").filter({ hasText: "социального развития" })).toBeVisible();

  await page.getByRole("button", { name: "Отправить ссылку на страницу участника" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Письмо поставлено в очередь." })).toBeVisible();
  await expect(page.getByRole("region", { name: "История" })).toContainText("Письмо отправлено повторно");

  await openDemoRegistrations(page);
  await page.getByRole("link", { name: "Письма" }).click();
  await expect(
    // The letter by its kind in words, not its template key ("manage-link").
    page.getByTestId("letter").filter({ hasText: email }).filter({ hasText: "Ссылка на регистрацию" }),
  ).toBeVisible();

  await page.goto("/admin/audit?action=registration.note_changed");
  const entry = page.getByTestId("audit-entry").first();
  await expect(entry).toContainText("admin@kattoo.test");
  await expect(entry).toContainText("Заметка организаторов изменена");
  await expect(entry).not.toContainText("registration.");
  await expect(entry.getByRole("link", { name: new RegExp(`Токтогулова ${firstName}`) })).toBeVisible();
});
