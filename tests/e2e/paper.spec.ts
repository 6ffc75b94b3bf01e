import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { pdfPages } from "../support/pdf-text";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { sql } from "./database";
import { createTestEvent, registerThroughApi } from "./event-helpers";
import { ADMIN, createStaff, signIn } from "./staff-helpers";

// The day's signature sheet and the certificates of attendance, as staff,
// participants and anyone checking a certificate meet them.

/** Signs in and waits until the staff area opens. */
async function signInAs(page: Page, account: { email: string; password: string }) {
  await signIn(page, account);
  await expect(page).not.toHaveURL("/admin/sign-in", { timeout: 30_000 });
}

/** A published two-day event of this file's own, ten days ahead (a test moves it into the past). */
const createEvent = () =>
  createTestEvent({ title: { ru: "Семинар по документам", en: "Paperwork seminar" }, slug: "paper" });
const register = (
  request: APIRequestContext,
  slug: string,
  person: { lastName: string; firstName: string },
) => registerThroughApi(request, slug, { ...person, emailPrefix: "paper" });

test("only organizers and admins get a signature sheet, and only with sound parameters", async ({
  page,
  browser,
  request,
}) => {
  // Three accounts sign in (Argon2 on purpose takes its time).
  test.setTimeout(120_000);
  const event = await createEvent();
  const sheet = (query: string) => `/admin/events/${event.id}/paper/signature-sheet?${query}`;
  const valid = sheet(`day=${event.dayIds[0]}&blank=3`);

  const anonymous = await request.get(valid, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toEqual({ error: "unauthorized" });

  // The sheet's address names a day: a check-in account, which may not have
  // it, is told nothing about it (docs/decisions/038-viewer-data-minimization.md).
  await signInAs(page, createStaff("check-in"));
  expect((await page.request.get(valid, { maxRedirects: 0 })).status()).toBe(404);

  for (const account of [createStaff("organizer"), ADMIN]) {
    const context = await browser.newContext();
    await signInAs(await context.newPage(), account);
    const response = await context.request.get(valid);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    expect(response.headers()["cache-control"]).toContain("no-store");
    const pages = await pdfPages(await response.body());
    expect(pages[0]?.[1]).toBe(event.title);
    expect(pages.flat().filter((line) => /^\d+$/.test(line))).toEqual(["1", "2", "3"]);

    expect((await context.request.get(sheet(`day=${event.dayIds[0]}&blank=101`))).status()).toBe(400);
    expect((await context.request.get(sheet(`day=${event.dayIds[0]}&blank=-1`))).status()).toBe(400);
    expect((await context.request.get(sheet("day=not-a-day"))).status()).toBe(400);
    expect((await context.request.get(sheet(`day=${randomUUID()}`))).status()).toBe(404);
    await context.close();
  }
});

test("an organizer prints the day's sheet and gives certificates; the participant downloads one and anyone verifies it", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const event = await createEvent();
  const person = { lastName: "Өмүрбекова", firstName: `Айгүл${randomUUID().slice(0, 4)}` };
  const name = `${person.lastName} ${person.firstName}`;
  const participant = await register(request, event.slug, person);
  const oneDay = await register(request, event.slug, { lastName: "Ңаматов", firstName: "Бакыт" });
  // At the door: she came both days, he came on the first only.
  await sql(
    `INSERT INTO attendance (id, registration_id, event_day_id)
     SELECT gen_random_uuid(), r.id, d.id FROM registration r JOIN event_day d ON d.event_id = r.event_id
     WHERE r.event_id = $1 AND (r.email = $2 OR d.id = $3)`,
    [event.id, participant.email, event.dayIds[0]],
  );

  await signInAs(page, createStaff("organizer"));
  await page.goto(`/admin/events/${event.id}`);
  await page
    .getByRole("navigation", { name: "Это мероприятие" })
    .getByRole("link", { name: "Документы" })
    .click();
  await expect(page.getByRole("heading", { name: "Документы" })).toBeVisible();

  // Ten days ahead, marks or not: no certificate before the last day, and no ✓ on the sheet.
  await page.getByLabel("Сколько дней нужно посетить").selectOption({ label: "2 из 2" });
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByTestId("certificates-not-ended")).toContainText(
    "Сертификаты выдаются после последнего дня мероприятия",
  );
  await expect(page.getByTestId("certificate-holders")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Отправить сертификаты по почте" })).toHaveCount(0);
  const early = await page.request.get(
    `/admin/events/${event.id}/paper/signature-sheet?day=${event.dayIds[1]}&blank=0&lang=ru`,
  );
  expect((await pdfPages(await early.body())).flat().join("\n")).not.toContain("✓");
  const before = await (await browser.newContext()).newPage();
  await before.goto(participant.manageUrl);
  await expect(before.getByTestId("registration-status")).toBeVisible();
  await expect(before.getByRole("heading", { name: "Сертификат участника" })).toHaveCount(0);
  await before.context().close();

  // The seminar takes place: its days move into the past.
  await sql(
    `UPDATE event_day SET date = date - 13, starts_at = starts_at - interval '13 days',
                          ends_at = ends_at - interval '13 days'
     WHERE event_id = $1`,
    [event.id],
  );
  await page.reload();

  await page.getByLabel("День", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Пустые строки для пришедших без регистрации").fill("2");
  const [opened] = await Promise.all([
    page.waitForResponse((response) => response.url().includes("/signature-sheet?")),
    page.getByRole("button", { name: "Открыть лист (PDF)" }).click(),
  ]);
  expect(opened.url()).toContain(`?day=${event.dayIds[1]}&blank=2&lang=ru`);
  // Chromium may hand a PDF to its viewer or to a download: read it again here.
  const sheet = await page.request.get(opened.url());
  expect(sheet.status()).toBe(200);
  const rows = (await pdfPages(await sheet.body())).flat().filter((line) => /^\d+( |$)/.test(line));
  expect(rows).toHaveLength(4);
  expect(rows[0]).toBe("1 Ңаматов Бакыт Нарын шаардык Депутат");
  expect(rows[1]).toMatch(/^2 Өмүрбекова .* ✓$/);
  expect(rows.slice(2)).toEqual(["3", "4"]);

  await page.goto(`/admin/events/${event.id}/paper`);
  await page.getByLabel("Сколько дней нужно посетить").selectOption({ label: "2 из 2" });
  await page.getByLabel("Часов обучения в сертификате").fill("16");
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(
    page.getByRole("status").filter({ hasText: "Настройки сертификатов сохранены." }),
  ).toBeVisible();
  await expect(page.getByTestId("certificate-holders")).toHaveText(
    "Сертификат получают: 1 из 2 подтверждённых участников.",
  );
  const holder = page.getByRole("row", { name: new RegExp(name) });
  await expect(holder).toContainText("ещё не выдан");
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: "Отправить сертификаты по почте" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Писем поставлено в очередь: 1." })).toBeVisible();
  const code = (await holder.getByRole("cell").nth(1).textContent())?.trim() ?? "";
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);

  // The worker renders the certificate and sends the letter within moments.
  const letter = page
    .getByRole("row", { name: new RegExp(participant.email) })
    .getByRole("link", { name: `Сертификат участника: ${event.title}` });
  await expect(async () => {
    await page.goto("/admin/mailbox");
    await expect(letter).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  // The participant, from the link in her letters.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(participant.manageUrl);
  await expect(visitor.getByRole("heading", { name: "Сертификат участника" })).toBeVisible();
  const href = await visitor.getByRole("link", { name: "Скачать сертификат (PDF)" }).getAttribute("href");
  const certificate = await visitor.request.get(href ?? "");
  expect(certificate.status()).toBe(200);
  expect(certificate.headers()["content-disposition"]).toMatch(/^attachment; filename="certificate-paper-/);
  const text = (await pdfPages(await certificate.body())).flat().join("\n");
  expect(text).toContain(name);
  expect(text).toContain(`Код проверки: ${code}`);

  // Anyone with the code: the name, the event, the dates, and nothing else.
  const verify = await visitor.goto(`/verify/${code}`);
  expect(verify?.status()).toBe(200);
  await expect(visitor.getByRole("heading", { name: "Проверка сертификата" })).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Сертификат действителен" })).toBeVisible();
  await expect(visitor.getByTestId("certificate-name")).toHaveText(name);
  await expectNoSeriousViolations(visitor);
  const main = visitor.getByRole("main");
  await expect(main).toContainText(event.title);
  await expect(main).toContainText(/Даты\s*\d+.*\d{4}/);
  for (const privateDetail of [participant.email, "+996", "Нарын шаардык кеңеши", "Депутат"]) {
    await expect(main).not.toContainText(privateDetail);
  }
  await visitor.goto(`/en/verify/${code.toLowerCase()}`);
  await expect(visitor.getByRole("heading", { name: "This certificate is valid" })).toBeVisible();
  await expect(visitor.getByRole("main")).toContainText(`Paperwork seminar ${event.id.slice(0, 6)}`);

  const unknown = await visitor.goto("/verify/AAAA-BBBB-CCCC");
  expect(unknown?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "Сертификат не найден" })).toBeVisible();
  await expectNoSeriousViolations(visitor);
  expect((await visitor.goto("/ky/verify/not-a-code"))?.status()).toBe(404);
  await expect(visitor.getByRole("heading", { name: "Сертификат табылган жок" })).toBeVisible();
  // Not a dead end: the way home, in the page's language.
  await expect(visitor.getByRole("main").getByRole("link", { name: "Башкы бетке" })).toHaveAttribute(
    "href",
    "/ky",
  );

  // The one who came on one day only has nothing to download.
  await visitor.goto(oneDay.manageUrl);
  await expect(visitor.getByTestId("registration-status")).toBeVisible();
  await expect(visitor.getByRole("heading", { name: "Сертификат участника" })).toHaveCount(0);
  expect((await visitor.request.get(`${oneDay.manageUrl}/certificate`)).status()).toBe(404);
  await visitor.context().close();
});
