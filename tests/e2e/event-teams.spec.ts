import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { insertEventUnderWay, sql } from "./database";
import { signIn } from "./staff-helpers";

// Two events, two teams (issue 17): an organizer of A, put on A's team from
// the command line, finds nothing of B — its pages, a registration, its files
// and the door's API all answer "not found"; a viewer, added on B's Team tab
// by an admin, sees B's figures and nothing with people in it.

/** An account made with `npm run staff:create`, on one event's team or on none. */
function staffAccount(args: string[]) {
  const account = { email: `team-${randomUUID().slice(0, 8)}@kattoo.test`, password: `pw-${randomUUID()}` };
  execFileSync("npm", ["run", "--silent", "staff:create", "--", "--email", account.email, ...args], {
    input: account.password,
    env: { ...process.env, KATTOO_DATA_DIR: ".data/e2e" },
  });
  return account;
}

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

test("an organizer of event A reaches nothing of event B; a viewer of B sees its figures only", async ({
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

  // The viewer of B: the figures, nothing with people in it.
  const asViewer = await signedIn(browser, viewer);
  await expect(asViewer.getByRole("heading", { name: "Семинар команды Б" })).toBeVisible();
  await expect(asViewer.getByRole("heading", { name: "Семинар команды А" })).toHaveCount(0);
  await asViewer.goto(`/admin/events/${b.id}/statistics`);
  const viewerTabs = asViewer.getByRole("navigation", { name: "Это мероприятие" });
  await expect(viewerTabs.getByRole("link")).toHaveText(["Статистика"]);
  // Nothing of the person behind the figures, on any page the viewer may open (the HTML as served).
  for (const path of [`/admin/events/${b.id}/statistics`, "/admin", "/admin/statistics"]) {
    const html = await (await asViewer.request.get(path)).text();
    for (const personal of [email, "555 000 222", "Токтосунова", "Айзада"])
      expect(html, path).not.toContain(personal);
  }
  await asViewer.goto(`/admin/events/${b.id}`);
  await expect(asViewer.getByRole("heading", { level: 1 })).toHaveText("Нет доступа");
  expect((await asViewer.request.get(`/admin/events/${b.id}/export/file`)).status()).toBe(403);
  await expectNotFound(asViewer, `/admin/events/${a.id}/statistics`);
});
