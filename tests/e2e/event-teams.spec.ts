import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { insertEventUnderWay, sql } from "./database";
import { signIn, staffAccount } from "./staff-helpers";

// Two events, two teams (issue 17): an organizer of A, put on A's team from
// the command line, finds nothing of B — its pages, a registration, its files
// and the door's API all answer "not found"; a viewer, added on B's Team tab
// by an admin, sees B's figures and its list without anyone's contact details.

async function signedIn(browser: Browser, account: { email: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, account);
  await expect(page.getByRole("heading", { name: "События" })).toBeVisible();
  return page;
}

async function expectNotFound(page: Page, path: string) {
  await page.goto(path);
  await expect(page.getByRole("heading", { level: 1 }), path).toHaveText("Страница не найдена");
}

test("an organizer of event A reaches nothing of event B; a viewer of B sees its figures and names, no contacts", async ({
  page,
  browser,
  request,
}) => {
  // Two accounts made from the command line and three browsers: more than a page's usual half minute.
  test.setTimeout(120_000);
  const a = await insertEventUnderWay({ title: "Семинар команды А", slugPrefix: "team-a" });
  const b = await insertEventUnderWay({ title: "Семинар команды Б", slugPrefix: "team-b" });
  const email = `team-b-${randomUUID().slice(0, 8)}@example.kg`;
  const registered = await request.post(`/api/events/${b.slug}/registrations`, {
    data: {
      lastName: "Токтосунова",
      firstName: "Айзада",
      organization: "Айыл өкмөтү",
      position: "Адис",
      category: "GOVERNMENT",
      region: "NARYN",
      email,
      phone: "+996 555 000 222",
      gender: "FEMALE",
      consent: true,
    },
    headers: { "x-forwarded-for": "203.0.113.77" },
  });
  expect(registered.status()).toBe(202);
  const [registration] = await sql<{ id: string }>("SELECT id FROM registration WHERE email = $1", [email]);

  const organizer = staffAccount(["--event", a.slug, "--event-role", "organizer"]);
  const viewer = staffAccount(["--role", "staff"]);

  // The admin puts the viewer on B's team from its Team tab.
  await signIn(page);
  await expect(page.getByRole("heading", { name: "События" })).toBeVisible();
  await page.goto(`/admin/events/${b.id}/team`);
  await page.getByLabel("Почта учётной записи").fill(viewer.email);
  await page.getByLabel("Роль на этом мероприятии").selectOption("VIEWER");
  await page.getByRole("button", { name: "Добавить в команду" }).click();
  await expect(page.getByTestId("team-member").filter({ hasText: viewer.email })).toBeVisible();
  // Someone without an account is refused at the field.
  await page.getByLabel("Почта учётной записи").fill("nobody-here@kattoo.test");
  await page.getByRole("button", { name: "Добавить в команду" }).click();
  await expect(page.getByText("Учётной записи сотрудника с такой почтой нет.")).toBeVisible();
  // A volunteer's door account for B: its password shown once, its end the seminar's last day.
  const doorEmail = `door-${randomUUID().slice(0, 8)}@kattoo.test`;
  const door = page.getByRole("region", { name: "Учётная запись для входа на один семинар" });
  await door.getByLabel("Имя волонтёра").fill("Айбек Волонтёр");
  await door.getByLabel("Почта волонтёра").fill(doorEmail);
  await door.getByRole("button", { name: "Создать учётную запись для входа" }).click();
  await expect(door.getByTestId("door-password")).toHaveText(/^\S{8,}$/);
  const volunteer = page.getByTestId("team-member").filter({ hasText: doorEmail });
  await expect(volunteer.getByRole("combobox")).toHaveValue("CHECK_IN");
  await expect(volunteer).toContainText("действует до");

  // The person the viewer must not see is there for whoever may see people.
  await page.goto(`/admin/events/${b.id}`);
  await expect(page.getByText("Токтосунова").first()).toBeVisible();

  // The organizer of A.
  const asOrganizer = await signedIn(browser, organizer);
  await expect(asOrganizer.getByRole("heading", { name: "Семинар команды А" })).toBeVisible();
  await expect(asOrganizer.getByRole("heading", { name: "Семинар команды Б" })).toHaveCount(0);
  for (const tab of [
    "",
    "/letters",
    "/check-in",
    "/attendance",
    "/paper",
    "/statistics",
    "/export",
    "/team",
  ]) {
    await expectNotFound(asOrganizer, `/admin/events/${b.id}${tab}`);
  }
  await expectNotFound(asOrganizer, `/admin/registrations/${registration?.id}`);
  for (const file of [
    `/admin/events/${b.id}/export/file`,
    `/admin/events/${b.id}/statistics/file`,
    `/api/admin/check-in?eventId=${b.id}`,
  ]) {
    expect((await asOrganizer.request.get(file)).status(), file).toBe(404);
  }
  expect((await asOrganizer.request.get(`/api/admin/check-in?eventId=${a.id}`)).status()).toBe(200);
  // A's own pages open, with the tabs an organizer of A may use.
  await asOrganizer.goto(`/admin/events/${a.id}`);
  const tabs = asOrganizer.getByRole("navigation", { name: "Это мероприятие" });
  await expect(tabs.getByRole("link", { name: "Регистрации" })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Команда" })).toHaveCount(0);
  await expect(tabs.getByRole("link", { name: "Настройки" })).toHaveCount(0);

  // The viewer of B: the figures and, on its list only, names without contacts.
  const asViewer = await signedIn(browser, viewer);
  await expect(asViewer.getByRole("heading", { name: "Семинар команды Б" })).toBeVisible();
  await expect(asViewer.getByRole("heading", { name: "Семинар команды А" })).toHaveCount(0);
  await asViewer.goto(`/admin/events/${b.id}/statistics`);
  const viewerTabs = asViewer.getByRole("navigation", { name: "Это мероприятие" });
  await expect(viewerTabs.getByRole("link")).toHaveText([
    "Регистрации",
    "Посещаемость",
    "Статистика",
    "Тесты и отзывы",
  ]);
  // Nothing of the person behind the figures, on any page the viewer may open (the HTML as served).
  for (const path of [`/admin/events/${b.id}/statistics`, "/admin", "/admin/statistics"]) {
    const html = await (await asViewer.request.get(path)).text();
    for (const personal of [email, "555 000 222", "Токтосунова", "Айзада"])
      expect(html, path).not.toContain(personal);
  }
  // The list, without contact details (tests/e2e/viewer.spec.ts looks at every page), and no one's own page.
  await asViewer.goto(`/admin/events/${b.id}`);
  await expect(asViewer.getByText("Токтосунова").first()).toBeVisible();
  await expect(asViewer.getByText(email)).toHaveCount(0);
  await expectNotFound(asViewer, `/admin/registrations/${registration?.id}`);
  expect((await asViewer.request.get(`/admin/events/${b.id}/export/file`)).status()).toBe(403);
  await expectNotFound(asViewer, `/admin/events/${a.id}/statistics`);
});

test("a door account stops opening the staff area once its event's last day has ended", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const event = await insertEventUnderWay({ title: "Семинар одного дня у двери", slugPrefix: "door" });
  await signIn(page);
  await expect(page.getByRole("heading", { name: "События" })).toBeVisible();
  await page.goto(`/admin/events/${event.id}/team`);
  const doorEmail = `door-${randomUUID().slice(0, 8)}@kattoo.test`;
  const door = page.getByRole("region", { name: "Учётная запись для входа на один семинар" });
  await door.getByLabel("Имя волонтёра").fill("Бакыт Волонтёр");
  await door.getByLabel("Почта волонтёра").fill(doorEmail);
  await door.getByRole("button", { name: "Создать учётную запись для входа" }).click();
  const password = (await door.getByTestId("door-password").textContent()) ?? "";
  expect(password).toMatch(/^\S{8,}$/);

  // In Kyrgyz, the day the account ends is written in Kyrgyz: by the server, as the browser knows no Kyrgyz dates.
  await page.getByRole("button", { name: "Кыргызча" }).click();
  const kyrgyzDoor = page.getByRole("region", { name: "Бир семинарга кирүү үчүн эсеп" });
  await kyrgyzDoor.getByLabel("Ыктыярчынын аты").fill("Айпери Ыктыярчы");
  await kyrgyzDoor.getByLabel("Ыктыярчынын почтасы").fill(`door-${randomUUID().slice(0, 8)}@kattoo.test`);
  await kyrgyzDoor.getByRole("button", { name: "Кирүү үчүн эсеп түзүү" }).click();
  await expect(kyrgyzDoor.getByText(/эсеби түзүлдү/)).toHaveText(
    /түзүлдү, \d{4}-ж\., \d{1,2}-[а-яөүң]+ \d{2}:\d{2} чейин/,
  );
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(door).toBeVisible();

  // While the seminar lasts, the volunteer signs in (and is asked to choose a password of their own).
  const volunteer = await (await browser.newContext()).newPage();
  await signIn(volunteer, { email: doorEmail, password });
  await expect(volunteer).toHaveURL(/\/admin\/account\?password=required/);

  // The seminar is moved three days back: its last day has ended, and the account with it.
  await sql(
    `UPDATE event_day SET starts_at = starts_at - interval '3 days', ends_at = ends_at - interval '3 days',
       date = date - 3 WHERE event_id = $1`,
    [event.id],
  );
  const [account] = await sql<{ ended: boolean }>(
    "SELECT expires_at <= now() AS ended FROM staff_user WHERE email = $1",
    [doorEmail],
  );
  expect(account?.ended).toBe(true);
  // The open session ends at the next request, and signing in again is refused.
  await volunteer.goto("/admin");
  await expect(volunteer).toHaveURL("/admin/sign-in");
  await volunteer.getByLabel("Электронная почта").fill(doorEmail);
  await volunteer.getByLabel("Пароль").fill(password);
  await volunteer.getByRole("button", { name: "Войти" }).click();
  await expect(
    volunteer.getByText(
      "Неверный адрес или пароль. После нескольких неудачных попыток вход временно блокируется.",
    ),
  ).toBeVisible();
  await expect(volunteer).toHaveURL("/admin/sign-in");
});
