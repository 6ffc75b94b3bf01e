import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { sql } from "./database";
import { DEMO } from "./registration-helpers";
import { signIn } from "./staff-helpers";

test("in Kyrgyz on a phone, the demo's programme reads per day, with its trainers from Bulgaria @phone", async ({
  page,
}) => {
  await page.goto(`/ky${DEMO}`);
  const programme = page.getByRole("region", { name: "Программа", exact: true });
  await expect(programme.getByRole("heading", { level: 3 })).toHaveCount(2);
  const [first, second] = [programme.getByRole("list").nth(0), programme.getByRole("list").nth(1)];
  await expect(first.getByRole("listitem").first()).toContainText("09:00–09:30");
  await expect(first.getByRole("listitem").first()).toContainText("Семинардын ачылышы");
  const talk = first.getByRole("listitem").filter({
    hasText: "Миграциялык саясаттын документтерин иштеп чыгуунун эл аралык тажрыйбасы",
  });
  await expect(talk).toContainText("Мария Петрова (Болгария); Георги Иванов (Болгария)");
  await expect(first.getByRole("listitem").filter({ hasText: "Кофе-брейк" }).first()).toContainText(
    "Тыныгуу",
  );
  await expect(second.getByRole("listitem").filter({ hasText: "Зал А" })).toContainText("А жумушчу тобу");
  await expect(second.getByRole("listitem").last()).toContainText(
    "Семинардын жабылышы: баалоо жана жыйынтыктар",
  );
  // Readable on the phone: nothing wider than its screen.
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
});

test("the API gives the programme per day in the documented shape", async ({ request }) => {
  const body = await (await request.get("/api/events/migration-strategy-seminar")).json();
  expect(body.programme.map((day: { date: string }) => day.date)).toEqual(
    body.days.map((day: { date: string }) => day.date),
  );
  const [opening, talk] = body.programme[0].sessions;
  expect(Object.keys(opening)).toEqual([
    "startsAt",
    "endsAt",
    "kind",
    "title",
    "room",
    "speakers",
    "handouts",
  ]);
  expect(opening).toMatchObject({
    startsAt: body.days[0].startsAt,
    kind: "SESSION",
    title: { ru: "Открытие семинара", ky: "Семинардын ачылышы", en: "Opening of the seminar" },
    room: "Конференц-зал",
    speakers: [],
    handouts: [],
  });
  expect(Array.isArray(body.handouts)).toBe(true);
  expect(talk.speakers).toEqual([
    { name: "Мария Петрова", organization: null, country: "BG" },
    { name: "Георги Иванов", organization: null, country: "BG" },
  ]);
  expect(body.programme[1].sessions.at(-1).endsAt).toBe(body.days[1].endsAt);
});

test("at 360 px an organizer adds a speaker and a session, is told what is wrong, and sees it on the page", async ({
  page,
}) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 360, height: 740 });
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${demo?.id}/programme`);
  await expect(page.getByRole("heading", { name: "Программа", level: 1 })).toBeVisible();

  await page.locator("summary", { hasText: "Добавить спикера" }).click();
  const speakerForm = page
    .locator("details[open]")
    .filter({ has: page.getByRole("button", { name: "Добавить спикера" }) });
  await speakerForm.getByLabel("Имя и фамилия").fill("Айгерим Садыкова");
  await speakerForm.getByLabel("Страна (необязательно)").selectOption("KG");
  await speakerForm.getByRole("button", { name: "Добавить спикера" }).click();
  await expect(speakerForm.getByRole("status")).toHaveText("Сохранено.");

  const secondDay = page.getByRole("region", { name: /09:00–16:30/ });
  await secondDay.locator("summary", { hasText: "Добавить сессию" }).click();
  const form = secondDay.locator("details[open]");
  await form.getByLabel("Тип").selectOption("EXCURSION");
  await form.getByLabel("Начало").fill("15:00");
  await form.getByLabel("Окончание").fill("17:00");
  await form.getByRole("group", { name: "Название" }).getByLabel("Русский").fill("Прогулка по набережной");
  await form.getByRole("group", { name: "Название" }).getByLabel("Кыргызча").fill("Жээк боюнча сейилдөө");
  await form.getByLabel("Айгерим Садыкова, Кыргызстан").check();
  await form.getByRole("button", { name: "Добавить сессию" }).click();
  await expect(form.getByRole("alert").filter({ hasText: "выходит за часы этого дня" })).toBeVisible();

  await form.getByLabel("Окончание").fill("16:00");
  await form.getByRole("button", { name: "Добавить сессию" }).click();
  await expect(secondDay.getByText("Прогулка по набережной")).toBeVisible();
  // It overlaps the closing, and has no room: worth a look, not refused.
  await expect(page.getByRole("alert").filter({ hasText: "Пересекаются по времени" })).toContainText(
    "Прогулка по набережной",
  );
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);

  await page.goto(`/ky${DEMO}`);
  const walk = page.getByRole("region", { name: "Программа", exact: true }).getByRole("listitem").filter({
    hasText: "Жээк боюнча сейилдөө",
  });
  await expect(walk).toContainText("Экскурсия");
  await expect(walk).toContainText("Айгерим Садыкова (Кыргызстан)");

  // The demo as it was, for the other tests.
  await page.goto(`/admin/events/${demo?.id}/programme`);
  const added = page.getByRole("listitem").filter({ hasText: "Прогулка по набережной" });
  await added.locator("summary").click();
  await added.getByRole("button", { name: "Удалить сессию" }).click();
  await expect(page.getByText("Прогулка по набережной")).toHaveCount(0);
  expect(await sql("SELECT id FROM event_session WHERE title->>'ru' = 'Прогулка по набережной'")).toEqual([]);
});

test("the programme editor, a session's form open, has no serious accessibility violation", async ({
  page,
}) => {
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${demo?.id}/programme`);
  await page.locator("li summary", { hasText: "Открытие семинара" }).click();
  await expectNoSeriousViolations(page);
});
