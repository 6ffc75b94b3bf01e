import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import { sql } from "./database";

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
  /** The demo's required working group, as its option reads; none for an event without it. */
  group?: RegExp;
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
  // Group B, so that group A's places stay as the questions' test expects them.
  group: /Группа Б/,
  consent: /Я согласен/,
  submit: "Зарегистрироваться",
};

export const kyrgyz: Labels = {
  lastName: "Фамилиясы",
  firstName: "Аты",
  organization: "Уюм",
  position: "Кызматы",
  email: "Электрондук почта",
  phone: "Телефон",
  gender: "Аял",
  category: "Жергиликтүү өз алдынча башкаруу",
  region: "Аймак",
  regionOption: "Нарын облусу",
  group: /Б тобу/,
  consent: /макулмун/,
  submit: "Катталуу",
};

type ApiQuestion = {
  id: string;
  label: { ru: string };
  options: { id: string; placesLeft: number | null }[];
};

/**
 * The answer the demo's required question wants, for a registration through
 * the JSON API: the working group with the most places left, read from the
 * event's API as any client would.
 */
export async function demoAnswers(request: APIRequestContext): Promise<Record<string, string>> {
  const response = await request.get("/api/events/migration-strategy-seminar");
  expect(response.status()).toBe(200);
  const { questions } = (await response.json()) as { questions: ApiQuestion[] };
  const group = questions.find((question) => question.label.ru === "Рабочая группа");
  const roomiest = group?.options.toSorted((a, b) => (b.placesLeft ?? 0) - (a.placesLeft ?? 0))[0];
  if (!group || !roomiest) throw new Error("The demo asks no working group");
  return { [group.id]: roomiest.id };
}

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
  if (labels.group) await page.getByRole("radio", { name: labels.group }).check();
  await page.getByLabel(labels.consent).check();
}

/**
 * Sends the form, sees the answer that tells nobody whether the address was
 * registered before, and opens the management link from the letter that
 * arrives in the local mailbox.
 */
export async function submitAndReachManagePage(page: Page, submit: string, email: string) {
  await page.getByRole("button", { name: submit }).click();
  await expect(page.getByRole("status")).toContainText(email);
  await page.goto(await manageLinkFromLetter(email));
}

/** The management link (its path) of the newest letter to `email`, waiting for the outbox worker to send it. */
export async function manageLinkFromLetter(email: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [letter] = await sql<{ text: string }>(
      "SELECT text FROM mailbox_message WHERE to_address = $1 ORDER BY created_at DESC LIMIT 1",
      [email],
    );
    const link = letter?.text.match(/https?:\/\/\S+\/r\/[A-Za-z0-9_-]{43}/)?.[0];
    if (link) return new URL(link).pathname;
    if (Date.now() > deadline) throw new Error(`No letter with a management link reached ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
