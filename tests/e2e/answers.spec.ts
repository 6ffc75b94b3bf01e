import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { DEMO, fillRegistration, russian, uniqueEmail } from "./registration-helpers";
import { openDemoRegistrations, signIn } from "./staff-helpers";

test("an organizer filters the list by the working group chosen, keeps it for the export, and reads the group's table in the statistics", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 6);
  const people = [
    { firstName: `Бермет-${tag}`, group: /Группа Б/ },
    { firstName: `Нурлан-${tag}`, group: /Группа А/ },
  ];
  for (const person of people) {
    const email = uniqueEmail("answers");
    await page.goto(`${DEMO}/register`);
    await fillRegistration(page, russian, { lastName: "Токтосунова", firstName: person.firstName, email });
    await page
      .getByRole("group", { name: "Рабочая группа" })
      .getByRole("radio", { name: person.group })
      .check();
    await page.getByRole("button", { name: russian.submit }).click();
    await expect(page.getByRole("status")).toContainText(email);
  }

  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await openDemoRegistrations(page);
  await page.getByLabel("Поиск").fill(tag);
  await expect(page.getByRole("link", { name: new RegExp(`Нурлан-${tag}`) })).toBeVisible();
  const answer = page.getByLabel("Ответ на вопрос");
  await answer.selectOption({ label: "Группа Б: местное самоуправление и НПО" });
  await expect(page).toHaveURL(/answer=/);
  await expect(page.getByRole("link", { name: new RegExp(`Бермет-${tag}`) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`Нурлан-${tag}`) })).toHaveCount(0);
  await expect(page.getByTestId("found")).toHaveText("Найдена 1 регистрация");

  // The export takes the same list, and says which answer it is filtered by.
  await page.getByRole("link", { name: "Экспорт" }).click();
  await expect(page.getByText("Рабочая группа: Группа Б: местное самоуправление и НПО")).toBeVisible();
  await expect(page.getByTestId("export-rows")).toHaveText("Будет выгружено: 1 регистрация.");

  await page.goto(page.url().replace(/\/export\?.*$/, "/statistics"));
  const section = page.getByRole("region", { name: "Рабочая группа", exact: true });
  await expect(section.getByText(/Считаются подтверждённые участники/)).toBeVisible();
  await expect(section.getByRole("img", { name: /Диаграмма: Рабочая группа/ })).toBeVisible();
  const table = section.getByRole("table", { name: "Рабочая группа", exact: true });
  const groupB = table.getByRole("row", { name: /^Группа Б: местное самоуправление и НПО/ });
  await expect(groupB).toBeVisible();
  expect(Number(await groupB.getByRole("cell").last().textContent())).toBeGreaterThanOrEqual(1);
  await expect(table.getByRole("columnheader")).toHaveText([
    "Ответ",
    "Женщины",
    "Мужчины",
    "Не указан",
    "Всего",
  ]);

  // The breakdown by sector opens in place, without any script.
  await section.getByText("По секторам и полу", { exact: true }).click();
  const bySector = section.getByRole("table", { name: "Рабочая группа: по секторам и полу" });
  await expect(
    bySector.getByRole("rowheader", { name: "Группа Б: местное самоуправление и НПО" }),
  ).toBeVisible();
});
