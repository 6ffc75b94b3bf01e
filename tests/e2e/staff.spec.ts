import { createHash, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { insertRegistrations } from "../support/bulk-registrations";
import { insertClosedEvent, sql } from "./database";
import { demoAnswers } from "./registration-helpers";
import { ADMIN, createStaff, openDemoRegistrations, signIn } from "./staff-helpers";

test("anonymous visitors are sent to sign in, and a wrong password is refused", async ({ page, request }) => {
  expect((await request.get("/admin/mailbox", { maxRedirects: 0 })).headers().location).toBe(
    "/admin/sign-in",
  );
  await signIn(page, { email: ADMIN.email, password: "not-the-password-at-all" });
  await expect(page.getByRole("alert").filter({ hasText: "Неверный адрес или пароль" })).toBeVisible();
  await expect(page).toHaveURL("/admin/sign-in");
});

/** Every staff page, read from the code so that a new one cannot be forgotten; ids made up. */
function staffPages(): string[] {
  const root = "app/admin/(staff)";
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("page.tsx"))
    .map((file) => `/admin/${path.dirname(file)}`.replace(/\/\.$/, "").replace(/\[[^\]]+\]/g, randomUUID()));
}

test("every staff page sends the anonymous to sign in and a check-in account to “no access”, but for its own account, the events and the door", async ({
  page,
  request,
}) => {
  // A dozen pages, each loaded in turn.
  test.setTimeout(90_000);
  const pages = staffPages();
  expect(pages).toContain("/admin/mailbox");
  for (const url of pages) {
    expect((await request.get(url, { maxRedirects: 0 })).headers().location, url).toBe("/admin/sign-in");
  }
  await signIn(page, createStaff("check-in"));
  await expect(page).toHaveURL("/admin");
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL("/admin/denied");
  await expect(page.getByRole("heading", { name: "Нет доступа" })).toBeVisible();
  // Every staff member manages their own account, sees the events and works their doors.
  // A made-up id names nothing: "not found", whoever asks (decision 030).
  const open = (url: string) => url === "/admin/account" || url === "/admin" || /\/check-in$/.test(url);
  const madeUp = (url: string) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(url);
  for (const url of pages) {
    await page.goto(url);
    await expect(page, url).toHaveURL(open(url) || madeUp(url) ? url : "/admin/denied");
    if (madeUp(url))
      await expect(page.getByRole("heading", { level: 1 }), url).toHaveText("Страница не найдена");
  }
  // On an event that exists, the pages other than the door are "no access".
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  for (const tab of ["", "/letters", "/statistics", "/settings", "/team"]) {
    await page.goto(`/admin/events/${demo?.id}${tab}`);
    await expect(page, tab).toHaveURL("/admin/denied");
  }
  await page.goto(`/admin/events/${demo?.id}/check-in`);
  await expect(page).toHaveURL(`/admin/events/${demo?.id}/check-in`);
});

test("guesses at an account make it wait, but not for its owner's browser that signed in before", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  const account = createStaff("organizer");
  // The owner signs in once: the browser keeps a device cookie for the account.
  await signIn(page, account);
  await expect(page).toHaveURL("/admin");
  await page.context().clearCookies({ name: "authjs.session-token" });

  const attacker = await browser.newPage();
  for (let attempt = 0; attempt < 5; attempt++) {
    await signIn(attacker, { email: account.email, password: "wrong-password-guess" });
    await expect(attacker.getByRole("alert").filter({ hasText: "Неверный адрес или пароль" })).toBeVisible();
  }
  // As after an hour of guessing: the next attempt must wait minutes (the
  // throttle keeps each key's SHA-256).
  const key = createHash("sha256").update(`signin:account:${account.email}`).digest("base64url");
  await sql("UPDATE attempt_throttle SET attempts = 10, last_attempt_at = now() WHERE key = $1", [key]);
  // Even the right password is refused elsewhere, with the same answer…
  await signIn(attacker, account);
  await expect(attacker.getByRole("alert").filter({ hasText: "Неверный адрес или пароль" })).toBeVisible();
  await expect(attacker).toHaveURL("/admin/sign-in");
  // …while the owner's browser is let in.
  await signIn(page, account);
  await expect(page).toHaveURL("/admin");
});

test("an organizer finds a participant by part of a Cyrillic name and moves seats, and the letters show in the mailbox", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  // Four people for the sector "Other", which has three seats.
  const tag = randomUUID().slice(0, 6);
  const names = ["Айдай", "Бекзат", "Чынара", "Нурсултан"].map((name) => `${name}-${tag}`);
  const emailOf = (index: number) => `sector-other-${index}-${tag}@example.kg`;
  for (const [index, firstName] of names.entries()) {
    const response = await request.post("/api/events/migration-strategy-seminar/registrations", {
      data: {
        lastName: "Жумабаева",
        firstName,
        organization: "Институт",
        position: "Эксперт",
        category: "OTHER",
        region: "BISHKEK_CITY",
        email: emailOf(index),
        phone: "+996 312 000 000",
        gender: "FEMALE",
        consent: true,
        answers: await demoAnswers(request),
      },
      headers: { "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200)}` },
    });
    expect(response.status()).toBe(202);
  }

  await signIn(page);
  await expect(page.getByRole("heading", { name: "События" })).toBeVisible();
  await openDemoRegistrations(page);

  await page.getByLabel("Поиск").fill(`Нурсу`);
  await page.getByLabel("Сектор").selectOption({ label: "Другие" });
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page.getByTestId("found")).toHaveText("Найдена 1 регистрация");
  await expect(page.getByRole("row", { name: new RegExp(names[3] ?? "") }).getByTestId("status")).toHaveText(
    "Лист ожидания",
  );

  // Move Чынара to the waiting list: her seat goes to Нурсултан, first in line.
  await page.getByLabel("Поиск").fill(names[2] ?? "");
  await page.getByRole("button", { name: "Показать" }).click();
  await page.getByRole("checkbox", { name: new RegExp(names[2] ?? "") }).check();
  await page.getByLabel("Действие с выбранными").selectOption("WAITLISTED");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Изменить статус" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Изменено:" })).toHaveText(
    /Изменено: 1\. Не изменено: 0/,
  );

  // Confirming her again finds no seat left in the sector.
  await page.getByRole("checkbox", { name: new RegExp(names[2] ?? "") }).check();
  await page.getByLabel("Действие с выбранными").selectOption("CONFIRMED");
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Изменить статус" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Изменено:" })).toHaveText(
    /Изменено: 0\. Не изменено: 1/,
  );

  await page.getByLabel("Поиск").fill(names[3] ?? "");
  await page.getByRole("button", { name: "Показать" }).click();
  await expect(page.getByTestId("status")).toHaveText("Подтверждена");

  // Her history records who moved her, and when.
  await page.getByLabel("Поиск").fill(names[2] ?? "");
  await page.getByRole("button", { name: "Показать" }).click();
  await page
    .getByRole("table")
    .getByRole("link", { name: new RegExp(names[2] ?? "") })
    .click();
  await expect(page.getByRole("region", { name: "История" })).toContainText(
    "Изменение статуса: Подтверждена → Лист ожидания · admin@kattoo.test",
  );

  // The letter that told Нурсултан, in the local mailbox.
  await page.getByRole("link", { name: "Почтовый ящик" }).click();
  const promoted = page
    .getByRole("row", { name: new RegExp(emailOf(3)) })
    .getByRole("link", { name: /^Место освободилось/ });
  await expect(promoted).toBeVisible({ timeout: 15_000 });
  await promoted.click();
  await expect(page.frameLocator("iframe").getByText("Для вас освободилось место")).toBeVisible();
});

test("an admin starts the next event from the demo, writes its Kyrgyz title, publishes it and finds it on the home page", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const kyrgyzTitle = `Миграция боюнча экинчи семинар ${randomUUID().slice(0, 6)}`;
  await signIn(page);
  await page.getByRole("link", { name: "Настройки" }).first().click();
  await page.getByRole("button", { name: "Создать копию для следующего события" }).click();
  await expect(page.getByTestId("event-status")).toHaveText("Черновик");

  // A title of its own in Russian too, so that the demo stays the only "трудовой миграции" on the site.
  await page.getByLabel("Название · Русский").fill(`Второй семинар ${kyrgyzTitle.slice(-6)}`);
  await page.getByLabel("Название · Кыргызча").fill(kyrgyzTitle);
  await page.getByRole("button", { name: "Сохранить" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
  await expect(page.getByLabel("Название · Кыргызча")).toHaveValue(kyrgyzTitle);

  await page.getByRole("button", { name: "Опубликовать" }).click();
  await expect(page.getByTestId("event-status")).toHaveText("Опубликовано");

  await page.goto("/ky");
  await expect(page.getByRole("link", { name: kyrgyzTitle })).toBeVisible();
});

/** Runs SQL on the database of the server under test, as an admin tool would. */
test("an account disabled, demoted or signed out everywhere loses access on its next request", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const account = createStaff("organizer");
  await signIn(page, account);
  await expect(page).toHaveURL("/admin");

  await sql(`UPDATE staff_user SET role = 'CHECK_IN' WHERE email = $1`, [account.email]);
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL("/admin/denied");

  await sql(
    `UPDATE staff_user SET role = 'ORGANIZER', session_version = session_version + 1 WHERE email = $1`,
    [account.email],
  );
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL("/admin/sign-in");

  await signIn(page, account);
  await expect(page).toHaveURL("/admin");
  await sql(`UPDATE staff_user SET disabled_at = now() WHERE email = $1`, [account.email]);
  await page.goto("/admin");
  await expect(page).toHaveURL("/admin/sign-in");
  await signIn(page, account);
  await expect(page).toHaveURL("/admin/sign-in");
});

test("a staff member changes their password, which ends the session; only the new one opens it again", async ({
  page,
}) => {
  test.setTimeout(60_000);
  const account = createStaff("organizer");
  await signIn(page, account);
  await page.getByRole("link", { name: account.email }).click();
  const change = async (current: string, next: string, repeat = next) => {
    await page.getByLabel("Текущий пароль").fill(current);
    await page.getByLabel("Новый пароль", { exact: true }).fill(next);
    await page.getByLabel("Новый пароль ещё раз").fill(repeat);
    await page.getByRole("button", { name: "Сменить пароль" }).click();
  };
  await change("not-my-password", "a-brand-new-password-42");
  await expect(page.getByRole("alert").filter({ hasText: "Текущий пароль неверен." })).toBeVisible();
  await change(account.password, "a-brand-new-password-42", "something-else-entirely");
  await expect(page.getByRole("alert").filter({ hasText: "Пароли не совпадают." })).toBeVisible();
  await change(account.password, "a-brand-new-password-42");
  await expect(page).toHaveURL("/admin/sign-in");

  await signIn(page, account);
  await expect(page.getByRole("alert").filter({ hasText: "Неверный адрес или пароль" })).toBeVisible();
  await signIn(page, { email: account.email, password: "a-brand-new-password-42" });
  await expect(page).toHaveURL("/admin");
});

test("an organizer pages forward and back through a filtered list sorted by name, each row once", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const eventId = await insertClosedEvent({
    title: "Семинар для страниц",
    slugPrefix: "pages",
    capacity: 500,
  });
  await insertRegistrations((query, values) => sql(query, values), {
    eventId,
    count: 500,
    tag: randomUUID(),
  });
  const expected = (
    await sql<{ number: number }>(
      `SELECT number FROM registration WHERE event_id = $1 AND category = 'LOCAL_GOVERNMENT'
       ORDER BY last_name DESC, first_name DESC, number DESC`,
      [eventId],
    )
  ).map((row) => String(row.number));
  expect(expected).toHaveLength(125);

  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${eventId}`);
  await page.getByLabel("Сектор").selectOption({ label: "Местное самоуправление" });
  await page.getByLabel("Порядок").selectOption({ label: "По фамилии" });
  await page.getByLabel("В обратном порядке").check();
  await expect(page).toHaveURL(/desc=1/);
  await expect(page.getByTestId("found")).toHaveText("Найдено 125 регистраций");

  const pages = page.getByRole("navigation", { name: "Страницы списка" });
  const numbers = () => page.getByTestId("number").allTextContents();
  /** Follows a link of the pages' navigation; resolves with the numbers the next page shows. */
  const turn = async (name: "Вперёд" | "Назад") => {
    const first = (await numbers())[0] ?? "";
    await pages.getByRole("link", { name }).click();
    await expect(page.getByTestId("number").first()).not.toHaveText(first);
    return numbers();
  };
  await expect(pages.getByRole("link", { name: "Назад" })).toHaveCount(0);
  const forwards = [await numbers(), await turn("Вперёд"), await turn("Вперёд")];
  expect(forwards.map((shown) => shown.length)).toEqual([50, 50, 25]);
  await expect(pages.getByRole("link", { name: "Вперёд" })).toHaveCount(0);
  expect(forwards.flat()).toEqual(expected);

  await expect(pages.getByRole("link", { name: "В начало" })).toBeVisible();
  expect(await turn("Назад")).toEqual(forwards[1]);
  expect(await turn("Назад")).toEqual(forwards[0]);
  await expect(pages.getByRole("link", { name: "Назад" })).toHaveCount(0);
  await expect(pages.getByRole("link", { name: "В начало" })).toHaveCount(0);
  await expect(page.getByTestId("found")).toHaveText("Найдено 125 регистраций");
});

test("on a phone the staff header takes two short lines, and every link in it stays reachable", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  for (const language of ["Кыргызча", "Русский"]) {
    await page.getByRole("button", { name: language }).click();
    await expect(page.getByRole("button", { name: language })).toHaveAttribute("aria-pressed", "true");
    // It took about 200 px, a quarter of the screen, before the page began.
    const header = await page.locator("header").first().boundingBox();
    expect(header?.height).toBeLessThan(100);
    const nav = page.getByRole("navigation").first();
    // An admin's eight links, the Instance page's and the organizations' among them.
    expect(await nav.getByRole("link").count()).toBe(8);
    // The links scroll sideways inside the header, never the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  }
  await page.getByRole("link", { name: "Журнал действий" }).click();
  await expect(page.getByRole("heading", { name: "Журнал действий", level: 1 })).toBeVisible();

  // An event's tabs scroll the same way; the page open is the tab in view, however far down the row.
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  await page.goto(`/admin/events/${demo?.id}/team`);
  const tabs = page.getByRole("navigation", { name: "Это мероприятие" });
  await expect(tabs.getByRole("link", { name: "Команда" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "Команда" })).toBeInViewport({ ratio: 1 });
});

test("a staff page asks the server for no page it was not asked for, and its links still open without a reload", async ({
  page,
}) => {
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  // Next prefetched every link in view: 36 renders of other pages for the list of events alone.
  const prefetched: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(request.url());
  });
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  for (const path of ["/admin", `/admin/events/${demo?.id}`, `/admin/events/${demo?.id}/statistics`]) {
    await page.goto(path);
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
  }
  // A click is a client-side navigation still: the page it left keeps its state.
  await page.evaluate(() => {
    (window as { kept?: boolean }).kept = true;
  });
  await page
    .getByRole("navigation", { name: "Это мероприятие" })
    .getByRole("link", { name: "Команда" })
    .click();
  await expect(page.getByRole("heading", { name: "Команда", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as { kept?: boolean }).kept)).toBe(true);
  expect(prefetched).toEqual([]);
});
