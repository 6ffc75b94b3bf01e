import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countExportRows, getEventForExport, registrationBatches } from "@/lib/exports/data";
import { getChoiceQuestions } from "@/lib/questions/data";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { countFound, countRegistrations, listRegistrations } from "@/lib/registrations/data";
import {
  filtersQuery,
  pageStartQuery,
  parsePageStart,
  parseRegistrationFilters,
  type RegistrationFilters,
} from "@/lib/registrations/filters";
import { insertRegistrations } from "../support/bulk-registrations";
import { createTestEvent } from "../support/factories";

// The list filtered by the answer to one of the event's choice questions: the
// same rows on the list's pages, in its count and in its export, and nothing
// but this event's own questions and options accepted from the address.

const staff = { type: "SYSTEM" } as const;
const ids = {
  group: randomUUID(),
  a: randomUUID(),
  b: randomUUID(),
  topics: randomUUID(),
  x: randomUUID(),
  y: randomUUID(),
  interpretation: randomUUID(),
  nights: randomUUID(),
  other: randomUUID(),
  otherOption: randomUUID(),
};
let eventId: string;

async function eventWithQuestions(questions: unknown[]) {
  const event = await createTestEvent({ capacity: 1000, quotas: {} });
  const input = questionsEditSchema.parse({ questions });
  expect(await saveQuestions({ eventId: event.id, input, actor: staff })).toEqual({ ok: true });
  return event;
}

beforeAll(async () => {
  const event = await eventWithQuestions([
    {
      id: ids.group,
      type: "SINGLE_CHOICE",
      label: { ru: "Рабочая группа" },
      help: {},
      options: [
        { id: ids.a, label: { ru: "Группа А" } },
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
    { id: ids.nights, type: "NUMBER", label: { ru: "Ночей" }, help: {} },
  ]);
  eventId = event.id;
  await eventWithQuestions([
    {
      id: ids.other,
      type: "SINGLE_CHOICE",
      label: { ru: "Чужой вопрос" },
      help: {},
      options: [{ id: ids.otherOption, label: { ru: "Чужой вариант" } }],
    },
  ]);
  const sql = (query: string, params: unknown[]) => db.$executeRawUnsafe(query, ...params);
  await insertRegistrations(sql, { eventId, count: 400, tag: randomUUID() });
  // Group A for a third, B for a third, no answer for the rest; topics x and/or
  // y; yes for a quarter, no for another quarter.
  await sql(
    `INSERT INTO registration_answer (registration_id, question_id, boolean_value)
     SELECT id, $2::uuid, NULL::boolean FROM registration WHERE event_id = $1::uuid AND number % 3 <> 2
     UNION ALL
     SELECT id, $3::uuid, NULL FROM registration WHERE event_id = $1::uuid AND (number % 2 = 0 OR number % 3 = 0)
     UNION ALL
     SELECT id, $4::uuid, number % 4 = 0 FROM registration WHERE event_id = $1::uuid AND number % 4 < 2`,
    [eventId, ids.group, ids.topics, ids.interpretation],
  );
  await sql(
    `INSERT INTO registration_answer_option (registration_id, question_id, option_id)
     SELECT id, $2::uuid, CASE WHEN number % 3 = 0 THEN $3::uuid ELSE $4::uuid END
       FROM registration WHERE event_id = $1::uuid AND number % 3 <> 2
     UNION ALL
     SELECT id, $5::uuid, $6::uuid FROM registration WHERE event_id = $1::uuid AND number % 2 = 0
     UNION ALL
     SELECT id, $5::uuid, $7::uuid FROM registration WHERE event_id = $1::uuid AND number % 3 = 0`,
    [eventId, ids.group, ids.a, ids.b, ids.topics, ids.x, ids.y],
  );
});

/** The numbers of the rows an answer selects, counted by SQL of its own, in arrival order. */
async function numbersWhere(condition: string, params: unknown[] = []): Promise<number[]> {
  const rows = await db.$queryRawUnsafe<{ number: number }[]>(
    `SELECT number FROM registration WHERE event_id = $1::uuid AND ${condition} ORDER BY number`,
    eventId,
    ...params,
  );
  return rows.map((row) => row.number);
}

async function filtersOf(query: Record<string, string>) {
  return parseRegistrationFilters(query, { questions: await getChoiceQuestions({ eventId }) });
}

async function walk(filters: RegistrationFilters) {
  const pages: number[][] = [];
  let page = await listRegistrations({ eventId, contacts: true, filters });
  pages.push(page.rows.map((row) => row.number));
  while (page.next) {
    // The next page's link, as the page writes it and the browser sends it back.
    const link = new URLSearchParams([...filtersQuery(filters), ...pageStartQuery(page.next)]);
    const followed = await filtersOf(Object.fromEntries(link));
    expect(followed).toEqual(filters);
    page = await listRegistrations({
      eventId,
      contacts: true,
      filters,
      start: parsePageStart(link, followed),
    });
    pages.push(page.rows.map((row) => row.number));
  }
  return pages;
}

describe("the registrations list filtered by an answer", () => {
  it.each([
    { name: "a single choice's option", answer: () => `${ids.group}:${ids.a}`, where: "number % 3 = 0" },
    { name: "a multiple choice's option", answer: () => `${ids.topics}:${ids.y}`, where: "number % 3 = 0" },
    { name: "yes", answer: () => `${ids.interpretation}:yes`, where: "number % 4 = 0" },
    { name: "no", answer: () => `${ids.interpretation}:no`, where: "number % 4 = 1" },
  ])("shows the rows answered with $name, page by page, in the link's order", async ({ answer, where }) => {
    const filters = await filtersOf({ answer: answer(), sort: "name", desc: "1" });
    expect(filters.answer).toBe(answer());
    const expected = await numbersWhere(where);
    expect(expected.length).toBeGreaterThan(50);
    const pages = await walk(filters);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flat().sort((m, n) => m - n)).toEqual(expected);
  });

  it("combines with the other filters, in the list, its count and its export alike", async () => {
    const filters = await filtersOf({ answer: `${ids.topics}:${ids.x}`, status: "CONFIRMED" });
    const expected = await numbersWhere("number % 2 = 0 AND status = 'CONFIRMED'");
    expect(expected.length).toBeGreaterThan(0);
    const pages = await walk(filters);
    expect(pages.flat()).toEqual(expected);
    const found = await countFound({
      eventId,
      contacts: true,
      filters,
      counts: await countRegistrations({ eventId }),
    });
    expect(found).toEqual({ count: expected.length, more: false });

    const event = await getEventForExport({ id: eventId });
    if (!event) throw new Error("no event");
    for (const answer of [`${ids.group}:${ids.b}`, `${ids.interpretation}:yes`, `${ids.topics}:${ids.x}`]) {
      const withAnswer = await filtersOf({ answer, category: "GOVERNMENT", sort: "organization" });
      const listed = (await walk(withAnswer)).flat();
      const exported: number[] = [];
      for await (const batch of registrationBatches({ event, filters: withAnswer, batchSize: 9 })) {
        exported.push(...batch.map((row) => row.number));
      }
      expect(exported, answer).toEqual(listed);
      expect(await countExportRows({ eventId, filters: withAnswer })).toBe(listed.length);
    }
  });

  it("drops an answer the address names that is not one of this event's choices", async () => {
    const unfiltered = await listRegistrations({ eventId, contacts: true, filters: {} });
    for (const answer of [
      `${ids.other}:${ids.otherOption}`, // another event's question and option
      `${ids.group}:${ids.otherOption}`, // another event's option
      `${ids.group}:${ids.x}`, // an option of another question of this event
      `${ids.group}:yes`, // yes for a choice question
      `${ids.interpretation}:${ids.a}`, // an option for a yes/no question
      `${ids.nights}:yes`, // a question that is no choice
      `${randomUUID()}:${randomUUID()}`,
      "not-a-uuid:yes",
      `${ids.group}:${ids.a}:${ids.b}`,
      `${ids.group}`,
      `${ids.group}:`,
      `${ids.group}:${ids.a}' OR 1=1 --`,
      "x".repeat(10_000),
    ]) {
      const filters = await filtersOf({ answer, status: "CONFIRMED" });
      expect(filters, answer).toEqual({ status: "CONFIRMED" });
      expect(filtersQuery(filters).has("answer")).toBe(false);
    }
    // An answer among several values of the key: the first one counts, as for every filter.
    const repeated = parseRegistrationFilters(
      { answer: [`${ids.group}:${ids.a}`, `${ids.other}:${ids.otherOption}`] },
      { questions: await getChoiceQuestions({ eventId }) },
    );
    expect(repeated.answer).toBe(`${ids.group}:${ids.a}`);
    expect(
      (await listRegistrations({ eventId, contacts: true, filters: await filtersOf({ answer: "a:b" }) }))
        .rows,
    ).toEqual(unfiltered.rows);
  });
});
