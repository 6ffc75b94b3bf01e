import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { pdfPages } from "../support/pdf-text";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { sql } from "./database";
import { createTestEvent } from "./event-helpers";
import { fillRegistration, kyrgyz, manageLinkFromLetter, uniqueEmail } from "./registration-helpers";
import { signIn } from "./staff-helpers";

// Issue 18's logistics end to end: travel asked on the form, rooms assigned
// by the organizer, the rooming and transport lists, and the per-diem
// register that three attendees sign.

const people = [
  { lastName: "Абдыкадырова", firstName: "Айжан", fare: "2500" },
  { lastName: "Бекмуратов", firstName: "Нурлан", fare: "1200" },
  { lastName: "Джумабаева", firstName: "Чолпон", fare: "" },
  { lastName: "Исаков", firstName: "Эрмек", fare: "" },
] as const;

async function saveSettings(page: Page, eventId: string) {
  await page.goto(`/admin/events/${eventId}/logistics`);
  await page.getByLabel("Спрашивать в форме поездку и проживание").check();
  await page.getByLabel("Компенсация проезда").selectOption("CEILING");
  await page.getByLabel("Местное самоуправление", { exact: true }).fill("1500");
  await page.getByLabel("Нарынская область", { exact: true }).fill("2000");
  await page.getByRole("button", { name: "Сохранить настройки" }).click();
  await expect(page.getByText("Сохранено.")).toBeVisible();
  await page.getByLabel("Название").fill("Гостиница «Каприз»");
  await page.getByRole("button", { name: "Добавить гостиницу" }).click();
  await expect(page.getByRole("paragraph").filter({ hasText: "Гостиница «Каприз»" })).toBeVisible();
  for (const [room, beds] of [
    ["101", "2"],
    ["102", "2"],
    ["103", "1"],
  ] as const) {
    await page.getByLabel("Номер комнаты").fill(room);
    await page.getByLabel("Мест", { exact: true }).fill(beds);
    await page.getByRole("button", { name: "Добавить номер" }).click();
    await expect(page.getByText(new RegExp(`${room}: ${beds} мест`))).toBeVisible();
  }
}

test("five travellers are roomed and listed, and the register pays three attendees in soms and words", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const event = await createTestEvent({
    title: { ru: "Семинар в Чолпон-Ате", en: "Cholpon-Ata seminar" },
    slug: "logistics",
  });
  const [firstDay] = await sql<{ date: string }>(
    "SELECT date::text FROM event_day WHERE event_id = $1 ORDER BY date LIMIT 1",
    [event.id],
  );
  const night = firstDay?.date ?? "";
  const nextDay = new Date(Date.parse(`${night}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

  await signIn(page);
  await expect(page).not.toHaveURL("/admin/sign-in", { timeout: 30_000 });
  await saveSettings(page, event.id);

  // One registers on a phone, in Kyrgyz, through the form.
  const phone = await browser.newContext({
    viewport: { width: 360, height: 760 },
    isMobile: true,
    hasTouch: true,
  });
  const form = await phone.newPage();
  const pageErrors: string[] = [];
  form.on("pageerror", (error) => pageErrors.push(error.message));
  await form.goto(`/ky/events/${event.slug}/register`);
  const email = uniqueEmail("travel-ky");
  await fillRegistration(
    form,
    { ...kyrgyz, group: undefined },
    { lastName: "Осмонова", firstName: "Гүлнара", email },
  );
  await form.getByLabel("Каяктан келесиз (калктуу конуш)").fill("Нарын");
  await form.getByLabel("Келе турган аймагыңыз").selectOption({ label: "Нарын облусу" });
  await form.getByLabel("Келүү (күнү жана убактысы)").fill(`${night}T08:30`);
  await form.getByLabel("Кетүү (күнү жана убактысы)").fill(`${nextDay}T18:00`);
  await form.getByLabel("Транспорт").selectOption({ label: "Маршрутка" });
  // A departure before the arrival is refused on its field.
  await form.getByLabel("Кетүү (күнү жана убактысы)").fill(`${night}T07:00`);
  await form.getByRole("button", { name: kyrgyz.submit }).click();
  await expect(form.locator("#travel-departsAt-error")).toHaveText("Дата өтө эрте.");
  await form.getByLabel("Кетүү (күнү жана убактысы)").fill(`${nextDay}T18:00`);
  // The nights offered run from the day before the first day; she needs the first day's.
  await expect(form.getByRole("checkbox", { name: /түнү/ })).toHaveCount(3);
  // Dated in Kyrgyz by the server: the browser has no Kyrgyz dates and would write them in English.
  await expect(form.getByRole("checkbox", { name: /түнү/ }).first()).toHaveAccessibleName(/^[^A-Za-z]+$/);
  await form.locator(`input[name="travel.nights"][value="${night}"]`).check();
  expect(await form.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await form.getByRole("button", { name: kyrgyz.submit }).click();
  await expect(form.getByRole("status")).toContainText(email);
  // The participant sees their travel on their own page.
  await form.goto(await manageLinkFromLetter(email));
  await expect(form.getByLabel("Каяктан келесиз (калктуу конуш)")).toHaveValue("Нарын");
  expect(pageErrors).toEqual([]);
  await phone.close();

  // Four more through the JSON API.
  for (const [index, person] of people.entries()) {
    const response = await request.post(`/api/events/${event.slug}/registrations`, {
      data: {
        lastName: person.lastName,
        firstName: person.firstName,
        organization: "Айыл өкмөтү",
        position: "Адис",
        category: "LOCAL_GOVERNMENT",
        region: "NARYN",
        email: `travel-${randomUUID().slice(0, 8)}@example.kg`,
        phone: "+996 700 111 222",
        gender: index % 2 === 0 ? "FEMALE" : "MALE",
        consent: true,
        travel: {
          fromSettlement: index < 2 ? "Нарын" : "Бишкек",
          fromRegion: index < 2 ? "NARYN" : "BISHKEK_CITY",
          arrivesAt: `${night}T${String(index + 7).padStart(2, "0")}:00`,
          departsAt: `${nextDay}T17:00`,
          transport: "MINIBUS",
          nights: [night],
        },
      },
      headers: { "x-forwarded-for": `203.0.113.${10 + index}` },
    });
    expect(response.status(), await response.text()).toBe(202);
  }
  const registrations = await sql<{ id: string; last_name: string }>(
    "SELECT id, last_name FROM registration WHERE event_id = $1 AND status = 'CONFIRMED' ORDER BY last_name",
    [event.id],
  );
  expect(registrations).toHaveLength(5);

  // The organizer rooms them: two in 101, two in 102, one in 103; and records the fares.
  const rooms = ["101 (2 места)", "101 (2 места)", "102 (2 места)", "102 (2 места)", "103 (1 место)"];
  const fares = new Map<string, string>(people.map((person) => [person.lastName, person.fare]));
  for (const [index, registration] of registrations.entries()) {
    await page.goto(`/admin/registrations/${registration.id}`);
    await page
      .getByLabel("Номер на отмеченные ночи")
      .selectOption({ label: `Гостиница «Каприз», номер ${rooms[index]}` });
    await page.getByLabel("Фактически оплачено за проезд").fill(fares.get(registration.last_name) ?? "");
    await page.getByRole("button", { name: "Сохранить", exact: true }).click();
    await expect(page.getByText("Сохранено.")).toBeVisible();
  }
  // A sixth bed in 103 is refused.
  const [first] = registrations;
  await page.goto(`/admin/registrations/${first?.id}`);
  await page
    .getByLabel("Номер на отмеченные ночи")
    .selectOption({ label: "Гостиница «Каприз», номер 103 (1 место)" });
  await page.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByText("В этом номере на эту ночь нет свободной кровати.")).toBeVisible();

  await page.goto(`/admin/events/${event.id}/rooming?night=${night}`);
  const rooming = page.getByTestId("rooming-list");
  for (const person of [...people, { lastName: "Осмонова" }])
    await expect(rooming).toContainText(person.lastName);
  await expect(page.getByText("Все, кому нужен номер на эту ночь, расселены.")).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.goto(`/admin/events/${event.id}/transport`);
  const arrivals = page.getByTestId("arrivals");
  for (const person of [...people, { lastName: "Осмонова" }])
    await expect(arrivals).toContainText(person.lastName);
  await expectNoSeriousViolations(page);

  // Three attend: the first two on both days, the third on the first only.
  const [one, two, three] = registrations.filter((registration) => registration.last_name !== "Исаков");
  const days = event.dayIds;
  await sql(
    `INSERT INTO attendance (id, registration_id, event_day_id)
     SELECT gen_random_uuid(), r, d FROM unnest($1::uuid[], $2::uuid[]) AS t(r, d)`,
    [
      [one?.id, one?.id, two?.id, two?.id, three?.id],
      [days[0], days[1], days[0], days[1], days[0]],
    ],
  );
  await page.goto(`/admin/events/${event.id}/per-diem`);
  await expect(page.getByTestId("register-total")).toHaveText("10 700");
  await expectNoSeriousViolations(page);
  const response = await page.request.get(`/admin/events/${event.id}/per-diem/pdf?day=&lang=ru`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  const lines = (await pdfPages(await response.body())).flat();
  // Абдыкадырова: 2 days × 1 500 + 2 500 paid, capped at Naryn's 2 000 = 5 000;
  // Бекмуратов: 3 000 + 1 200 = 4 200; Джумабаева: 3 000 (no fare); Осмонова: not present.
  expect(lines.some((line) => /Абдыкадырова Айжан .* 2 3 000 2 000 5 000/.test(line))).toBe(true);
  expect(lines.some((line) => /Бекмуратов Нурлан .* 2 3 000 1 200 4 200/.test(line))).toBe(true);
  expect(lines.some((line) => /Джумабаева Чолпон .* 1 1 500 0 1 500/.test(line))).toBe(true);
  expect(lines.join("\n")).not.toContain("Осмонова");
  expect(lines).toContain("Итого по ведомости 5 7 500 3 200 10 700");
  expect(lines).toContain("Итого: десять тысяч семьсот сомов (10 700 сом)");

  // The budget report on the statistics page counts the same register, and the nights booked.
  await page.goto(`/admin/events/${event.id}/statistics`);
  await expectNoSeriousViolations(page);
  await expect(page.getByTestId("budget-by-category").locator("tfoot td")).toHaveText([
    "5",
    "5",
    "2",
    "5",
    "7 500",
    "3 200",
    "10 700",
  ]);
});
