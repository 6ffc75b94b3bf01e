import { expect, type Locator, type Page, test } from "@playwright/test";
import { sql } from "./database";
import { DEMO, fillRegistration, manageLinkFromLetter, russian, uniqueEmail } from "./registration-helpers";
import { ADMIN, signIn } from "./staff-helpers";

// One form post with a field named "__proto__.x" once set x on every object
// of the server: the event API answered 500 until a restart, sign-in stopped
// answering, and signing out redirected wherever the attacker said. Each
// form that reads nested names gets hostile names in every position, sent by
// the page's own submit, then the server must still answer as before.

const ATTACKER = "https://attacker.example/";

const hostileNames = [
  "__proto__.polluted",
  "__proto__[polluted]",
  "__proto__.signOut",
  "__proto__.error",
  "constructor.prototype.polluted",
  "prototype.polluted",
  "lastName.__proto__.polluted",
  "title.__proto__.polluted",
  "title.constructor.prototype.polluted",
  "days.0.__proto__.polluted",
  "days.__proto__.polluted",
  "quotas.constructor.prototype.polluted",
  "polluted.__proto__",
  "a.b.__proto__.polluted",
];

/** Adds the hostile fields to a form on the page, as an attacker editing it in the browser would. */
async function addHostileFields(form: Locator) {
  await form.evaluate(
    (element, { names, value }) => {
      for (const name of names) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        element.append(input);
      }
    },
    { names: hostileNames, value: ATTACKER },
  );
}

/** What broke after the pollution: the event API, sign-in and the sign-out page. */
async function expectServerUnharmed(page: Page) {
  const api = await page.request.get(`/api${DEMO}`);
  expect(api.status()).toBe(200);
  expect(((await api.json()) as { slug: string }).slug).toBe("migration-strategy-seminar");
  const signOut = await page.request.get("/api/auth/signout", { maxRedirects: 0 });
  expect(signOut.headers().location ?? "").not.toContain("attacker.example");
  expect(signOut.status()).toBeLessThan(500);
}

test.describe.configure({ mode: "serial" });

test("hostile field names in the registration form reach no prototype", async ({ page }) => {
  await page.goto(`${DEMO}/register`);
  const email = uniqueEmail("proto");
  await fillRegistration(page, russian, { lastName: "Прототипова", firstName: "Ава", email });
  await addHostileFields(page.locator("form").filter({ has: page.getByLabel("Фамилия", { exact: true }) }));
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    page.getByRole("button", { name: "Зарегистрироваться" }).click(),
  ]);
  await expectServerUnharmed(page);
  await expect(page.getByRole("status")).toContainText("Проверьте почту");

  // The participant's own edit reads the same names.
  await page.goto(await manageLinkFromLetter(email));
  await addHostileFields(page.locator("form").filter({ has: page.getByLabel("Должность", { exact: true }) }));
  await page.getByRole("button", { name: "Сохранить изменения" }).click();
  await expect(page.getByText("Изменения сохранены.")).toBeVisible();
  await expectServerUnharmed(page);
});

test("hostile field names in the event settings reach no prototype, and sign-in still works", async ({
  page,
}) => {
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  const [demo] = await sql<{ id: string }>("SELECT id FROM event WHERE slug = 'migration-strategy-seminar'");
  await page.goto(`/admin/events/${demo?.id}/settings`);
  await addHostileFields(
    page.locator("form").filter({ has: page.getByRole("button", { name: "Сохранить" }) }),
  );
  await page.getByRole("button", { name: "Сохранить", exact: true }).click();
  await expect(page.getByText("Сохранено.")).toBeVisible();
  await expectServerUnharmed(page);

  await page.context().clearCookies();
  await signIn(page, ADMIN);
  await expect(page).toHaveURL("/admin");
});
