import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { xlsxCells } from "../support/xlsx-cells";
import { insertEventUnderWay, sql } from "./database";
import { signIn, staffAccount } from "./staff-helpers";

// A donor's read-only view (issue 17, decision 038): a viewer of an event,
// made from the command line, opens every page and file it can reach — the
// list, the attendance, the statistics, the tests and feedback, the
// statistics file — on a phone. The participant's name is there; their
// email, phone, needs and free-text answer are in none of the bytes served.

const PHONE = { width: 360, height: 740 };

test("a viewer reads names, marks and figures, and no page or file it opens holds anyone's contacts, needs or free text", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const event = await insertEventUnderWay({ title: "Семинар для донора", slugPrefix: "viewer" });
  const person = {
    lastName: `Жээнбекова${tag}`,
    email: `viewer-${tag}@example.kg`,
    phone: "+996 700 123 987",
    dietary: `Без глютена ${tag}`,
    accessibility: `Пандус у входа ${tag}`,
    answer: `Работаю с мигрантами в Нарыне ${tag}`,
  };
  const [question] = await sql<{ id: string }>(
    `INSERT INTO question (id, event_id, position, type, label)
     VALUES (gen_random_uuid(), $1, 0, 'LONG_TEXT', '{"ru": "О своей работе"}') RETURNING id`,
    [event.id],
  );
  await sql(
    `WITH r AS (
       INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization, position,
         region, email, email_normalized, phone, gender, needs_accommodation, dietary_needs, accessibility_needs,
         consent_at, consent_version, manage_token_hash, check_in_code, updated_at)
       VALUES (gen_random_uuid(), $1, 'CONFIRMED', 'CIVIL_SOCIETY', $2, 'Айгерим', 'ОО Ресурсный центр', 'Координатор',
         'NARYN', $3, $3, $4, 'FEMALE', true, $5, $6, now(), '2026-11-26', md5($3) || md5($3), $7, now())
       RETURNING id),
     a AS (INSERT INTO registration_answer (registration_id, question_id, text_value) SELECT id, $8, $9 FROM r)
     INSERT INTO attendance (id, registration_id, event_day_id) SELECT gen_random_uuid(), id, $10 FROM r`,
    [
      event.id,
      person.lastName,
      person.email,
      person.phone,
      person.dietary,
      person.accessibility,
      `V${tag}`.slice(0, 7).toUpperCase(),
      question?.id,
      person.answer,
      event.first,
    ],
  );
  const [registration] = await sql<{ id: string }>("SELECT id FROM registration WHERE email = $1", [
    person.email,
  ]);
  const viewer = staffAccount(["--event", event.slug, "--event-role", "viewer"], "viewer");

  const page = await (await browser.newContext({ viewport: PHONE })).newPage();
  await signIn(page, viewer);
  await expect(page.getByRole("heading", { name: "События" })).toBeVisible();
  const base = `/admin/events/${event.id}`;
  const personal = [
    person.email,
    person.phone,
    "700 123 987",
    person.dietary,
    person.accessibility,
    person.answer,
  ];

  // Every page a viewer reaches, as served, and as it looks at 360 px.
  for (const [path, showsName] of [
    [base, true],
    [`${base}/attendance`, true],
    [`${base}/attendance?day=${event.first}`, true],
    [`${base}/statistics`, false],
    [`${base}/outcomes`, false],
    ["/admin", false],
    ["/admin/statistics", false],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    const html = await response?.text();
    for (const value of personal) expect(html, `${path}: ${value}`).not.toContain(value);
    if (showsName) expect(html, path).toContain(person.lastName);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(
      PHONE.width,
    );
  }

  // The tabs a viewer has, and nothing on them to act with.
  await page.goto(base);
  await expect(page.getByRole("navigation", { name: "Это мероприятие" }).getByRole("link")).toHaveText([
    "Регистрации",
    "Посещаемость",
    "Статистика",
    "Тесты и отзывы",
  ]);
  await expect(page.getByRole("rowheader", { name: new RegExp(person.lastName) })).toBeVisible();
  await expect(page.getByRole("table").getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByText("Действие с выбранными")).toHaveCount(0);
  await expect(page.getByRole("link", { name: new RegExp(person.lastName) })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Экспорт" })).toHaveCount(0);
  await expect(page.getByLabel("Поиск")).toHaveAttribute("placeholder", "Имя, организация или должность");
  await page.goto(`${base}/attendance`);
  // Present on the first day, not on the second (begun an hour ago): read, not buttons.
  await expect(page.getByTestId("mark")).toHaveText(["был(а)", "не был(а)"]);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await page.goto(`${base}/outcomes`);
  await expect(page.getByTestId("instrument-PRE_TEST")).toContainText("0 ответов");
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);

  // A search by an email or a phone finds no one; by a name, the person.
  for (const q of [person.email, "700 123", "example.kg"]) {
    await page.goto(`${base}?q=${encodeURIComponent(q)}`);
    await expect(page.getByText("Нет регистраций, подходящих под условия."), q).toBeVisible();
  }
  await page.goto(`${base}?q=${encodeURIComponent(person.lastName)}`);
  await expect(page.getByTestId("found")).toHaveText("Найдена 1 регистрация");

  // The one file a viewer may take: figures, no one's details.
  const file = await page.request.get(`${base}/statistics/file`);
  expect(file.status()).toBe(200);
  const cells = await xlsxCells((await file.body()) as unknown as ArrayBuffer);
  expect(cells.length).toBeGreaterThan(0);
  for (const value of [...personal, person.lastName]) expect(cells.join("\n")).not.toContain(value);

  // What holds contacts stays closed: a registration's page, the export, the signature sheet.
  await page.goto(`/admin/registrations/${registration?.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Страница не найдена");
  expect((await page.request.get(`${base}/export/file`)).status()).toBe(403);
  // The sheet names a day of the event: an object, so "not found" (decision 038).
  expect((await page.request.get(`${base}/paper/signature-sheet?day=${event.first}`)).status()).toBe(404);
  expect((await page.request.get(`/admin/registrations/${registration?.id}/data`)).status()).not.toBe(200);
});
