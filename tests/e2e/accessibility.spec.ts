import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import {
  DEMO,
  fillRegistration,
  russian,
  submitAndReachManagePage,
  uniqueEmail,
} from "./registration-helpers";

async function expectNoSeriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target).join(", ")})`,
    );
  expect(serious).toEqual([]);
}

for (const [name, path] of [
  ["home", "/"],
  ["event", DEMO],
  ["event in Kyrgyz", `/ky${DEMO}`],
  ["registration form", `${DEMO}/register`],
  ["not found", "/en/no-such-page"],
] as const) {
  test(`the ${name} page has no serious accessibility violation`, async ({ page }) => {
    await page.goto(path);
    await expectNoSeriousViolations(page);
  });
}

test("the form with errors and the manage pages have no serious accessibility violation", async ({
  page,
}) => {
  // Three pages analysed by axe, a form filled and sent.
  test.setTimeout(90_000);
  await page.goto(`${DEMO}/register`);
  await page.getByRole("button", { name: "Зарегистрироваться" }).click();
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expectNoSeriousViolations(page);

  const email = uniqueEmail("axe");
  await fillRegistration(page, russian, { lastName: "Сыдыкова", firstName: "Айпери", email });
  await submitAndReachManagePage(page, "Зарегистрироваться", email);
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Отменить регистрацию" }).click();
  await expectNoSeriousViolations(page);
});
