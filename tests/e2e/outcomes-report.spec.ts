import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { pdfPages } from "../support/pdf-text";
import { expectNoSeriousViolations } from "./accessibility-helpers";
import { insertEventUnderWay, sql } from "./database";
import { manageLinkFromLetter } from "./registration-helpers";
import { signIn } from "./staff-helpers";

// The donor report end to end (docs/decisions/043-outcome-reports.md): 20
// participants across sectors and genders, attendance, a pre/post test and
// a feedback survey; one answers in the room on a phone without JavaScript,
// by the QR page. The statistics page shows % improved by sector and
// gender as SQL computes it from the stored answers, and the .xlsx and the
// PDF summary hold the same figures.

type Sector = "GOVERNMENT" | "LOCAL_GOVERNMENT" | "CIVIL_SOCIETY" | "OTHER";
type Person = {
  lastName: string;
  category: Sector;
  gender: "FEMALE" | "MALE";
  attended: boolean;
  /** Questions right (of 2) on the pre-test and the post-test; null: not answered. */
  pre: number | null;
  post: number | null;
  rating: number | null;
};

const p = (
  lastName: string,
  category: Sector,
  gender: "FEMALE" | "MALE",
  attended: boolean,
  pre: number | null,
  post: number | null,
  rating: number | null = null,
): Person => ({ lastName, category, gender, attended, pre, post, rating });

const ROOM = "Жумабаева";
const PEOPLE: Person[] = [
  p("Абдыкадырова", "GOVERNMENT", "FEMALE", true, 0, 2, 5),
  p("Асанова", "GOVERNMENT", "FEMALE", true, 1, 2, 4),
  p("Бакирова", "GOVERNMENT", "FEMALE", true, 1, 1),
  p("Бекмуратов", "GOVERNMENT", "MALE", true, 0, 1, 3),
  p("Доолотов", "GOVERNMENT", "MALE", true, 2, 2),
  p("Ибраимова", "LOCAL_GOVERNMENT", "FEMALE", true, 0, 1, 5),
  p(ROOM, "LOCAL_GOVERNMENT", "FEMALE", true, 0, null),
  p("Касымов", "LOCAL_GOVERNMENT", "MALE", true, 1, 2, 2),
  p("Курманов", "LOCAL_GOVERNMENT", "MALE", true, 1, 0),
  p("Мамытова", "LOCAL_GOVERNMENT", "FEMALE", false, 0, 2),
  p("Назарова", "CIVIL_SOCIETY", "FEMALE", true, 0, 2, 5),
  p("Осмонова", "CIVIL_SOCIETY", "FEMALE", true, 1, 1),
  p("Орозбеков", "CIVIL_SOCIETY", "MALE", true, 0, 2, 4),
  p("Саматов", "CIVIL_SOCIETY", "MALE", true, null, 2),
  p("Сыдыкова", "CIVIL_SOCIETY", "FEMALE", true, 1, null),
  p("Токтогулова", "OTHER", "FEMALE", true, 0, 1),
  p("Турдубаев", "OTHER", "MALE", true, 1, 2, 5),
  p("Усенов", "OTHER", "MALE", true, 2, 1),
  p("Чыныбаева", "OTHER", "FEMALE", false, null, null),
  p("Эсенов", "OTHER", "MALE", true, 0, 0, 3),
];

const SECTORS: Record<Sector, string> = {
  GOVERNMENT: "Государственные органы",
  LOCAL_GOVERNMENT: "Местное самоуправление",
  CIVIL_SOCIETY: "Гражданское общество",
  OTHER: "Другие",
};
const GENDERS = { FEMALE: "Женский", MALE: "Мужской" } as const;

/** Two scored questions (a point each) for the pre-test, which the post-test asks too, and a 1–5 survey. */
async function instruments(eventId: string) {
  const ids = {
    pre: randomUUID(),
    post: randomUUID(),
    feedback: randomUUID(),
    q1: randomUUID(),
    q2: randomUUID(),
    rating: randomUUID(),
    comment: randomUUID(),
    right1: randomUUID(),
    wrong1: randomUUID(),
    right2: randomUUID(),
    wrong2: randomUUID(),
  };
  await sql(
    `INSERT INTO instrument (id, event_id, kind, opens_at, shares_pre_test_questions)
     VALUES ($2, $1, 'PRE_TEST', now() - interval '2 days', false),
            ($3, $1, 'POST_TEST', now() - interval '1 hour', true),
            ($4, $1, 'FEEDBACK', now() - interval '1 hour', false)`,
    [eventId, ids.pre, ids.post, ids.feedback],
  );
  await sql(
    `INSERT INTO question (id, instrument_id, position, type, required, label, points, scale_low, scale_high)
     VALUES ($2, $1, 0, 'SINGLE_CHOICE', true, '{"ru": "Какой документ задаёт цели миграционной политики?"}', 1, NULL, NULL),
            ($3, $1, 1, 'SINGLE_CHOICE', true, '{"ru": "С чего начинается разработка стратегии?"}', 1, NULL, NULL),
            ($5, $4, 0, 'SCALE', true, '{"ru": "Насколько полезен семинар?"}', NULL, '{"ru": "Бесполезен"}', '{"ru": "Очень полезен"}'),
            ($6, $4, 1, 'LONG_TEXT', false, '{"ru": "Что улучшить?"}', NULL, NULL, NULL)`,
    [ids.pre, ids.q1, ids.q2, ids.feedback, ids.rating, ids.comment],
  );
  await sql(
    `INSERT INTO question_option (id, question_id, position, label, correct)
     VALUES ($2, $1, 0, '{"ru": "Концепция миграционной политики"}', true),
            ($3, $1, 1, '{"ru": "Бюджет на год"}', false),
            ($5, $4, 0, '{"ru": "С анализа ситуации"}', true),
            ($6, $4, 1, '{"ru": "С утверждения бюджета"}', false)`,
    [ids.q1, ids.right1, ids.wrong1, ids.q2, ids.right2, ids.wrong2],
  );
  await sql("UPDATE instrument SET satisfaction_question_id = $2 WHERE id = $1", [ids.feedback, ids.rating]);
  return ids;
}

/** Two of those who rate the seminar also say what to improve. */
const COMMENTS: Record<string, string> = {
  Абдыкадырова: "Больше времени на рабочие группы",
  Касымов: "Раздать презентации заранее",
};
/** Typed in the room, markup and a second line included: the page shows it as text. */
const ROOM_COMMENT = "<b>Больше</b> примеров\nиз Нарына";

/** A stored test response with `right` of its two questions right. */
async function answerTest(
  instrumentId: string,
  registrationId: string,
  right: number,
  ids: Awaited<ReturnType<typeof instruments>>,
) {
  const [response] = await sql<{ id: string }>(
    `INSERT INTO instrument_response (id, instrument_id, anonymous, registration_id, submitted_on)
     VALUES (gen_random_uuid(), $1, false, $2, current_date) RETURNING id`,
    [instrumentId, registrationId],
  );
  const chosen = [
    [ids.q1, right >= 1 ? ids.right1 : ids.wrong1],
    [ids.q2, right >= 2 ? ids.right2 : ids.wrong2],
  ];
  for (const [question, option] of chosen) {
    await sql("INSERT INTO instrument_answer (response_id, question_id) VALUES ($1, $2)", [
      response?.id,
      question,
    ]);
    await sql(
      "INSERT INTO instrument_answer_option (response_id, question_id, option_id) VALUES ($1, $2, $3)",
      [response?.id, question, option],
    );
  }
}

/** % improved as the donor report writes it: "67% (2 / 3)", "—" with no one to count. */
const rateText = (count: number, of: number) =>
  of === 0 ? "—" : `${Math.round((100 * count) / of)}% (${count} / ${of})`;

test("20 participants answer the tests and the survey; the page, the .xlsx and the PDF show the same % improved by sector and gender", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const event = await insertEventUnderWay({
    title: "Стратегии трудовой миграции",
    slugPrefix: "outcomes-report",
  });
  await sql(
    `INSERT INTO event_party (id, event_id, role, position, name)
     VALUES (gen_random_uuid(), $1, 'ORGANIZER', 0, '{"ru": "Центр политики «Тянь-Шань» АУЦА"}'),
            (gen_random_uuid(), $1, 'FUNDER', 0, '{"ru": "Фонд «Сорос–Кыргызстан»"}')`,
    [event.id],
  );
  const ids = await instruments(event.id);

  // Twenty registrations through the public API, across sectors and genders.
  const emails = new Map<string, string>();
  for (const [index, person] of PEOPLE.entries()) {
    emails.set(person.lastName, `outcomes-${randomUUID().slice(0, 8)}@example.kg`);
    const response = await request.post(`/api/events/${event.slug}/registrations`, {
      data: {
        lastName: person.lastName,
        firstName: "Айгүл",
        locale: index % 3 === 0 ? "ky" : "ru",
        organization: "Айыл өкмөтү",
        position: "Адис",
        category: person.category,
        region: "NARYN",
        email: emails.get(person.lastName),
        phone: "+996 700 111 222",
        gender: person.gender,
        consent: true,
      },
      headers: { "x-forwarded-for": `198.51.100.${index + 10}` },
    });
    expect(response.status()).toBe(202);
  }
  const registrations = await sql<{ id: string; last_name: string; check_in_code: string; status: string }>(
    "SELECT id, last_name, check_in_code, status FROM registration WHERE event_id = $1",
    [event.id],
  );
  expect(registrations.map((row) => row.status)).toEqual(Array(20).fill("CONFIRMED"));
  const idOf = (lastName: string) => registrations.find((row) => row.last_name === lastName)?.id ?? "";

  // Attendance, and the answers of all but the one who answers in the room.
  for (const person of PEOPLE) {
    const id = idOf(person.lastName);
    if (person.attended)
      await sql(
        "INSERT INTO attendance (id, registration_id, event_day_id) VALUES (gen_random_uuid(), $1, $2)",
        [id, event.second],
      );
    if (person.pre !== null) await answerTest(ids.pre, id, person.pre, ids);
    if (person.post !== null) await answerTest(ids.post, id, person.post, ids);
    if (person.rating !== null) {
      const [response] = await sql<{ id: string }>(
        `INSERT INTO instrument_response (id, instrument_id, anonymous, registration_id, submitted_on)
         VALUES (gen_random_uuid(), $1, false, $2, current_date) RETURNING id`,
        [ids.feedback, id],
      );
      await sql(
        "INSERT INTO instrument_answer (response_id, question_id, number_value) VALUES ($1, $2, $3)",
        [response?.id, ids.rating, person.rating],
      );
      const comment = COMMENTS[person.lastName];
      if (comment)
        await sql(
          "INSERT INTO instrument_answer (response_id, question_id, text_value) VALUES ($1, $2, $3)",
          [response?.id, ids.comment, comment],
        );
    }
  }

  const code = registrations.find((row) => row.last_name === ROOM)?.check_in_code ?? "";
  // The room's pages, each checked by axe (which needs JavaScript) on a phone: the search, a
  // miss, the instruments found, and the post-test's questions, left unanswered.
  const looking = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const look = await looking.newPage();
  await look.goto(`/events/${event.slug}/answer`);
  await expectNoSeriousViolations(look);
  await look.getByLabel("Код регистрации").fill(code);
  await look.getByLabel("Фамилия").fill("Жумабаев");
  await look.getByRole("button", { name: "Продолжить" }).click();
  await expect(look.getByText("Не нашли регистрацию", { exact: false })).toBeVisible();
  await expectNoSeriousViolations(look);
  await look.getByLabel("Код регистрации").fill(code);
  await look.getByLabel("Фамилия").fill(ROOM);
  await look.getByRole("button", { name: "Продолжить" }).click();
  await look.getByRole("link", { name: "Итоговый тест — Ответить" }).click();
  await expect(look.getByRole("button", { name: "Отправить ответы" })).toBeVisible();
  // The room's pass in the address is not sent to another site a link may lead to.
  await expect(look.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
  await expectNoSeriousViolations(look);
  await looking.close();

  // In the room: Жумабаева scans the QR code on her phone, without JavaScript, and answers both.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
  const room = await phone.newPage();
  await room.goto(`/events/${event.slug}/answer`);
  await room.getByLabel("Код регистрации").fill(code);
  await room.getByLabel("Фамилия").fill("Жумабаева Айгүл");
  await room.getByRole("button", { name: "Продолжить" }).click();
  await expect(
    room.getByText("Не нашли регистрацию с таким кодом и фамилией", { exact: false }),
  ).toBeVisible();
  await room.getByLabel("Код регистрации").fill(code.toLowerCase());
  await room.getByLabel("Фамилия").fill("жумабаева");
  await room.getByRole("button", { name: "Продолжить" }).click();
  await room.getByRole("link", { name: "Итоговый тест — Ответить" }).click();
  await room.getByRole("radio", { name: "Концепция миграционной политики" }).check();
  await room.getByRole("radio", { name: "С анализа ситуации" }).check();
  await room.getByRole("button", { name: "Отправить ответы" }).click();
  await expect(room.getByTestId("instrument-notice")).toHaveText("Спасибо! Ваши ответы получены.");
  await room.getByRole("link", { name: "Назад к тесту и отзыву" }).click();
  await expect(room.getByText("Итоговый тест: ответы получены")).toBeVisible();
  await room.getByRole("link", { name: "Отзыв о семинаре — Ответить" }).click();
  await room.getByRole("radio", { name: /^5/ }).check();
  await room.getByLabel("Что улучшить?").fill(ROOM_COMMENT);
  await room.getByRole("button", { name: "Отправить ответы" }).click();
  await expect(room.getByTestId("instrument-notice")).toHaveText("Спасибо! Ваши ответы получены.");
  await phone.close();

  // % improved as SQL counts it from the stored answers, of those who attended and answered both.
  const groups = await sql<{ category: Sector; gender: "FEMALE" | "MALE"; improved: number; pairs: number }>(
    `WITH score AS (
       SELECT r.registration_id, i.kind, count(*) FILTER (WHERE o.correct)::int AS points
       FROM instrument_response r JOIN instrument i ON i.id = r.instrument_id
       JOIN instrument_answer_option c ON c.response_id = r.id JOIN question_option o ON o.id = c.option_id
       WHERE i.event_id = $1 AND i.kind IN ('PRE_TEST', 'POST_TEST') GROUP BY 1, 2)
     SELECT g.category, g.gender,
       count(*) FILTER (WHERE post.points - pre.points >= 1)::int AS improved, count(*)::int AS pairs
     FROM registration g
     JOIN score pre ON pre.registration_id = g.id AND pre.kind = 'PRE_TEST'
     JOIN score post ON post.registration_id = g.id AND post.kind = 'POST_TEST'
     WHERE g.event_id = $1 AND EXISTS (SELECT 1 FROM attendance a WHERE a.registration_id = g.id)
     GROUP BY 1, 2`,
    [event.id],
  );
  const sum = (rows: typeof groups) => ({
    improved: rows.reduce((total, row) => total + row.improved, 0),
    pairs: rows.reduce((total, row) => total + row.pairs, 0),
  });
  const all = sum(groups);
  // The table above, by hand: 16 pairs of those who came (Жумабаева's from the room), 10 improved.
  expect(all).toEqual({ improved: 10, pairs: 16 });

  await signIn(page);
  await expect(page).toHaveURL("/admin");
  await page.goto(`/admin/events/${event.id}/statistics`);
  const outcomes = page.getByTestId("outcomes");
  const improvedCell = (table: string, name: string) =>
    outcomes.getByTestId(table).getByRole("row", { name, exact: false }).getByRole("cell").nth(6);
  for (const [sector, name] of Object.entries(SECTORS)) {
    const { improved, pairs } = sum(groups.filter((row) => row.category === sector));
    await expect(improvedCell("outcomes-by-sector", name)).toHaveText(rateText(improved, pairs));
  }
  for (const [gender, name] of Object.entries(GENDERS)) {
    const { improved, pairs } = sum(groups.filter((row) => row.gender === gender));
    await expect(improvedCell("outcomes-by-gender", name)).toHaveText(rateText(improved, pairs));
  }
  for (const row of groups) {
    await expect(
      improvedCell("outcomes-by-sector-gender", `${SECTORS[row.category]} · ${GENDERS[row.gender]}`),
    ).toHaveText(rateText(row.improved, row.pairs));
  }
  const women = sum(groups.filter((row) => row.gender === "FEMALE"));
  const men = sum(groups.filter((row) => row.gender === "MALE"));
  const indicators = page.getByTestId("indicators").locator('[data-key="improved"]').getByRole("cell");
  await expect(indicators).toHaveText([
    rateText(all.improved, all.pairs),
    rateText(women.improved, women.pairs),
    rateText(men.improved, men.pairs),
    "—",
  ]);

  // The charts' figures: how many gained each number of points, and gave each rating, as SQL counts them.
  const gains = await sql<{ gain: number; people: number }>(
    `WITH score AS (
       SELECT r.registration_id, i.kind, count(*) FILTER (WHERE o.correct)::int AS points
       FROM instrument_response r JOIN instrument i ON i.id = r.instrument_id
       JOIN instrument_answer_option c ON c.response_id = r.id JOIN question_option o ON o.id = c.option_id
       WHERE i.event_id = $1 AND i.kind IN ('PRE_TEST', 'POST_TEST') GROUP BY 1, 2)
     SELECT post.points - pre.points AS gain, count(*)::int AS people
     FROM score pre JOIN score post ON post.registration_id = pre.registration_id AND post.kind = 'POST_TEST'
     WHERE pre.kind = 'PRE_TEST' AND EXISTS (SELECT 1 FROM attendance a WHERE a.registration_id = pre.registration_id)
     GROUP BY 1 ORDER BY 1`,
    [event.id],
  );
  await expect(outcomes.getByTestId("outcomes-gains").locator("tbody tr")).toHaveText(
    gains.map(({ gain, people }) => `${gain > 0 ? `+${gain}` : gain}${people}`),
  );
  const ratings = await sql<{ rating: number; answers: number }>(
    `SELECT s.n AS rating, count(r.id)::int AS answers
     FROM generate_series(1, 5) s(n)
     LEFT JOIN instrument_answer a ON a.question_id = $1 AND a.number_value = s.n
     LEFT JOIN instrument_response r ON r.id = a.response_id
       AND EXISTS (SELECT 1 FROM attendance d WHERE d.registration_id = r.registration_id)
     GROUP BY 1 ORDER BY 1`,
    [ids.rating],
  );
  await expect(outcomes.getByTestId("outcomes-ratings").locator("tbody tr")).toHaveText(
    ratings.map(({ rating, answers }) => `${rating}${answers}`),
  );

  // What they said in their own words, each under its author's name (a named survey), the room's as typed.
  await expectNoSeriousViolations(page);
  const said = outcomes.getByTestId("free-text").getByRole("listitem");
  await expect(said).toHaveCount(3);
  await expect(said.filter({ hasText: "Больше времени на рабочие группы" })).toContainText(
    "Абдыкадырова Айгүл",
  );
  await expect(said.filter({ hasText: "Раздать презентации заранее" })).toContainText("Касымов Айгүл");
  const typed = said.filter({ hasText: "примеров" });
  await expect(typed.locator("p").first()).toHaveText(ROOM_COMMENT);
  await expect(typed).toContainText(`${ROOM} Айгүл`);
  await expect(typed.locator("b")).toHaveCount(0);

  // The .xlsx: the indicators' sheet holds the same shares, in %, to a tenth.
  const fileResponse = await page.request.get(`/admin/events/${event.id}/statistics/file`);
  expect(fileResponse.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fileResponse.body()) as unknown as ArrayBuffer);
  const tenth = (count: number, of: number) => Math.round((1000 * count) / of) / 10;
  let improvedRow: unknown[] = [];
  workbook.getWorksheet("Индикаторы")?.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    if (String(values[0]).startsWith("Участники с возросшими знаниями")) improvedRow = values;
  });
  expect(improvedRow.slice(1)).toEqual([
    tenth(all.improved, all.pairs),
    tenth(women.improved, women.pairs),
    tenth(men.improved, men.pairs),
  ]);
  const postSheet: unknown[][] = [];
  workbook.getWorksheet("Итоговый тест")?.eachRow((row) => {
    postSheet.push((row.values as unknown[]).slice(1));
  });
  // A row per response: 18 stored and Жумабаева's from the room, by name.
  expect(postSheet.slice(2)).toHaveLength(18);
  expect(postSheet.find((row) => String(row[1]).startsWith(ROOM))?.slice(2, 7)).toEqual([
    "Местное самоуправление",
    "Женский",
    2,
    2,
    100,
  ]);

  // The PDF summary, linked from the page: one page, the same indicators.
  const summaryHref = await outcomes
    .getByRole("link", { name: "Краткий отчёт об итогах (PDF)" })
    .getAttribute("href");
  const summary = await page.request.get(summaryHref ?? "");
  expect(summary.headers()["content-type"]).toBe("application/pdf");
  const pages = await pdfPages(await summary.body());
  expect(pages).toHaveLength(1);
  const text = pages[0]?.join("\n") ?? "";
  expect(text).toContain("Стратегии трудовой миграции");
  expect(text).toContain("При поддержке: Фонд «Сорос–Кыргызстан»");
  expect(text).toContain(
    `${rateText(all.improved, all.pairs)} ${rateText(women.improved, women.pairs)} ${rateText(men.improved, men.pairs)} —`,
  );

  // Certificates that wait for the post-test, once the seminar is over: Сыдыкова came but has not
  // answered it, so her page says so and links it; Жумабаева, who answered in the room, gets hers.
  await sql("UPDATE event_day SET ends_at = now() - interval '1 minute' WHERE id = $1", [event.second]);
  await sql(
    "UPDATE event SET certificate_min_days = 1, certificate_requires_post_test = true WHERE id = $1",
    [event.id],
  );
  await page.goto(await manageLinkFromLetter(emails.get("Сыдыкова") ?? ""));
  const missing = page.getByTestId("certificate-missing");
  await expect(missing).toContainText("Сертификат будет доступен, когда вы ответите:");
  await expect(missing.getByRole("link", { name: "Итоговый тест — Ответить" })).toBeVisible();
  // She registered in Kyrgyz: her page is in Kyrgyz.
  await page.goto(await manageLinkFromLetter(emails.get(ROOM) ?? ""));
  await expect(page.getByRole("link", { name: "Сертификатты жүктөп алуу (PDF)" })).toBeVisible();
  await expect(page.getByTestId("certificate-missing")).toHaveCount(0);
});
