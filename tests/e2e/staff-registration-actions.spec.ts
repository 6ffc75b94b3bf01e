import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { insertClosedEvent, sql } from "./database";
import { fillRegistration, russian, uniqueEmail } from "./registration-helpers";
import { signIn } from "./staff-helpers";

// What organizers see when they act on registrations (issue 21, findings 2,
// 7, 8 and 9), on an event of the test's own: one seat in the sector
// "Другие", taken by Бермет; Асель waits for it; Чолпон awaits review.

async function eventWithOneSeatForOthers() {
  const eventId = await insertClosedEvent({ title: "Семинар для списка", slugPrefix: "list", capacity: 10 });
  await sql("INSERT INTO category_quota (event_id, category, seats) VALUES ($1, 'OTHER', 1)", [eventId]);
  const people = [
    { lastName: "Бекова", firstName: "Бермет", category: "OTHER", status: "CONFIRMED" },
    { lastName: "Осмонова", firstName: "Асель", category: "OTHER", status: "WAITLISTED" },
    { lastName: "Токтогулова", firstName: "Чолпон", category: "GOVERNMENT", status: "PENDING" },
  ];
  const emails: string[] = [];
  for (const person of people) {
    const email = uniqueEmail(person.firstName === "Асель" ? "asel" : "list");
    emails.push(email);
    await sql(
      `INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization, region,
                                 email, email_normalized, gender, consent_at, consent_version, manage_token_hash,
                                 check_in_code, updated_at)
       VALUES (gen_random_uuid(), $1, $2::"RegistrationStatus", $3::"ParticipantCategory", $4, $5, 'Институт',
               'NARYN', $6, $6, 'FEMALE', now(), '2026-11', $7, $8, now())`,
      [
        eventId,
        person.status,
        person.category,
        person.lastName,
        person.firstName,
        email,
        `e2e-${randomUUID()}`,
        randomUUID().replace(/-/g, "").slice(0, 7).toUpperCase(),
      ],
    );
  }
  return { eventId, aselEmail: emails[1] ?? "" };
}

test("an organizer selects the whole page, learns whom a confirmation left alone and why, and writes to them all", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { eventId } = await eventWithOneSeatForOthers();
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${eventId}`);

  const selectAll = page.getByRole("checkbox", { name: "Выбрать все на странице" });
  await expect(selectAll).toBeVisible();
  await selectAll.check();
  for (const name of ["Бекова Бермет", "Осмонова Асель", "Токтогулова Чолпон"]) {
    await expect(page.getByRole("checkbox", { name: `Выбрать ${name}` })).toBeChecked();
  }
  await page.getByRole("checkbox", { name: "Выбрать Бекова Бермет" }).uncheck();
  await expect(selectAll).not.toBeChecked();
  await selectAll.check();
  await expectNoSeriousViolations(page);

  await page.getByLabel("Действие с выбранными").selectOption("CONFIRMED");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Изменить статус" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Изменено:" })).toHaveText(
    "Изменено: 1. Не изменено: 2.",
  );
  const skipped = page.getByTestId("skipped");
  await expect(skipped).toContainText("Осмонова Асель — мест нет в секторе «Другие»");
  await expect(skipped).toContainText("Бекова Бермет — уже «Подтверждена»");
  await expect(skipped.getByRole("link", { name: "Осмонова Асель" })).toHaveAttribute(
    "href",
    /^\/admin\/registrations\/[0-9a-f-]{36}$/,
  );
  await expect(page.getByRole("row", { name: /Токтогулова Чолпон/ }).getByTestId("status")).toHaveText(
    "Подтверждена",
  );
  await expectNoSeriousViolations(page);

  // Finding 2, and letters organizers shape: the message in two languages with a placeholder,
  // refused with a typo in it, shown as the first ticked participant will receive it, sent to
  // oneself, then sent; the organizer is told how many letters went to the queue.
  await selectAll.check();
  await page.getByLabel("Действие с выбранными").selectOption("MESSAGE");
  const subject = page.getByRole("group", { name: "Тема" });
  const text = page.getByRole("group", { name: "Сообщение" });
  await subject.getByLabel("Русский").fill("Автобус в 8:00");
  await text.getByLabel("Русский").fill("{{firstName}}, автобус отходит от филармонии в 8:00.");
  await text.getByLabel("Кыргызча").fill("{{atyңyz}}, автобус филармониядан саат 8:00дө жөнөйт.");
  await page.getByRole("button", { name: "Показать письмо" }).click();
  await expect(text.getByText("Неизвестная подстановка")).toBeVisible();
  await text.getByLabel("Кыргызча").fill("{{firstName}}, автобус филармониядан саат 8:00дө жөнөйт.");
  await page.getByRole("button", { name: "Показать письмо" }).click();
  const preview = page.getByTestId("letter-preview");
  await expect(preview.getByRole("heading")).toContainText("Так письмо получит");
  const letter = page.frameLocator('[data-testid="letter-preview"] iframe');
  await expect(
    letter.locator("p", { hasText: /^(Бермет|Асель|Чолпон), автобус отходит от филармонии в 8:00\.$/ }),
  ).toBeVisible();
  await expect(letter.locator("body")).not.toContainText("{{");
  await page.getByRole("button", { name: "Пробное письмо себе" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Пробное письмо" })).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Отправить письмо" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Писем" })).toHaveText(
    "Писем поставлено в очередь: 3.",
  );
  await expect(page.getByRole("status").filter({ hasText: "Писем" })).toBeInViewport();
});

test("on a registration's page an organizer corrects the address, reads the form in staff words, and changes the status", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { eventId, aselEmail } = await eventWithOneSeatForOthers();
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${eventId}`);
  await page.getByRole("link", { name: "Осмонова Асель" }).click();

  // The edit form speaks of the participant, not to them.
  await expect(page.getByLabel("Имя участника", { exact: true })).toHaveValue("Асель");
  await expect(page.getByText("О вас")).toHaveCount(0);

  // A waiting registration may be confirmed, declined or cancelled; not put on the waiting list again.
  const statusActions = page.getByRole("region", { name: "Изменить статус" });
  await expect(statusActions.getByRole("button")).toHaveText(["Подтвердить", "Отклонить", "Отменить"]);
  await statusActions.getByRole("button", { name: "Подтвердить" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Не изменено" })).toHaveText(
    "Не изменено: в секторе участника нет свободных мест.",
  );

  const corrected = aselEmail.replace("@example.kg", "@example.org");
  await page.getByLabel("Новый адрес").fill(corrected);
  await page.getByRole("button", { name: "Исправить адрес" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Адрес исправлен" })).toBeVisible();
  // The history says what was done; the letters say where each went.
  await expect(page.getByRole("region", { name: "История" })).toContainText("Исправлен адрес почты");
  await expect(page.getByRole("region", { name: "Письма" })).toContainText(corrected);
  const letters = await sql<{ to_address: string; template: string }>(
    "SELECT to_address, template FROM outbox_message WHERE to_address = $1",
    [corrected],
  );
  expect(letters).toEqual([{ to_address: corrected, template: "registration-waitlisted" }]);
  await expectNoSeriousViolations(page);

  await statusActions.getByRole("button", { name: "Отклонить" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Статус изменён" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Отклонена" })).toBeVisible();
  await expect(statusActions.getByRole("button")).toHaveText(["Подтвердить", "В лист ожидания"]);
});

test("a walk-in at a full sector is marked present, and the door's page says that they wait for a seat", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const eventId = await insertClosedEvent({
    title: "Семинар у двери",
    slugPrefix: "door-full",
    capacity: 10,
  });
  await sql("UPDATE event SET requires_approval = true WHERE id = $1", [eventId]);
  await sql("INSERT INTO category_quota (event_id, category, seats) VALUES ($1, 'LOCAL_GOVERNMENT', 0)", [
    eventId,
  ]);
  const [day] = await sql<{ id: string }>(
    `INSERT INTO event_day (id, event_id, date, starts_at, ends_at)
     SELECT gen_random_uuid(), $1, (starts_at AT TIME ZONE 'Asia/Bishkek')::date, starts_at, starts_at + interval '8 hours'
     FROM (SELECT now() - interval '1 hour' AS starts_at) AS d
     RETURNING id`,
    [eventId],
  );
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${eventId}/check-in/walk-in?day=${day?.id}`);
  await fillRegistration(
    page,
    { ...russian, group: undefined },
    { lastName: "Абдыкадырова", firstName: "Жылдыз", email: uniqueEmail("walk-in-full") },
  );
  await page.getByRole("button", { name: russian.submit }).click();
  const notice = page.getByTestId("walked-in");
  await expect(notice).toContainText(
    "Абдыкадырова Жылдыз: зарегистрирован(а) и отмечен(а) как пришедший(ая), но мест в секторе «Местное самоуправление» нет — в листе ожидания, не подтверждён(а).",
  );
  await expect(notice).toBeFocused();
  await expectNoSeriousViolations(page);
  await notice.getByRole("link", { name: "Открыть регистрацию" }).click();
  await expect(page.getByRole("definition").filter({ hasText: "Лист ожидания" })).toBeVisible();
});
