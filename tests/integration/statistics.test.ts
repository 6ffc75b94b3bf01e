import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Locale } from "@/lib/i18n/routing";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { createRegistration } from "@/lib/registrations/mutations";
import type { RegistrationFormValues } from "@/lib/registrations/schema";
import { getAnswerStatistics, getEventStatistics, getYearStatistics } from "@/lib/statistics/data";
import { answerTables, type StatisticsLabels, type StatisticsTable } from "@/lib/statistics/tables";
import { statisticsWorkbook } from "@/lib/statistics/workbook";
import { insertRegistrations } from "../support/bulk-registrations";
import { createTestEvent, registrationInput } from "../support/factories";

const sql = (query: string, params: unknown[]) => db.$executeRawUnsafe(query, ...params);

/** An event of two days on given dates, with a mixed crowd. */
async function eventWithCrowd({ date, count }: { date: string; count: number }) {
  const event = await createTestEvent({ quotas: {} });
  await db.eventDay.deleteMany({ where: { eventId: event.id } });
  for (const [index, day] of [date, nextDay(date)].entries()) {
    await db.eventDay.create({
      data: {
        eventId: event.id,
        date: new Date(`${day}T00:00:00Z`),
        startsAt: new Date(`${day}T03:00:00Z`),
        endsAt: new Date(`${day}T${index === 0 ? "12" : "08"}:00:00Z`),
      },
    });
  }
  await insertRegistrations(sql, { eventId: event.id, count, tag: randomUUID() });
  return event;
}

function nextDay(date: string) {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}

async function countBy(eventId: string, column: "category" | "gender" | "region") {
  const rows = await db.$queryRawUnsafe<
    { key: string; registered: number; confirmed: number; attended: number }[]
  >(
    `SELECT ${column}::text AS key, count(*)::int AS registered,
       count(*) FILTER (WHERE status = 'CONFIRMED')::int AS confirmed,
       count(*) FILTER (WHERE id IN (SELECT registration_id FROM attendance))::int AS attended
     FROM registration WHERE event_id = $1::uuid GROUP BY 1`,
    eventId,
  );
  return Object.fromEntries(rows.map(({ key, ...counts }) => [key, counts]));
}

describe("statistics", () => {
  it("every figure of an event equals a count made by SQL over the same rows", async () => {
    const event = await eventWithCrowd({ date: "2031-05-02", count: 700 });
    // As the report is read after the seminar: no-shows are counted once a day has begun.
    const statistics = await getEventStatistics({ eventId: event.id, now: new Date("2031-06-01") });
    expect((await getEventStatistics({ eventId: event.id, now: new Date("2031-05-01") })).noShow).toBeNull();
    for (const column of ["category", "gender", "region"] as const) {
      const expected = await countBy(event.id, column);
      const actual = {
        category: statistics.byCategory,
        gender: statistics.byGender,
        region: Object.fromEntries(statistics.byRegion.map((region) => [region.code, region.counts])),
      }[column];
      const nonEmpty = Object.fromEntries(
        Object.entries(actual).filter(([, counts]) => counts.registered > 0),
      );
      expect(nonEmpty, column).toEqual(expected);
    }
    expect(statistics.totals.registered).toBe(700);

    const perDay = await db.$queryRawUnsafe<
      { date: string; category: string; gender: string; count: number }[]
    >(
      `SELECT to_char(d.date, 'YYYY-MM-DD') AS date, r.category::text, r.gender::text, count(*)::int AS count
       FROM attendance a JOIN registration r ON r.id = a.registration_id JOIN event_day d ON d.id = a.event_day_id
       WHERE r.event_id = $1::uuid GROUP BY 1, 2, 3`,
      event.id,
    );
    expect(statistics.attendanceByDay.map((day) => day.date)).toEqual(["2031-05-02", "2031-05-03"]);
    for (const day of statistics.attendanceByDay) {
      const ofDay = perDay.filter((row) => row.date === day.date);
      expect(day.total).toBe(ofDay.reduce((sum, row) => sum + row.count, 0));
      for (const [category, count] of Object.entries(day.byCategory)) {
        expect(count).toBe(
          ofDay.filter((row) => row.category === category).reduce((sum, row) => sum + row.count, 0),
        );
      }
      for (const [gender, count] of Object.entries(day.byGender)) {
        expect(count).toBe(
          ofDay.filter((row) => row.gender === gender).reduce((sum, row) => sum + row.count, 0),
        );
      }
    }

    const [noShow] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM registration
       WHERE event_id = $1::uuid AND status = 'CONFIRMED' AND id NOT IN (SELECT registration_id FROM attendance)`,
      event.id,
    );
    expect(statistics.noShow?.noShows).toBe(noShow?.count);
    expect(statistics.noShow?.noShows).toBeGreaterThan(0);

    const women = await db.registration.count({
      where: { eventId: event.id, category: "CIVIL_SOCIETY", gender: "FEMALE", attendance: { some: {} } },
    });
    expect(statistics.byCategoryAndGender.CIVIL_SOCIETY.FEMALE.attended).toBe(women);
  });

  it("a year counts each person once by normalized email, across events", async () => {
    const year = 2040 + Math.floor(Math.random() * 50);
    const first = await eventWithCrowd({ date: `${year}-03-10`, count: 30 });
    const second = await eventWithCrowd({ date: `${year}-10-01`, count: 20 });
    // Five people of the first come to the second too, their address typed differently.
    const returning = await db.registration.findMany({
      where: { eventId: first.id },
      orderBy: { number: "asc" },
      take: 5,
    });
    for (const [index, person] of returning.entries()) {
      await db.$executeRawUnsafe(
        `INSERT INTO registration (id, event_id, status, category, last_name, first_name, organization, position,
           region, email, email_normalized, phone, gender, consent_at, consent_version, manage_token_hash,
           check_in_code, updated_at)
         SELECT gen_random_uuid(), $1::uuid, 'CONFIRMED', category, last_name, first_name, organization, position,
           region, '  ' || upper(email), lower(btrim(upper(email))), phone, gender, now(), consent_version,
           md5(random()::text) || md5(random()::text), 'R' || $3::int, now()
         FROM registration WHERE id = $2::uuid`,
        second.id,
        person.id,
        index,
      );
    }
    const summary = await getYearStatistics({ year, events: "every" });
    expect(summary.events.map((event) => event.id)).toEqual([first.id, second.id]);
    expect(summary.events.map((event) => event.registered)).toEqual([30, 25]);
    expect(summary.people.total).toBe(50);
    const [distinct] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(DISTINCT email_normalized)::int AS count FROM registration WHERE event_id IN ($1::uuid, $2::uuid)`,
      first.id,
      second.id,
    );
    expect(summary.people.total).toBe(distinct?.count);
  });
});

/** The statistics' words as lib/statistics/labels.ts gives them, from the messages of one language. */
async function labelsIn(locale: Locale): Promise<StatisticsLabels> {
  const messages = (await import(`@/lib/i18n/messages/${locale}.json`)).default;
  const t = createTranslator({ locale, messages });
  return {
    t: (key, values) => t(`admin.statistics.${key}` as "admin.statistics.title", values),
    category: (key) => t(`category.${key}` as "category.OTHER"),
    gender: (key) => t(`gender.${key}` as "gender.FEMALE"),
    yesNo: (key) => t(`questions.${key}` as "questions.yes"),
    locale,
  };
}

/** A table as a reader sees it: its rows by name (grouped rows as "group / name"), and its total. */
function shown(table: StatisticsTable) {
  return {
    title: table.title,
    rows: Object.fromEntries(
      table.rows.map((row) => [row.group ? `${row.group} / ${row.name}` : row.name, row.values]),
    ),
    total: table.total,
  };
}

describe("statistics of the answers to choice questions", () => {
  const newIds = () => ({
    group: randomUUID(),
    a: randomUUID(),
    b: randomUUID(),
    topics: randomUUID(),
    x: randomUUID(),
    y: randomUUID(),
    interpretation: randomUUID(),
    old: randomUUID(),
    kept: randomUUID(),
  });
  const questionsOf = (ids: ReturnType<typeof newIds>) => [
    {
      id: ids.group,
      type: "SINGLE_CHOICE",
      label: { ru: "Рабочая группа", ky: "Жумушчу топ" },
      help: {},
      options: [
        { id: ids.a, label: { ru: "Группа А", ky: "А тобу" } },
        { id: ids.b, label: { ru: "Группа Б" } },
      ],
    },
    {
      id: ids.topics,
      type: "MULTIPLE_CHOICE",
      label: { ru: "Темы" },
      help: {},
      options: [
        { id: ids.x, label: { ru: "Право" } },
        { id: ids.y, label: { ru: "Статистика" } },
      ],
    },
    { id: ids.interpretation, type: "YES_NO", label: { ru: "Нужен ли перевод?" }, help: {} },
    {
      id: ids.old,
      type: "SINGLE_CHOICE",
      label: { ru: "Трансфер" },
      help: {},
      options: [{ id: ids.kept, label: { ru: "Из Бишкека" } }],
    },
  ];

  async function eventWithAnswers() {
    const ids = newIds();
    const questions = questionsOf(ids);
    const quotas = { GOVERNMENT: 10, LOCAL_GOVERNMENT: 10, CIVIL_SOCIETY: 10, OTHER: 10 };
    const event = await createTestEvent({ capacity: 40, quotas });
    const staff = { type: "SYSTEM" } as const;
    expect(
      await saveQuestions({
        eventId: event.id,
        input: questionsEditSchema.parse({ questions }),
        actor: staff,
      }),
    ).toEqual({ ok: true });
    const people: [Partial<RegistrationFormValues>, string?][] = [
      [
        {
          category: "GOVERNMENT",
          gender: "FEMALE",
          answers: {
            [ids.group]: ids.a,
            [ids.topics]: [ids.x, ids.y],
            [ids.interpretation]: "yes",
            [ids.old]: ids.kept,
          },
        },
      ],
      [
        {
          category: "GOVERNMENT",
          gender: "MALE",
          answers: { [ids.group]: ids.a, [ids.topics]: [ids.x], [ids.interpretation]: "no" },
        },
      ],
      [
        {
          category: "LOCAL_GOVERNMENT",
          gender: "FEMALE",
          answers: {
            [ids.group]: ids.b,
            [ids.topics]: [ids.y],
            [ids.interpretation]: "yes",
            [ids.old]: ids.kept,
          },
        },
      ],
      [{ category: "CIVIL_SOCIETY", gender: "UNDISCLOSED", answers: {} }],
      // Not holding a seat: not counted.
      [
        {
          category: "LOCAL_GOVERNMENT",
          gender: "FEMALE",
          answers: { [ids.group]: ids.b, [ids.interpretation]: "yes" },
        },
        "CANCELLED",
      ],
      [
        { category: "OTHER", gender: "MALE", answers: { [ids.group]: ids.a, [ids.topics]: [ids.x] } },
        "WAITLISTED",
      ],
      [{ category: "OTHER", gender: "FEMALE", answers: { [ids.group]: ids.a } }, "DECLINED"],
    ];
    for (const [person, status] of people) {
      const result = await createRegistration({
        slug: event.slug,
        locale: "ru",
        input: registrationInput(person),
      });
      if (!result.ok) throw new Error(result.reason);
      if (status) {
        await db.$executeRawUnsafe(
          `UPDATE registration SET status = $2::"RegistrationStatus" WHERE id = $1::uuid`,
          result.registrationId,
          status,
        );
      }
    }
    // "Трансфер" is taken off the form after two people answered it: archived, its answers kept.
    const remaining = questionsEditSchema.parse({
      questions: questions.filter((question) => question.id !== ids.old),
    });
    expect(await saveQuestions({ eventId: event.id, input: remaining, actor: staff })).toEqual({ ok: true });
    return event;
  }

  it("counts confirmed participants per option, by gender and by sector, and says so", async () => {
    const event = await eventWithAnswers();
    const statistics = await getAnswerStatistics({ eventId: event.id });
    expect(statistics.confirmed).toBe(4);
    const tables = answerTables(statistics, await labelsIn("ru"));
    expect(tables.map(({ answers }) => answers.title)).toEqual([
      "Рабочая группа",
      "Темы",
      "Нужен ли перевод?",
      "Трансфер (вопрос в архиве)",
    ]);
    const [group, topics, interpretation, old] = tables as [
      (typeof tables)[number],
      (typeof tables)[number],
      (typeof tables)[number],
      (typeof tables)[number],
    ];

    expect(group.answers.head).toEqual(["Ответ", "Женщины", "Мужчины", "Не указан", "Всего"]);
    expect(group.answers.note).toBe(
      "Считаются подтверждённые участники (4), каждый один раз; «Нет ответа» — те, кто не ответил на вопрос.",
    );
    expect(shown(group.answers)).toEqual({
      title: "Рабочая группа",
      rows: { "Группа А": [1, 1, 0, 2], "Группа Б": [1, 0, 0, 1], "Нет ответа": [0, 0, 1, 1] },
      total: [2, 1, 1, 4],
    });
    expect(shown(group.bySector).rows).toMatchObject({
      "Группа А / Государственные органы": [1, 1, 0, 2],
      "Группа А / Местное самоуправление": [0, 0, 0, 0],
      "Группа Б / Местное самоуправление": [1, 0, 0, 1],
      "Нет ответа / Гражданское общество": [0, 0, 1, 1],
    });
    expect(group.bySector.total).toEqual([2, 1, 1, 4]);

    // Multiple choice: one person in several rows, and no total that would add them up twice.
    expect(topics.answers.note).toMatch(/один человек может быть учтён в нескольких строках/);
    expect(shown(topics.answers)).toEqual({
      title: "Темы",
      rows: { Право: [1, 1, 0, 2], Статистика: [2, 0, 0, 2], "Нет ответа": [0, 0, 1, 1] },
      total: undefined,
    });
    expect(topics.bySector.total).toBeUndefined();

    expect(shown(interpretation.answers).rows).toEqual({
      Да: [2, 0, 0, 2],
      Нет: [0, 1, 0, 1],
      "Нет ответа": [0, 0, 1, 1],
    });
    expect(shown(old.answers).rows).toEqual({ "Из Бишкека": [2, 0, 0, 2], "Нет ответа": [0, 1, 1, 2] });
    expect(group.answers.bars).toBe(3);
  });

  it("speaks the reader's language, falling back to Russian, and the .xlsx holds the same tables", async () => {
    const event = await eventWithAnswers();
    const statistics = await getAnswerStatistics({ eventId: event.id });
    const [group] = answerTables(statistics, await labelsIn("ky"));
    if (!group) throw new Error("no table");
    expect(group.answers.title).toBe("Жумушчу топ");
    expect(group.answers.head).toEqual(["Жооп", "Аялдар", "Эркектер", "Көрсөтүлгөн эмес", "Бардыгы"]);
    expect(Object.keys(shown(group.answers).rows)).toEqual(["А тобу", "Группа Б", "Жооп жок"]);

    const tables = answerTables(statistics, await labelsIn("ru")).flatMap((question) => [
      question.answers,
      question.bySector,
    ]);
    const file = await statisticsWorkbook({
      title: "Семинар — Статистика",
      sheetName: "Статистика",
      tables,
      totalLabel: "Всего",
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
    // Array.from, not map: the sheet's values skip empty rows, and map would keep the holes.
    const rows = Array.from(workbook.worksheets[0]?.getSheetValues() ?? [], (row) =>
      Array.isArray(row) ? row.slice(1) : [],
    );
    const at = (first: string, after = 0) =>
      rows.findIndex((row, index) => index > after && row[0] === first);
    const title = at("Рабочая группа");
    expect(rows[title + 1]?.[0]).toMatch(/^Считаются подтверждённые участники \(4\)/);
    expect(rows[title + 2]).toEqual(["Ответ", "Женщины", "Мужчины", "Не указан", "Всего"]);
    expect(rows[title + 3]).toEqual(["Группа А", 1, 1, 0, 2]);
    expect(rows[at("Всего", title)]).toEqual(["Всего", 2, 1, 1, 4]);
    const bySector = at("Рабочая группа: по секторам и полу");
    expect(rows[bySector + 3]).toEqual(["Группа А"]);
    expect(rows[bySector + 4]).toEqual(["Государственные органы", 1, 1, 0, 2]);
    expect(at("Трансфер (вопрос в архиве)")).toBeGreaterThan(0);
  });
});
