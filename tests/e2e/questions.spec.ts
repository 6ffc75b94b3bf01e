import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  DEMO,
  fillRegistration,
  russian,
  submitAndReachManagePage,
  uniqueEmail,
} from "./registration-helpers";
import { openDemoRegistrations, signIn } from "./staff-helpers";

test("a participant answers the demo's own questions; the language is asked only after yes; staff see the answers", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const firstName = `Асель-${randomUUID().slice(0, 6)}`;
  const email = uniqueEmail("questions");
  await page.goto(`${DEMO}/register`);
  await fillRegistration(page, russian, { lastName: "Жумабаева", firstName, email });

  const group = page.getByRole("group", { name: "Рабочая группа" });
  await expect(group).toContainText("осталось 20 мест");
  await group.getByRole("radio", { name: /Группа А/ }).check();

  const language = page.getByLabel("На какой язык?");
  await expect(language).toHaveCount(0);
  const interpretation = page.getByRole("group", { name: "Нужен ли вам перевод?" });
  await interpretation.getByRole("radio", { name: "Да", exact: true }).check();
  await expect(language).toBeVisible();
  await interpretation.getByRole("radio", { name: "Нет", exact: true }).check();
  await expect(language).toHaveCount(0);
  await interpretation.getByRole("radio", { name: "Да", exact: true }).check();
  // Required once shown: the form says so before anything is sent.
  await page.getByRole("button", { name: russian.submit }).click();
  await expect(page.getByText("Заполните это поле.")).toBeVisible();
  await language.fill("Кыргызский");

  await submitAndReachManagePage(page, russian.submit, email);
  // The participant's own page edits the same answers.
  await expect(page.getByRole("radio", { name: /Группа А/ })).toBeChecked();
  await expect(page.getByLabel("На какой язык?")).toHaveValue("Кыргызский");

  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await openDemoRegistrations(page);
  await page.getByLabel("Поиск").fill(firstName);
  await page.getByRole("link", { name: new RegExp(firstName) }).click();
  const details = page.getByRole("definition");
  await expect(
    details.filter({ hasText: "Группа А: национальная стратегия и законодательство" }),
  ).toBeVisible();
  await expect(details.filter({ hasText: /^Кыргызский$/ })).toBeVisible();
  await expect(details.filter({ hasText: /^Да$/ })).toBeVisible();
});
