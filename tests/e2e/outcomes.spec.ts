import { expect, test } from "@playwright/test";
import { sql } from "./database";
import { DEMO, fillRegistration, manageLinkFromLetter, uniqueEmail } from "./registration-helpers";

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
    await fillRegistration(
      page,
      {
        lastName: "Фамилиясы",
        firstName: "Аты",
        organization: "Уюм",
        position: "Кызматы",
        email: "Электрондук почта",
        phone: "Телефон",
        gender: "Аял",
        category: "Жергиликтүү өз алдынча башкаруу",
        region: "Аймак",
        regionOption: "Нарын облусу",
        group: /Б тобу/,
        consent: /макулмун/,
        submit: "Катталуу",
      },
      { lastName: "Сыдыкова", firstName: "Айзада", email },
    );
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
    // The post-test opens on the last day: until then its page says so, and has no form.
    await page.goto(`/ky/r/${token}/post-test`);
    await expect(page.getByTestId("instrument-notice")).toHaveText(
      "Жооп кабыл алуу али баштала элек. Бул баракка кийинчерээк кайрылыңыз.",
    );
    expect((await stored())[0]?.count).toBe("1");
  });
});
