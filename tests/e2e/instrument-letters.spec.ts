import { expect, test } from "@playwright/test";
import { insertEventUnderWay, sql } from "./database";
import { fillRegistration, manageLinkFromLetter, russian, uniqueEmail } from "./registration-helpers";
import { signIn } from "./staff-helpers";

// The post-test's letters (docs/decisions/039-instrument-letters.md): the
// organizer opens it, the participant who attended finds its link in a
// letter and answers; a reminder goes at most once an hour.

/** The text of the newest letter of `template` to `email`, waiting for the outbox worker to send it. */
async function letterText(email: string, template: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [letter] = await sql<{ text: string }>(
      `SELECT m.text FROM mailbox_message m JOIN outbox_message o ON o.id = m.outbox_message_id
       WHERE o.to_address = $1 AND o.template = $2 ORDER BY m.created_at DESC LIMIT 1`,
      [email, template],
    );
    if (letter) return letter.text;
    if (Date.now() > deadline) throw new Error(`No ${template} letter reached ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

test("the post-test opens: a letter with the participant's link, the page it opens; a reminder once an hour", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const event = await insertEventUnderWay({ title: "Семинар с итоговым тестом", slugPrefix: "post-test" });

  const participant = await (await browser.newContext()).newPage();
  const email = uniqueEmail("post-test");
  await participant.goto(`/events/${event.slug}/register`);
  await fillRegistration(
    participant,
    { ...russian, group: undefined },
    { lastName: "Токтосунова", firstName: "Бермет", email },
  );
  await participant.getByRole("button", { name: russian.submit }).click();
  await expect(participant.getByRole("status")).toContainText(email);
  const own = await manageLinkFromLetter(email);
  await sql(
    `INSERT INTO attendance (id, registration_id, event_day_id)
     SELECT gen_random_uuid(), id, $2 FROM registration WHERE event_id = $1`,
    [event.id, event.first],
  );

  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${event.id}/outcomes`);
  const postTest = page.getByTestId("instrument-POST_TEST");
  await expect(
    postTest.getByText("каждый подтверждённый участник, который был хотя бы на одном дне"),
  ).toBeVisible();
  await postTest.getByRole("button", { name: "Открыть сейчас" }).click();
  await expect(postTest.getByTestId("instrument-state")).toHaveText("Открыт · 0 ответов");

  // The letter, as the participant's mailbox has it, in their language, with their own link.
  const text = await letterText(email, "instrument-opened");
  expect(text).toContain("Пройдите, пожалуйста, итоговый тест");
  const link = text.match(/https?:\/\/\S+\/r\/[A-Za-z0-9_-]{43}\/post-test/)?.[0];
  expect(link && new URL(link).pathname).toBe(`${own}/post-test`);

  // The reminder: one participant has not answered; a second within the hour is refused.
  const remind = postTest.getByRole("button", { name: "Напомнить тем, кто не ответил (1)" });
  await postTest.getByLabel("Да, отправить напоминание").check();
  await remind.click();
  await expect(
    postTest.getByRole("status").filter({ hasText: "Писем поставлено в очередь: 1." }),
  ).toBeVisible();
  await page.reload();
  await expect(postTest.getByText(/Последнее напоминание:/)).toBeVisible();
  await postTest.getByLabel("Да, отправить напоминание").check();
  await remind.click();
  await expect(
    postTest.getByText("Напоминание отправлено меньше часа назад", { exact: false }),
  ).toBeVisible();
  expect(await letterText(email, "instrument-reminder")).toContain("Вы ещё не ответили на итоговый тест");

  // The letter's link opens the post-test; once answered, nobody is left to remind.
  await participant.goto(new URL(link ?? "").pathname);
  await expect(participant.getByRole("heading", { level: 1 })).toHaveText("Итоговый тест");
  await participant.getByRole("button", { name: "Отправить ответы" }).click();
  await expect(participant.getByTestId("instrument-notice")).toHaveText("Спасибо! Ваши ответы получены.");
  await page.reload();
  await expect(postTest.getByRole("button", { name: "Напомнить тем, кто не ответил (0)" })).toBeVisible();
});
