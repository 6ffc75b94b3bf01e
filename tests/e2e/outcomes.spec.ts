import { expect, test } from "@playwright/test";
import { insertEventUnderWay, sql } from "./database";
import {
  DEMO,
  fillRegistration,
  kyrgyz,
  manageLinkFromLetter,
  russian,
  uniqueEmail,
} from "./registration-helpers";
import { signIn } from "./staff-helpers";

// The demo's pre-test (docs/decisions/032-outcome-instruments.md): open from
// the seeding, so a newcomer who registers can answer it at once.

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a newcomer registers in Kyrgyz on a phone, opens the pre-test from their page and answers it @phone", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    const email = uniqueEmail("pretest");
    await page.goto(`/ky${DEMO}/register`);
    await fillRegistration(page, kyrgyz, { lastName: "Сыдыкова", firstName: "Айзада", email });
    await page.getByRole("button", { name: "Катталуу" }).click();
    await expect(page.getByRole("status")).toContainText("Почтаңызды текшериңиз");
    const own = await manageLinkFromLetter(email);
    await page.goto(own);
    await expect(page).toHaveURL(/\/ky\/r\//);

    await page.getByRole("link", { name: "Алдын ала тест — Жооп берүү" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Алдын ала тест");
    await expect(page.getByText("Бул экзамен эмес.", { exact: false })).toBeVisible();

    // Sent with nothing ticked: every question is required, and nothing is stored.
    await page.getByRole("button", { name: "Жоопторду жөнөтүү" }).click();
    await expect(page.getByText("Белгиленген талааларды текшериңиз: 5 ката.")).toBeVisible();
    await expect(page.getByText("Бул талааны толтуруңуз.")).toHaveCount(5);
    const token = own.split("/").at(-1) ?? "";
    const stored = () =>
      sql<{ count: string }>(
        `SELECT count(*) FROM instrument_response r JOIN registration g ON g.id = r.registration_id
         WHERE g.email_normalized = $1`,
        [email],
      );
    expect((await stored())[0]?.count).toBe("0");

    const question = (label: string) => page.getByRole("group", { name: label });
    await question(
      "Миграция тармагындагы мамлекеттик саясаттын узак мөөнөттүү максаттарын кайсы документ аныктайт?",
    )
      .getByRole("radio", { name: "Миграциялык саясаттын концепциясы (стратегиясы)" })
      .check();
    const plan = question(
      "Стратегиянын иш-аракет планында эмне болушу керек? Бардык туура жоопторду белгилеңиз.",
    );
    await plan
      .getByRole("checkbox", { name: "Жооптуу аткаруучулары жана мөөнөттөрү менен иш-чаралар" })
      .check();
    await plan.getByRole("checkbox", { name: "Натыйжаны өлчөөчү индикаторлор" }).check();
    await question("Стратегиялык документти иштеп чыгуу эмнеден башталат?")
      .getByRole("radio", { name: "Бюджетти бекитүүдөн" })
      .check();
    await question("Бул индикаторлордун кайсынысын өлчөөгө болот?")
      .getByRole("radio", { name: /кайтып келген мигранттардын үлүшү/ })
      .check();
    await question("Стратегиянын долбоорун талкуулоого кимдерди тартуу керек?")
      .getByRole("radio", { name: /мигранттардын өздөрүн/ })
      .check();
    await page.getByRole("button", { name: "Жоопторду жөнөтүү" }).click();
    await expect(page.getByTestId("instrument-notice")).toHaveText("Рахмат! Жоопторуңуз кабыл алынды.");

    // Stored once, as chosen: four of the five right, one wrong (the budget).
    const [score] = await sql<{ answers: string; correct: string }>(
      `SELECT count(DISTINCT a.question_id) AS answers,
              count(DISTINCT a.question_id) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM question_option o WHERE o.question_id = a.question_id
                  AND o.correct <> EXISTS (SELECT 1 FROM instrument_answer_option c
                                           WHERE c.response_id = a.response_id AND c.option_id = o.id))) AS correct
       FROM instrument_answer a JOIN instrument_response r ON r.id = a.response_id
       JOIN registration g ON g.id = r.registration_id WHERE g.email_normalized = $1`,
      [email],
    );
    expect(score).toEqual({ answers: "5", correct: "4" });

    // The participant's page says it is done; the test is not offered again.
    await page.getByRole("link", { name: "Каттоого кайтуу" }).click();
    await expect(page.getByText("Алдын ала тест: жооптор кабыл алынды")).toBeVisible();
    await expect(page.getByRole("link", { name: /Алдын ала тест/ })).toHaveCount(0);
    await page.goto(`/ky/r/${token}/pre-test`);
    await expect(page.getByRole("button", { name: "Жоопторду жөнөтүү" })).toHaveCount(0);
    // The token in the address is not sent to another site a link may lead to.
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
    await expect(page).toHaveTitle(/Алдын ала тест/);
    // The post-test opens on the last day: until then its page says so, and has no form.
    await page.goto(`/ky/r/${token}/post-test`);
    await expect(page.getByTestId("instrument-notice")).toHaveText(
      "Жооп кабыл алуу али баштала элек. Бул баракка кийинчерээк кайрылыңыз.",
    );
    expect((await stored())[0]?.count).toBe("1");
  });
});

test("an organizer builds an anonymous survey and opens it; a participant rates the seminar; the statistics count it without a name", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const event = await insertEventUnderWay({ title: "Семинар с опросом", slugPrefix: "survey" });
  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${event.id}/outcomes`);
  await expect(page.getByRole("link", { name: "Тесты и отзывы" })).toBeVisible();
  const survey = page.getByTestId("instrument-FEEDBACK");
  await expect(survey.getByTestId("instrument-state")).toHaveText("Не открыт · 0 ответов");

  await survey.getByRole("button", { name: "Добавить вопрос" }).click();
  const question = survey.getByTestId("question").first();
  await question.getByRole("textbox", { name: "Русский" }).first().fill("Насколько вы довольны семинаром?");
  await question.getByLabel("Тип ответа").selectOption({ label: "Шкала от 1 до 5" });
  await question.getByLabel("Обязательный вопрос").check();
  await question
    .getByRole("group", { name: "Подпись к 5" })
    .getByRole("textbox", { name: "Русский" })
    .fill("Очень доволен");
  await survey.getByRole("button", { name: "Сохранить вопросы" }).click();
  await expect(survey.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();

  await page.reload();
  await survey.getByLabel("Анонимный опрос: ответы хранятся без имени").check();
  await survey
    .getByLabel("Вопрос об удовлетворённости (шкала 1–5)")
    .selectOption({ label: "Насколько вы довольны семинаром?" });
  await survey.getByRole("button", { name: "Сохранить настройки" }).click();
  await expect(survey.getByRole("status").filter({ hasText: "Сохранено." })).toBeVisible();
  await survey.getByRole("button", { name: "Открыть сейчас" }).click();
  await expect(survey.getByTestId("instrument-state")).toHaveText("Открыт · 0 ответов");

  // A participant of the event, on their own page, in a browser of their own.
  const participant = await (await browser.newContext()).newPage();
  const email = uniqueEmail("survey");
  await participant.goto(`/events/${event.slug}/register`);
  await fillRegistration(
    participant,
    { ...russian, group: undefined },
    { lastName: "Бекова", firstName: "Асель", email },
  );
  await participant.getByRole("button", { name: russian.submit }).click();
  await expect(participant.getByRole("status")).toContainText(email);
  await participant.goto(await manageLinkFromLetter(email));
  await participant.getByRole("link", { name: "Отзыв о семинаре — Ответить" }).click();
  await expect(participant.getByText("Ответы анонимны", { exact: false })).toBeVisible();
  // Checked in the browser first: nothing chosen, the scale is required.
  await participant.getByRole("button", { name: "Отправить ответы" }).click();
  await expect(participant.getByText("Заполните это поле.")).toBeVisible();
  await participant.getByRole("radio", { name: "5 — Очень доволен" }).check();
  await participant.getByRole("button", { name: "Отправить ответы" }).click();
  await expect(participant.getByTestId("instrument-notice")).toHaveText("Спасибо! Ваши ответы получены.");

  // Stored with no registration; the ballot alone says that this person answered.
  const [stored] = await sql<{ responses: string; named: string; ballots: string }>(
    `SELECT count(*) AS responses, count(r.registration_id) AS named,
            (SELECT count(*) FROM instrument_ballot b WHERE b.instrument_id = i.id) AS ballots
     FROM instrument i JOIN instrument_response r ON r.instrument_id = i.id
     WHERE i.event_id = $1 AND i.kind = 'FEEDBACK' GROUP BY i.id`,
    [event.id],
  );
  expect(stored).toEqual({ responses: "1", named: "0", ballots: "1" });
  // Staff see that the participant answered, and nothing of what.
  const [registration] = await sql<{ id: string }>(
    "SELECT id FROM registration WHERE email_normalized = $1",
    [email],
  );
  await page.goto(`/admin/registrations/${registration?.id}`);
  await expect(page.getByTestId("registration-outcomes")).toHaveText(
    "Отзыв о семинаре: ответ получен — анонимный, без ответов",
  );

  await sql(
    `INSERT INTO attendance (id, registration_id, event_day_id)
     SELECT gen_random_uuid(), id, $2 FROM registration WHERE event_id = $1`,
    [event.id, event.second],
  );
  await page.goto(`/admin/events/${event.id}/statistics`);
  const outcomes = page.getByTestId("outcomes");
  await expect(outcomes.getByRole("heading", { name: "Результаты обучения" })).toBeVisible();
  await expect(
    outcomes.getByText("Анонимный опрос: довольны 100% ответивших (1 из 1)", { exact: false }),
  ).toBeVisible();
  await expect(
    outcomes
      .getByTestId("outcomes-by-gender")
      .getByRole("row", { name: /Женский/ })
      .getByRole("cell")
      .first(),
  ).toHaveText("1");
});
