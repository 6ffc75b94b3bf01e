import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { insertClosedEvent, sql } from "./database";
import { signIn } from "./staff-helpers";

// An event of the test's own (insertClosedEvent), with its own "Рабочая
// группа": the demo's groups have places that other tests count.

const GROUP_A = "Группа А: национальная стратегия";
const GROUP_B = "Группа Б: местное самоуправление";

async function eventWithWorkingGroup(tag: string) {
  const eventId = await insertClosedEvent({
    title: "Форум рабочих групп",
    slugPrefix: "answers",
    capacity: 10,
  });
  const [question] = await sql<{ id: string }>(
    `INSERT INTO question (id, event_id, position, type, label)
     VALUES (gen_random_uuid(), $1, 0, 'SINGLE_CHOICE', '{"ru": "Рабочая группа"}') RETURNING id`,
    [eventId],
  );
  const options = await sql<{ id: string }>(
    `INSERT INTO question_option (id, question_id, position, label)
     VALUES (gen_random_uuid(), $1, 0, $2), (gen_random_uuid(), $1, 1, $3) RETURNING id`,
    [question?.id, JSON.stringify({ ru: GROUP_A }), JSON.stringify({ ru: GROUP_B })],
  );
  // Бермет chose B, Нурлан chose A; both confirmed.
  for (const [index, firstName, gender] of [
    [1, `Бермет-${tag}`, "FEMALE"],
    [0, `Нурлан-${tag}`, "MALE"],
  ] as const) {
    const email = `answers-${tag}-${index}@example.test`;
    await sql(
      `WITH r AS (
         INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization, position,
           region, email, email_normalized, phone, gender, consent_at, consent_version, manage_token_hash,
           check_in_code, updated_at)
         VALUES (gen_random_uuid(), $1, 'CONFIRMED', 'GOVERNMENT', 'Токтосунова', $2, 'Министерство', 'Адис',
           'NARYN', $3, $3, '+996 555 000 000', $4::"Gender", now(), '2026-11-26', md5($3) || md5($3), $5, now())
         RETURNING id),
       a AS (INSERT INTO registration_answer (registration_id, question_id) SELECT id, $6 FROM r RETURNING registration_id)
       INSERT INTO registration_answer_option (registration_id, question_id, option_id)
       SELECT registration_id, $6, $7 FROM a`,
      [eventId, firstName, email, gender, `E${tag}${index}`, question?.id, options[index]?.id],
    );
  }
  return eventId;
}

test("an organizer filters the list by the working group chosen, keeps it for the export, and reads the group's table in the statistics", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const eventId = await eventWithWorkingGroup(tag);

  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${eventId}`);
  await expect(page.getByRole("link", { name: new RegExp(`Нурлан-${tag}`) })).toBeVisible();
  await page.getByLabel("Ответ на вопрос").selectOption({ label: GROUP_B });
  await expect(page).toHaveURL(/answer=/);
  await expect(page.getByRole("link", { name: new RegExp(`Бермет-${tag}`) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`Нурлан-${tag}`) })).toHaveCount(0);
  await expect(page.getByTestId("found")).toHaveText("Найдена 1 регистрация");

  // The export takes the same list, and says which answer it is filtered by.
  await page.getByRole("link", { name: "Экспорт" }).click();
  await expect(page.getByText(`Рабочая группа: ${GROUP_B}`)).toBeVisible();
  await expect(page.getByTestId("export-rows")).toHaveText("Будет выгружено: 1 регистрация.");

  await page.goto(`/admin/events/${eventId}/statistics`);
  const section = page.getByRole("region", { name: "Рабочая группа", exact: true });
  await expect(section.getByText(/Считаются подтверждённые участники/)).toBeVisible();
  await expect(section.getByRole("img", { name: /Диаграмма: Рабочая группа/ })).toBeVisible();
  const table = section.getByRole("table", { name: "Рабочая группа", exact: true });
  await expect(table.getByRole("row", { name: new RegExp(`^${GROUP_B}`) }).getByRole("cell")).toHaveText([
    "1",
    "0",
    "0",
    "1",
  ]);
  await expect(table.getByRole("columnheader")).toHaveText([
    "Ответ",
    "Женщины",
    "Мужчины",
    "Не указан",
    "Всего",
  ]);

  // The breakdown by sector opens in place, without any script.
  await section.getByText("По секторам и полу", { exact: true }).click();
  const bySector = section.getByRole("table", { name: "Рабочая группа: по секторам и полу" });
  await expect(bySector.getByRole("rowheader", { name: GROUP_B })).toBeVisible();
});
