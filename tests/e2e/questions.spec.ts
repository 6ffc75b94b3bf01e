import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { insertClosedEvent, sql } from "./database";
import {
  DEMO,
  fillRegistration,
  russian,
  submitAndReachManagePage,
  uniqueEmail,
} from "./registration-helpers";
import { openDemoRegistrations, signIn } from "./staff-helpers";

test("in Kyrgyz on a phone, the demo's questions are translated and the language is asked only after yes @phone", async ({
  page,
}) => {
  await page.goto(`/ky${DEMO}/register`);
  const group = page.getByRole("group", { name: "Жумушчу топ" });
  await expect(group.getByRole("radio", { name: /А тобу: улуттук стратегия жана мыйзамдар/ })).toBeVisible();
  const language = page.getByLabel("Кайсы тилге?");
  await expect(language).toHaveCount(0);
  await page
    .getByRole("group", { name: "Сизге котормо керекпи?" })
    .getByRole("radio", { name: "Ооба" })
    .check();
  await expect(language).toBeVisible();
});

test("a participant answers the demo's own questions; the language is asked only after yes; staff see the answers", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const firstName = `Асель-${randomUUID().slice(0, 6)}`;
  const email = uniqueEmail("questions");
  await page.goto(`${DEMO}/register`);
  await fillRegistration(page, russian, { lastName: "Жумабаева", firstName, email });

  // Other tests take places too: the form shows what the API counts.
  const { questions } = await (await request.get("/api/events/migration-strategy-seminar")).json();
  const left = questions[0].options[0].placesLeft;
  const group = page.getByRole("group", { name: "Рабочая группа" });
  await expect(group.getByRole("radio", { name: /Группа А/ })).toHaveAccessibleName(
    new RegExp(`осталось ${left} `),
  );
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

test("an organizer builds an event's questions: a limited choice, yes/no, and a text shown only after yes", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const eventId = await insertClosedEvent({ title: "Форум вопросов", slugPrefix: "questions", capacity: 10 });
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${eventId}/questions`);
  await expect(page.getByText("Вопросов пока нет.")).toBeVisible();

  const question = (index: number) => page.getByTestId("question").nth(index);
  await page.getByRole("button", { name: "Добавить вопрос" }).click();
  await question(0).getByRole("textbox", { name: "Русский" }).first().fill("Рабочая группа");
  await question(0).getByLabel("Тип ответа").selectOption({ label: "Один вариант" });
  await question(0)
    .getByRole("group", { name: "Вариант 1" })
    .getByRole("textbox", { name: "Русский" })
    .fill("Группа А");
  await question(0).getByLabel("Мест (пусто — без ограничения)").fill("2");
  await question(0).getByLabel("Обязательный вопрос").check();

  await page.getByRole("button", { name: "Добавить вопрос" }).click();
  await question(1).getByRole("textbox", { name: "Русский" }).first().fill("Нужен ли перевод?");
  await question(1).getByLabel("Тип ответа").selectOption({ label: "Да или нет" });

  await page.getByRole("button", { name: "Добавить вопрос" }).click();
  await question(2).getByRole("textbox", { name: "Русский" }).first().fill("Какой язык?");
  await question(2)
    .getByLabel("Когда показывать")
    .selectOption({ label: "Если в вопросе «Нужен ли перевод?» ответили…" });
  await question(2).getByRole("checkbox", { name: "Да" }).check();
  // Untranslated texts are flagged.
  await expect(question(2).getByText("нет перевода").first()).toBeVisible();

  await page.getByRole("button", { name: "Сохранить вопросы" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("question")).toHaveCount(3);
  await expect(question(0).getByText("0 ответов").first()).toBeVisible();

  const saved = await sql<{ label: string; type: string; required: boolean; shown_if: string[] }>(
    `SELECT label->>'ru' AS label, type::text AS type, required, condition_values AS shown_if
     FROM question WHERE event_id = $1 ORDER BY position`,
    [eventId],
  );
  expect(saved).toEqual([
    { label: "Рабочая группа", type: "SINGLE_CHOICE", required: true, shown_if: [] },
    { label: "Нужен ли перевод?", type: "YES_NO", required: false, shown_if: [] },
    { label: "Какой язык?", type: "SHORT_TEXT", required: false, shown_if: ["yes"] },
  ]);

  // Published and open: two people take group A's two places through the API.
  const [event] = await sql<{ slug: string }>(
    `UPDATE event SET status = 'PUBLISHED', registration_closes_at = now() + interval '7 days'
     WHERE id = $1 RETURNING slug`,
    [eventId],
  );
  await sql(
    `INSERT INTO event_day (id, event_id, date, starts_at, ends_at)
     VALUES (gen_random_uuid(), $1, (now() + interval '10 days')::date, now() + interval '10 days',
             now() + interval '10 days 8 hours')`,
    [eventId],
  );
  const api = (await (await page.request.get(`/api/events/${event?.slug}`)).json()) as {
    questions: { id: string; options: { id: string }[] }[];
  };
  const [group] = api.questions;
  for (const n of [1, 2]) {
    const response = await page.request.post(`/api/events/${event?.slug}/registrations`, {
      data: {
        lastName: "Орунбаева",
        firstName: `Жылдыз ${n}`,
        organization: "Айыл өкмөтү",
        position: "Адис",
        category: "LOCAL_GOVERNMENT",
        region: "NARYN",
        email: uniqueEmail("full"),
        phone: "+996 555 000 222",
        gender: "FEMALE",
        consent: true,
        answers: { [group?.id ?? ""]: group?.options[0]?.id },
      },
      headers: { "x-forwarded-for": `203.0.113.${60 + n}` },
    });
    expect(response.status()).toBe(202);
  }
  await page.goto(`/events/${event?.slug}/register`);
  const full = page.getByRole("radio", { name: /Группа А/ });
  await expect(full).toBeDisabled();
  await expect(full).toHaveAccessibleName(/мест нет/);
});

test("an organizer makes the built-in fields the event's own; the form at the door asks them so", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const eventId = await insertClosedEvent({ title: "Форум в Худжанде", slugPrefix: "fields", capacity: 10 });
  // A day that has begun: the walk-in is marked present on it.
  const [day] = await sql<{ id: string }>(
    `INSERT INTO event_day (id, event_id, date, starts_at, ends_at)
     VALUES (gen_random_uuid(), $1, now()::date, now() - interval '1 hour', now() + interval '7 hours')
     RETURNING id`,
    [eventId],
  );
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${eventId}/questions`);

  await page.getByRole("combobox", { name: "Телефон", exact: true }).selectOption({ label: "Не спрашивать" });
  await page
    .getByRole("combobox", { name: "Должность", exact: true })
    .selectOption({ label: "Необязательно" });
  await page
    .getByRole("group", { name: "Вопрос о секторе" })
    .getByRole("textbox", { name: "Русский" })
    .fill("Кого вы представляете?");
  const region = (index: number) => page.getByTestId("region").nth(index);
  await page.getByText("Регионы: 14").click();
  await expect(page.getByTestId("region")).toHaveCount(14);
  await region(0).getByRole("button", { name: "Удалить" }).click();
  await page.getByRole("button", { name: "Добавить регион" }).click();
  await region(13).getByRole("textbox", { name: "Русский" }).fill("Согдийская область");
  await expect(region(13).getByText("нет перевода").first()).toBeVisible();
  await page.getByRole("button", { name: "Сохранить поля" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
  await page.reload();
  await page.getByText("Регионы: 14").click();
  await expect(page.getByTestId("region")).toHaveCount(14);
  await expect(region(0).getByRole("textbox", { name: "Русский" })).toHaveValue("г. Ош");
  await expect(page.getByRole("combobox", { name: "Телефон", exact: true })).toHaveValue("HIDDEN");

  await page.goto(`/admin/events/${eventId}/check-in/walk-in?day=${day?.id}`);
  await expect(page.getByLabel("Телефон", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Кого вы представляете?" })).toBeVisible();
  const regions = page.getByLabel("Регион", { exact: true });
  await expect(regions.getByRole("option", { name: "Согдийская область" })).toHaveCount(1);
  await expect(regions.getByRole("option", { name: "г. Бишкек" })).toHaveCount(0);

  const email = uniqueEmail("khujand");
  await page.getByLabel("Фамилия", { exact: true }).fill("Рахимова");
  await page.getByLabel("Имя", { exact: true }).fill("Дилноза");
  await page.getByLabel("Женский", { exact: true }).check();
  await page.getByLabel("Организация", { exact: true }).fill("Хукумат Согда");
  await page.getByRole("radio", { name: /Государственные органы/ }).check();
  await regions.selectOption({ label: "Согдийская область" });
  await page.getByLabel("Электронная почта", { exact: true }).fill(email);
  await page.getByLabel(/Я согласен/).check();
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByTestId("walked-in")).toContainText("Рахимова Дилноза: зарегистрирован(а)");
  const [stored] = await sql<{ region: string; phone: string | null; position: string | null }>(
    "SELECT region, phone, position FROM registration WHERE email = $1",
    [email],
  );
  expect(stored).toEqual({ region: "REGION_1", phone: null, position: null });
});
