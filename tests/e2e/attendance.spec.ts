import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { insertClosedEvent, sql } from "./database";
import { fillRegistration, russian, uniqueEmail } from "./registration-helpers";
import { createStaff, signIn } from "./staff-helpers";

// An organizer at the door: registers a walk-in and marks them present in
// one step, then corrects the attendance grid, on an event of its own
// (insertClosedEvent).

/** An event of its own with one day, which began an hour ago, or `daysAhead` days later. */
async function closedEventWithOneDay({ daysAhead = 0 }: { daysAhead?: number } = {}) {
  const eventId = await insertClosedEvent({ title: "Семинар у двери", slugPrefix: "door", capacity: 10 });
  const [day] = await sql<{ id: string }>(
    `INSERT INTO event_day (id, event_id, date, starts_at, ends_at)
     SELECT gen_random_uuid(), $1, (starts_at AT TIME ZONE 'Asia/Bishkek')::date, starts_at, starts_at + interval '8 hours'
     FROM (SELECT now() - interval '1 hour' + $2 * interval '1 day' AS starts_at) AS d
     RETURNING id`,
    [eventId, daysAhead],
  );
  if (!day) throw new Error("no day");
  return { eventId, dayId: day.id };
}

async function signInAsOrganizer(page: Page) {
  await signIn(page, createStaff("organizer"));
  await expect(page).toHaveURL("/admin");
}

test("an organizer registers a walk-in who is marked present at once, and corrects the attendance grid", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { eventId, dayId } = await closedEventWithOneDay();
  await signInAsOrganizer(page);

  await page.goto(`/admin/events/${eventId}/check-in`);
  await page.getByRole("link", { name: "Зарегистрировать на месте" }).click();
  const person = { lastName: "Сыдыкова", firstName: "Нуриза", email: uniqueEmail("walk-in") };
  // The test's own event asks no questions of its own.
  await fillRegistration(page, { ...russian, group: undefined }, person);
  await page.getByRole("button", { name: russian.submit }).click();
  // The outcome is said where the organizer is, and names the person.
  await expect(page.getByTestId("walked-in")).toHaveText(
    /Сыдыкова Нуриза: зарегистрирован\(а\), подтверждён\(а\) и отмечен\(а\) как пришедший\(ая\)\./,
  );
  await expect(page.getByTestId("walked-in")).toBeFocused();
  await expect(page.getByLabel(russian.lastName, { exact: true })).toHaveValue("");

  await expect(page).not.toHaveURL(/walkIn=/);
  await page.getByTestId("walked-in").getByRole("link", { name: "К регистрации на входе" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/events/${eventId}/check-in\\?day=${dayId}$`));
  await expect(page.getByTestId("door-count")).toContainText("1 / 1");

  const [registration] = await sql<{ id: string; letters: number; marks: number }>(
    `SELECT r.id, (SELECT count(*)::int FROM outbox_message o WHERE o.registration_id = r.id) AS letters,
            (SELECT count(*)::int FROM attendance a WHERE a.registration_id = r.id AND a.event_day_id = $2) AS marks
     FROM registration r WHERE r.email = $1`,
    [person.email, dayId],
  );
  expect(registration).toMatchObject({ letters: 1, marks: 1 });

  await page
    .getByRole("navigation", { name: "Это мероприятие" })
    .getByRole("link", { name: "Посещаемость" })
    .click();
  await expect(page.getByTestId("day-summary")).toHaveText("Пришли 1 из 1 подтверждённых");
  await page.getByRole("button", { name: /Сыдыкова Нуриза, .*: был\(а\); снять отметку/ }).click();
  await expect(page.getByTestId("day-summary")).toHaveText("Пришли 0 из 1 подтверждённых");
  await expect(page.getByText("В этот день ещё никто не отмечен.")).toBeVisible();
  await page.getByRole("button", { name: /Сыдыкова Нуриза, .*: не был\(а\); отметить присутствие/ }).click();
  await expect(page.getByTestId("day-summary")).toHaveText("Пришли 1 из 1 подтверждённых");

  // Each change is in the participant's history, with who made it.
  await page.getByRole("link", { name: "Сыдыкова Нуриза" }).click();
  for (const entry of [
    "Отмечен(а) на входе",
    "Присутствие снято организатором",
    "Присутствие отмечено организатором",
  ]) {
    await expect(page.getByRole("listitem").filter({ hasText: entry })).toContainText("organizer-");
  }
});

test("a day that has not begun takes no mark: the door, the grid and the walk-in say so, and the server refuses", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const { eventId, dayId } = await closedEventWithOneDay({ daysAhead: 2 });
  const [person] = await sql<{ id: string }>(
    `INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization, position,
                               region, email, email_normalized, phone, gender, consent_at, consent_version,
                               manage_token_hash, check_in_code, updated_at)
     VALUES (gen_random_uuid(), $1, 'CONFIRMED', 'GOVERNMENT', 'Токтогулова', 'Жылдыз', 'Министерство', 'Адис',
             'CHUI', $2, $2, '+996 555 000 111', 'FEMALE', now(), 'test', md5(random()::text), 'ZZZZ222', now())
     RETURNING id`,
    [eventId, uniqueEmail("not-begun")],
  );
  if (!person) throw new Error("no registration");
  await signInAsOrganizer(page);

  await page.goto(`/admin/events/${eventId}/check-in?day=${dayId}`);
  await expect(page.getByTestId("day-not-begun")).toContainText("Этот день ещё не начался");
  await page.getByLabel("Поиск по имени").fill("Токтогулова");
  const card = page.getByRole("article", { name: "Токтогулова Жылдыз" });
  await expect(card).toContainText("Отметить можно в этот день");
  await expect(card.getByRole("button")).toHaveCount(0);

  // A phone whose clock runs ahead sends a mark anyway: refused, and nothing is kept.
  const clientMarkId = randomUUID();
  const response = await page.request.post("/api/admin/check-in", {
    data: {
      eventId,
      operations: [
        {
          kind: "mark",
          clientMarkId,
          registrationId: person.id,
          eventDayId: dayId,
          markedAt: new Date().toISOString(),
        },
      ],
    },
    headers: { origin: baseURL ?? "" },
  });
  expect(await response.json()).toEqual({ results: [{ clientMarkId, status: "not_begun" }] });

  await page.goto(`/admin/events/${eventId}/attendance`);
  await expect(
    page.getByText("Присутствие отмечается с начала дня; прошедшие дни можно исправлять."),
  ).toBeVisible();
  const row = page.getByRole("row", { name: /Токтогулова Жылдыз/ });
  await expect(row).toContainText("ещё не начался");
  await expect(row.getByRole("button")).toHaveCount(0);

  await page.goto(`/admin/events/${eventId}/check-in/walk-in?day=${dayId}`);
  await expect(page.getByRole("status").filter({ hasText: "Этот день ещё не начался" })).toBeVisible();
  await expect(page.getByRole("button", { name: russian.submit })).toHaveCount(0);
  expect(await sql("SELECT 1 FROM attendance WHERE registration_id = $1", [person.id])).toEqual([]);
});

test("the door's endpoint refuses the anonymous, other sites, other media types and malformed marks", async ({
  page,
  request,
  baseURL,
}) => {
  const endpoint = "/api/admin/check-in";
  const origin = baseURL ?? "";
  const batch = { eventId: randomUUID(), operations: [] };
  expect((await request.post(endpoint, { data: batch, headers: { origin } })).status()).toBe(401);
  expect((await request.get(`${endpoint}?eventId=${randomUUID()}`)).status()).toBe(401);

  await signInAsOrganizer(page);
  const elsewhere = await page.request.post(endpoint, {
    data: batch,
    headers: { origin: "https://evil.example" },
  });
  expect(elsewhere.status()).toBe(403);
  expect(await elsewhere.json()).toEqual({ error: "cross_origin" });
  const form = await page.request.post(endpoint, {
    data: "eventId=x",
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
  });
  expect(form.status()).toBe(415);
  expect((await page.request.post(endpoint, { data: batch, headers: { origin } })).status()).toBe(400);
  expect((await page.request.get(`${endpoint}?eventId=${randomUUID()}`)).status()).toBe(404);
});
