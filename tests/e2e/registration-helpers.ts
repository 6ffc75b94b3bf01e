import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const DEMO = "/events/migration-strategy-seminar";

export function uniqueEmail(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.kg`;
}

type Labels = {
  lastName: string;
  firstName: string;
  organization: string;
  position: string;
  email: string;
  phone: string;
  gender: string;
  category: string;
  region: string;
  regionOption: string;
  consent: RegExp;
  submit: string;
};

export const russian: Labels = {
  lastName: "Фамилия",
  firstName: "Имя",
  organization: "Организация",
  position: "Должность",
  email: "Электронная почта",
  phone: "Телефон",
  gender: "Женский",
  category: "Местное самоуправление",
  region: "Регион",
  regionOption: "Нарынская область",
  consent: /Я согласен/,
  submit: "Зарегистрироваться",
};

/** Fills the registration form as a person would, by its visible labels. */
export async function fillRegistration(
  page: Page,
  labels: Labels,
  person: { lastName: string; firstName: string; email: string },
) {
  await page.getByLabel(labels.lastName, { exact: true }).fill(person.lastName);
  await page.getByLabel(labels.firstName, { exact: true }).fill(person.firstName);
  await page.getByLabel(labels.gender, { exact: true }).check();
  await page.getByLabel(labels.organization, { exact: true }).fill("Айыл өкмөтү Ак-Муз");
  await page.getByLabel(labels.position, { exact: true }).fill("Башкы адис");
  await page.getByRole("radio", { name: new RegExp(labels.category) }).check();
  await page.getByLabel(labels.region, { exact: true }).selectOption({ label: labels.regionOption });
  await page.getByLabel(labels.email, { exact: true }).fill(person.email);
  await page.getByLabel(labels.phone, { exact: true }).fill("+996 555 123 456");
  await page.getByLabel(labels.consent).check();
}

export async function submitAndReachManagePage(page: Page, submit: string) {
  await page.getByRole("button", { name: submit }).click();
  await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{43}\?welcome=1$/);
}
