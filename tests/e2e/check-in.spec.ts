import { execFileSync } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { type APIRequestContext, devices, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { insertEventUnderWay, sql } from "./database";

// The door page on a phone: by code, by name, undo, and a whole morning
// without a connection. Each test works on an event of its own, under way
// (insertEventUnderWay), so that their counts do not disturb each other.

test.skip(({ isMobile }) => !isMobile, "the door page is tested on the phone");

/** Runs SQL on the database of the server under test, as an admin tool would. */
/** A check-in account made with `npm run staff:create`, signed in on the page. */
async function signInAtTheDoor(page: Page, name: string) {
  const account = { email: `door-${randomUUID().slice(0, 8)}@kattoo.test`, password: `pw-${randomUUID()}` };
  execFileSync(
    "npm",
    ["run", "--silent", "staff:create", "--", "--email", account.email, "--role", "check-in", "--name", name],
    { input: account.password, env: { ...process.env, KATTOO_DATA_DIR: ".data/e2e" } },
  );
  await page.goto("/admin/sign-in");
  await page.getByLabel("Электронная почта").fill(account.email);
  await page.getByLabel("Пароль").fill(account.password);
  await page.getByRole("button", { name: "Войти" }).click();
  await expect(page).toHaveURL("/admin");
}

// Cyrillic letters only, so that a name is found by a part no other test uses.
const LETTERS = "бвгдзклмнпрстфхчшңөү";
const cyrillicTag = () => Array.from({ length: 6 }, () => LETTERS[randomInt(LETTERS.length)]).join("");

type Participant = { id: string; code: string; lastName: string; firstName: string };

/** Registers someone through the public API and makes sure they are confirmed, whatever seats are left. */
async function confirmedParticipant(
  request: APIRequestContext,
  slug: string,
  firstName: string,
): Promise<Participant> {
  const email = `door-${randomUUID().slice(0, 8)}@example.kg`;
  const response = await request.post(`/api/events/${slug}/registrations`, {
    data: {
      lastName: "Эшимова",
      firstName,
      organization: "Айыл өкмөтү",
      position: "Адис",
      category: "GOVERNMENT",
      region: "NARYN",
      email,
      phone: "+996 555 000 111",
      gender: "FEMALE",
      consent: true,
    },
    headers: { "x-forwarded-for": `203.0.113.${randomInt(1, 250)}` },
  });
  expect(response.status()).toBe(202);
  const [row] = await sql<{ id: string; code: string }>(
    `UPDATE registration SET status = 'CONFIRMED' WHERE email = $1 RETURNING id, check_in_code AS code`,
    [email],
  );
  if (!row) throw new Error("registration not found");
  return { ...row, lastName: "Эшимова", firstName };
}

async function doorEvent() {
  const event = await insertEventUnderWay({ title: "Семинар у входа", slugPrefix: "door" });
  return { eventId: event.id, slug: event.slug, first: event.first, second: event.second };
}

const rowsOn = async (dayId: string, registrationIds: string[]) =>
  sql<{ registration_id: string }>(
    "SELECT registration_id FROM attendance WHERE event_day_id = $1 AND registration_id = ANY($2::uuid[])",
    [dayId, registrationIds],
  );

const presentCount = async (page: Page) => Number(await page.getByTestId("present-count").textContent());

async function openDoor(page: Page, eventId: string, dayId: string) {
  await page.goto(`/admin/events/${eventId}/check-in?day=${dayId}`);
  await expect(page.getByText(/Список обновлён в/)).toBeVisible();
  await expect(page.getByTestId("waiting")).toHaveText("Все отметки отправлены");
}

async function markByCode(page: Page, participant: Participant) {
  await page.getByLabel("Код регистрации").fill(participant.code.toLowerCase());
  const card = page.getByRole("article", { name: `${participant.lastName} ${participant.firstName}` });
  await card.getByRole("button", { name: "Отметить" }).click();
}

async function markByName(page: Page, participant: Participant, part: string) {
  await page.getByLabel("Поиск по имени").fill(part);
  const card = page.getByRole("article", { name: `${participant.lastName} ${participant.firstName}` });
  await card.getByRole("button", { name: "Отметить" }).click();
}

test("a participant is checked in by code and another by name, one mark is undone, and the count follows @phone", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const days = await doorEvent();
  const tag = cyrillicTag();
  const byCode = await confirmedParticipant(request, days.slug, `Айзада${tag}`);
  const byName = await confirmedParticipant(request, days.slug, `Бермет${tag}`);
  await signInAtTheDoor(page, "Дежурный у входа");
  await openDoor(page, days.eventId, days.first);
  const before = await presentCount(page);

  await markByCode(page, byCode);
  await expect(page.getByTestId("present-count")).toHaveText(String(before + 1));
  await expect(page.getByTestId("waiting")).toHaveText("Все отметки отправлены");

  await markByName(page, byName, `эшим БЕРМЕТ${tag.toUpperCase()}`);
  await expect(page.getByTestId("present-count")).toHaveText(String(before + 2));
  await expect(page.getByTestId("waiting")).toHaveText("Все отметки отправлены");
  await expect.poll(async () => (await rowsOn(days.first, [byCode.id, byName.id])).length).toBe(2);

  await page.getByRole("button", { name: `Отменить отметку: Эшимова Бермет${tag}` }).click();
  await expect(page.getByTestId("present-count")).toHaveText(String(before + 1));
  await expect(page.getByTestId("waiting")).toHaveText("Все отметки отправлены");
  await expect.poll(async () => (await rowsOn(days.first, [byCode.id, byName.id])).length).toBe(1);

  // Someone already in shows when, and by whom; there is nothing more to tap.
  await page.getByLabel("Код регистрации").fill(byCode.code);
  const card = page.getByRole("article", { name: `Эшимова Айзада${tag}` });
  await expect(card.getByTestId("present")).toHaveText(
    /Пришёл\(ла\) в \d\d:\d\d · отметил\(а\) Дежурный у входа/,
  );
  await expect(card.getByRole("button", { name: "Отметить" })).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // In Kyrgyz the door keeps 24-hour time, though the browser has no Kyrgyz clock of its own.
  await page.getByRole("button", { name: "Кыргызча" }).click();
  await expect(page.getByText(/^Тизме \d\d:\d\d жаңыланды$/)).toBeVisible();
});

async function shellCached(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        const cache = await caches.open("kattoo-door-v1");
        return Boolean(await cache.match(window.location.pathname));
      }),
    )
    .toBe(true);
}

test("without a connection, marks wait on the phone, survive a reload, and are sent once when it returns @phone", async ({
  page,
  context,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const days = await doorEvent();
  const tag = cyrillicTag();
  const [first, second, third] = [
    await confirmedParticipant(request, days.slug, `Гүлнара${tag}`),
    await confirmedParticipant(request, days.slug, `Динара${tag}`),
    await confirmedParticipant(request, days.slug, `Элмира${tag}`),
  ] as [Participant, Participant, Participant];
  const ids = [first.id, second.id, third.id];
  await signInAtTheDoor(page, "Первый телефон");
  await openDoor(page, days.eventId, days.second);
  await shellCached(page);
  const before = await presentCount(page);

  await context.setOffline(true);
  await expect(page.getByTestId("connection")).toContainText("Нет связи");
  await markByCode(page, first);
  await markByName(page, second, `динара${tag}`);
  await markByCode(page, third);
  // The first one again: already marked on this phone, nothing more to tap.
  await page.getByLabel("Код регистрации").fill(first.code);
  const again = page.getByRole("article", { name: `Эшимова Гүлнара${tag}` });
  await expect(again.getByTestId("present")).toContainText("ждёт отправки");
  await expect(again.getByRole("button", { name: "Отметить" })).toHaveCount(0);
  await expect(page.getByTestId("waiting")).toHaveText("3 отметки ждут отправки");
  await expect(page.getByTestId("present-count")).toHaveText(String(before + 3));

  await page.reload();
  await expect(page.getByTestId("connection")).toContainText("Нет связи");
  await expect(page.getByTestId("waiting")).toHaveText("3 отметки ждут отправки");
  await expect(page.getByTestId("present-count")).toHaveText(String(before + 3));
  expect(await rowsOn(days.second, ids)).toHaveLength(0);

  // Meanwhile a second phone, online, marks the first participant too.
  const otherPhone = await browser.newContext({
    ...devices["Pixel 7"],
    baseURL: test.info().project.use.baseURL,
  });
  const other = await otherPhone.newPage();
  await signInAtTheDoor(other, "Второй телефон");
  await openDoor(other, days.eventId, days.second);
  await markByCode(other, first);
  await expect(other.getByTestId("waiting")).toHaveText("Все отметки отправлены");
  await otherPhone.close();

  await context.setOffline(false);
  await expect(page.getByTestId("waiting")).toHaveText("Все отметки отправлены", { timeout: 30_000 });
  await expect(page.getByTestId("connection")).toContainText("В сети");
  // The second phone's mark came first and is kept; this phone is told so.
  await expect(page.getByTestId("notices")).toContainText(`Эшимова Гүлнара${tag} уже был(а) отмечен(а)`);
  const rows = await rowsOn(days.second, ids);
  expect(rows.map((row) => row.registration_id).sort()).toEqual([...ids].sort());
  const [{ count }] = (await sql<{ count: number }>(
    "SELECT count(*)::int AS count FROM attendance WHERE event_day_id = $1",
    [days.second],
  )) as [{ count: number }];
  await expect(page.getByTestId("present-count")).toHaveText(String(count));
  expect(count).toBe(before + 3);
});

test("the door page's first load on a phone, offline copy included, stays under 450 kB @phone", async ({
  page,
  browser,
}) => {
  test.setTimeout(60_000);
  // The demo seminar, with its list of participants; nothing is marked.
  const [demo] = await sql<{ event_id: string; id: string }>(
    `SELECT d.event_id, d.id FROM event_day d JOIN event e ON e.id = d.event_id
     WHERE e.slug = 'migration-strategy-seminar' ORDER BY d.starts_at LIMIT 1`,
  );
  if (!demo) throw new Error("no demo seminar");
  const days = { eventId: demo.event_id, first: demo.id };
  await signInAtTheDoor(page, "Замер");
  // A phone that has never opened Kattoo but this session: nothing in its cache.
  const phone = await browser.newContext({
    ...devices["Pixel 7"],
    baseURL: test.info().project.use.baseURL,
    storageState: await page.context().storageState(),
  });
  const door = await phone.newPage();
  const cdp = await phone.newCDPSession(door);
  await cdp.send("Network.enable");
  let bytes = 0;
  let requests = 0;
  cdp.on("Network.loadingFinished", (event) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  await openDoor(door, days.eventId, days.first);
  const shown = bytes;
  await shellCached(door);
  await phone.close();
  test.info().annotations.push({
    type: "first load",
    description: `${shown} bytes until the list shows; ${bytes} bytes in ${requests} requests with the offline copy`,
  });
  console.log(
    `Door page, first load: ${shown} B until the list shows, ${bytes} B in ${requests} requests in all`,
  );
  expect(bytes).toBeLessThan(450_000);
});

/** The door's keys in the phone's storage, and whether any holds a list of names. */
const doorStorage = (page: Page) =>
  page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith("kattoo.door.")));

test("signing out removes the list of names from the phone @phone", async ({ page, request }) => {
  const days = await doorEvent();
  const participant = await confirmedParticipant(request, days.slug, `Сезим${cyrillicTag()}`);
  await signInAtTheDoor(page, "Дежурная у входа");
  await openDoor(page, days.eventId, days.first);
  expect(await doorStorage(page)).toContain(`kattoo.door.${days.eventId}.roster`);
  expect(
    await page.evaluate((key) => window.localStorage.getItem(key), `kattoo.door.${days.eventId}.roster`),
  ).toContain(participant.code);

  await page.getByRole("button", { name: "Выйти" }).click();
  await expect(page).toHaveURL("/admin/sign-in");
  expect((await doorStorage(page)).filter((key) => key.endsWith(".roster"))).toEqual([]);
  const stored = await page.evaluate(() => JSON.stringify(window.localStorage));
  expect(stored).not.toContain(participant.code);
  expect(stored).not.toContain(participant.firstName);
});

test("an ended event's door data, and another account's marks not yet sent, are removed when a door opens @phone", async ({
  page,
  request,
}) => {
  test.setTimeout(90_000);
  const days = await doorEvent();
  const participant = await confirmedParticipant(request, days.slug, `Нурай${cyrillicTag()}`);
  await signInAtTheDoor(page, "Первая смена");
  await openDoor(page, days.eventId, days.first);
  // What a phone would hold from an event whose last day is over.
  const ended = "00000000-0000-4000-8000-000000000001";
  await page.evaluate((eventId) => {
    window.localStorage.setItem(`kattoo.door.${eventId}.keepUntil`, JSON.stringify("2020-01-01T00:00:00Z"));
    window.localStorage.setItem(`kattoo.door.${eventId}.roster`, JSON.stringify({ participants: [] }));
  }, ended);
  await page.reload();
  await expect(page.getByText(/Список обновлён в/)).toBeVisible();
  expect((await doorStorage(page)).filter((key) => key.includes(ended))).toEqual([]);

  // A mark made offline; the session lapses before it is sent, and someone
  // else signs in on the phone: it is not sent in their name.
  await page.context().setOffline(true);
  await markByCode(page, participant);
  await page.context().clearCookies();
  await page.context().setOffline(false);
  await expect(page.getByText(/Сеанс закончился/)).toBeVisible();
  await signInAtTheDoor(page, "Вторая смена");
  await openDoor(page, days.eventId, days.first);
  expect(await rowsOn(days.first, [participant.id])).toEqual([]);
});
