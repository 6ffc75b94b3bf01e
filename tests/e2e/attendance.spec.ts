import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { insertClosedEvent, sql } from "./database";
import { fillRegistration, russian, uniqueEmail } from "./registration-helpers";
import { createStaff, signIn } from "./staff-helpers";

// An organizer at the door: registers a walk-in and marks them present in
// one step, then corrects the attendance grid, on an event of its own
// (insertClosedEvent).

async function closedEventWithOneDay() {
  const eventId = await insertClosedEvent({ title: "Семинар у двери", slugPrefix: "door", capacity: 10 });
  const [day] = await sql<{ id: string }>(
    `INSERT INTO event_day (id, event_id, date, starts_at, ends_at)
     VALUES (gen_random_uuid(), $1, (now() + interval '1 day')::date, now() + interval '1 day',
             now() + interval '1 day 8 hours')
     RETURNING id`,
    [eventId],
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
  await expect(page).toHaveURL(
    new RegExp(`/admin/events/${eventId}/check-in\\?day=${dayId}&walkIn=CONFIRMED$`),
  );
  await expect(page.getByTestId("notices")).toContainText("Зарегистрирован(а) (Подтверждена) и отмечен(а).");
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
