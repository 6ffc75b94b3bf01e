import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { demoAnswers } from "./registration-helpers";
import { signIn } from "./staff-helpers";

// Partner organizations (issue 17, decision 041): an admin creates an
// organization and an account in it; the account signs in, creates an event,
// which is the organization's, and sees it, not the demo seminar, in the
// events list and the year's summary; the demo's registration is "not found"
// to it. Its events list is checked at 360 px too.

const PHONE = { width: 360, height: 740 };

test("an organization's organizer creates its event and sees nothing of the demo seminar", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const suffix = randomUUID().slice(0, 8);
  const organization = `ОО Ресурсный центр для пожилых ${suffix}`;
  const email = `partner-${suffix}@kattoo.test`;

  // The admin: the organization, refused a second time whatever the case, then the account in it.
  await signIn(page);
  await page.getByRole("link", { name: "Организации" }).click();
  const create = page.getByRole("region", { name: "Новая организация" });
  await create.getByLabel("Название").fill(organization);
  await create.getByRole("button", { name: "Создать организацию" }).click();
  await expect(page.getByTestId("organization").filter({ hasText: organization })).toBeVisible();
  await create.getByLabel("Название").fill(organization.toUpperCase());
  await create.getByRole("button", { name: "Создать организацию" }).click();
  await expect(create.getByText("Организация с таким названием уже есть")).toBeVisible();
  await expect(page.getByTestId("organization").filter({ hasText: suffix })).toHaveCount(1);

  await page.getByRole("link", { name: "Сотрудники" }).click();
  await page.getByLabel("Имя").fill("Гүлнара Партнёр");
  await page.getByLabel("Эл. почта").fill(email);
  await page.getByRole("button", { name: "Создать" }).click();
  const generated = (await page.getByTestId("new-password").textContent()) ?? "";
  await page.reload();
  const card = page.getByTestId("staff-account").filter({ hasText: email });
  await card.getByLabel("Организация").selectOption({ label: organization });
  await card.getByRole("button", { name: "Сменить организацию" }).click();
  await expect(card.getByRole("status").filter({ hasText: "Сохранено" })).toBeVisible();

  // The member: its own password first, then a new event.
  const member = await (await browser.newContext()).newPage();
  await signIn(member, { email, password: generated });
  await expect(member).toHaveURL("/admin/account?password=required");
  const password = `partner-password-${suffix}`;
  await member.getByLabel("Текущий пароль").fill(generated);
  await member.getByLabel("Новый пароль", { exact: true }).fill(password);
  await member.getByLabel("Новый пароль ещё раз").fill(password);
  await member.getByRole("button", { name: "Сменить пароль" }).click();
  await expect(member).toHaveURL("/admin/sign-in");
  await signIn(member, { email, password });
  await expect(member.getByRole("heading", { name: "События" })).toBeVisible();
  // No organization's events yet, and no demo seminar either.
  const [demo] = await sql<{ id: string; title: string; year: number }>(
    `SELECT e.id, e.title->>'ru' AS title, extract(year FROM min(d.starts_at))::int AS year
     FROM event e JOIN event_day d ON d.event_id = e.id
     WHERE e.slug = 'migration-strategy-seminar' GROUP BY e.id`,
  );
  if (!demo) throw new Error("no demo seminar");
  await expect(member.getByText(demo.title)).toHaveCount(0);

  await member.getByRole("link", { name: "Новое событие" }).click();
  await expect(member.getByTestId("new-event-organization")).toHaveText(
    `Мероприятие организации «${organization}».`,
  );
  // An organization's member does not choose: its event is its organization's.
  await expect(member.getByLabel("Партнёрская организация")).toHaveCount(0);
  const title = `Семинар партнёра ${suffix}`;
  await member.getByLabel("Адрес страницы").fill(`partner-${suffix}`);
  for (const [field, text] of [
    ["Название", title],
    ["Кратко (для ссылок и карточек)", "Кратко"],
    ["Описание (Markdown)", "Описание семинара"],
    ["Для кого", "Сотрудники центров"],
    ["Место", "Зал"],
    ["Адрес места", "Бишкек"],
  ] as const)
    await member.getByLabel(`${field} · Русский`).fill(text);
  await member.getByLabel("Дата").fill("2027-04-14");
  await member.getByRole("button", { name: "Создать событие" }).click();
  await expect(member.getByRole("heading", { name: "Настройки события" })).toBeVisible();
  await expect(member.getByTestId("event-organization")).toHaveText(
    `Мероприятие организации «${organization}».`,
  );
  const [made] = await sql<{ organization: string }>(
    "SELECT o.name AS organization FROM event e JOIN organization o ON o.id = e.organization_id WHERE e.slug = $1",
    [`partner-${suffix}`],
  );
  expect(made?.organization).toBe(organization);

  // Its events list and the year's summary: its event, never the demo's.
  await member.goto("/admin");
  await expect(member.getByRole("heading", { name: title })).toBeVisible();
  await expect(member.getByText(demo.title)).toHaveCount(0);
  await member.goto("/admin/statistics");
  await expect(member.getByRole("heading", { name: "Сводка за 2027 год" })).toBeVisible();
  await expect(member.getByRole("rowheader", { name: title })).toBeVisible();
  await member.goto(`/admin/statistics?year=${demo.year}`);
  await expect(member.getByRole("heading", { name: `Сводка за ${demo.year} год` })).toBeVisible();
  await expect(member.getByText(demo.title)).toHaveCount(0);
  // The audit log: its own event's entries, none of the demo's.
  await member.getByRole("link", { name: "Журнал действий" }).click();
  await expect(member.getByTestId("audit-entry").filter({ hasText: title }).first()).toBeVisible();
  await expect(member.getByText(demo.title)).toHaveCount(0);

  // The demo's registration and the demo itself, by their addresses: not found.
  const demoEmail = `demo-${suffix}@example.kg`;
  const registered = await request.post("/api/events/migration-strategy-seminar/registrations", {
    data: {
      lastName: "Асанова",
      firstName: "Нургүл",
      organization: "Айыл өкмөтү",
      position: "Адис",
      category: "LOCAL_GOVERNMENT",
      region: "NARYN",
      email: demoEmail,
      phone: "+996 555 000 333",
      gender: "FEMALE",
      consent: true,
      answers: await demoAnswers(request),
    },
    headers: { "x-forwarded-for": "203.0.113.78" },
  });
  expect(registered.status()).toBe(202);
  const [registration] = await sql<{ id: string }>("SELECT id FROM registration WHERE email = $1", [
    demoEmail,
  ]);
  for (const path of [`/admin/registrations/${registration?.id}`, `/admin/events/${demo.id}`]) {
    const response = await member.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(member.getByRole("heading", { level: 1 }), path).toHaveText("Страница не найдена");
  }

  // At 360 px the list fits the screen.
  await member.setViewportSize(PHONE);
  await member.goto("/admin");
  await expect(member.getByRole("heading", { name: title })).toBeVisible();
  expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
});
