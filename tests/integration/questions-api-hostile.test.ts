import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/events/[slug]/registrations/route";
import { db } from "@/lib/db";
import { PEER_HEADER } from "@/lib/http/client-address";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { createTestEvent, registrationInput } from "../support/factories";

// Answers that do not meet an event's questions, sent through the JSON
// registration API: each is refused with 400 and the answer's own field
// error (keyed answers.<questionId>), none is a 500, none leaves a row.

let address = 0;

async function post(slug: string, body: unknown) {
  address += 1;
  const request = new Request(`http://127.0.0.1/api/events/${slug}/registrations`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      // Each its own client (the web server's peer header): answers are
      // checked after the rate limit is counted.
      [PEER_HEADER]: `10.7.${Math.floor(address / 250)}.${address % 250}`,
    },
    body: JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({ slug }) });
  const text = await response.text();
  return { status: response.status, json: JSON.parse(text) as { fieldErrors?: Record<string, string> } };
}

describe("answers under hostile input, through the JSON API", () => {
  it("refuses a thousand wrong answers with their field errors and keeps nothing", {
    timeout: 120_000,
  }, async () => {
    const event = await createTestEvent({ capacity: 5 });
    const ids = {
      text: randomUUID(),
      long: randomUUID(),
      single: randomUUID(),
      a: randomUUID(),
      b: randomUUID(),
      multi: randomUUID(),
      c: randomUUID(),
      yesNo: randomUUID(),
      shown: randomUUID(),
      number: randomUUID(),
      date: randomUUID(),
      email: randomUUID(),
      phone: randomUUID(),
    };
    const input = questionsEditSchema.parse({
      questions: [
        { id: ids.text, type: "SHORT_TEXT", required: true, label: { ru: "Текст" }, help: {} },
        { id: ids.long, type: "LONG_TEXT", label: { ru: "Длинный" }, help: {} },
        {
          id: ids.single,
          type: "SINGLE_CHOICE",
          label: { ru: "Один" },
          help: {},
          options: [
            { id: ids.a, label: { ru: "А" }, places: "1" },
            { id: ids.b, label: { ru: "Б" } },
          ],
        },
        {
          id: ids.multi,
          type: "MULTIPLE_CHOICE",
          label: { ru: "Несколько" },
          help: {},
          options: [{ id: ids.c, label: { ru: "В" } }],
        },
        { id: ids.yesNo, type: "YES_NO", label: { ru: "Да/нет" }, help: {} },
        {
          id: ids.shown,
          type: "SHORT_TEXT",
          label: { ru: "После да" },
          help: {},
          conditionQuestionId: ids.yesNo,
          conditionValues: ["yes"],
        },
        { id: ids.number, type: "NUMBER", label: { ru: "Число" }, help: {}, minNumber: "1", maxNumber: "9" },
        {
          id: ids.date,
          type: "DATE",
          label: { ru: "Дата" },
          help: {},
          minDate: "2026-12-01",
          maxDate: "2026-12-31",
        },
        { id: ids.email, type: "EMAIL", label: { ru: "Почта" }, help: {} },
        { id: ids.phone, type: "PHONE", label: { ru: "Телефон" }, help: {} },
      ],
    });
    expect(await saveQuestions({ eventId: event.id, input, actor: { type: "SYSTEM" } })).toEqual({
      ok: true,
    });

    const valid = { [ids.text]: "Да" };
    // [question, wrong value, the error it gets]
    const wrong: [string, unknown, string][] = [
      [ids.text, "", "required"],
      [ids.text, "   ", "required"],
      [ids.text, "x".repeat(201), "tooLong"],
      [ids.text, "a\u0007b", "invalidText"],
      [ids.text, "a\nb", "invalidText"],
      [ids.text, "...", "invalidText"],
      [ids.text, 12, "required"],
      [ids.text, ["Да"], "required"],
      [ids.text, { $gt: "" }, "invalidChoice"],
      [ids.long, "б".repeat(1001), "tooLong"],
      [ids.long, "a\u0000b", "invalidText"],
      [ids.single, randomUUID(), "invalidChoice"],
      [ids.single, "А", "invalidChoice"],
      [ids.single, [ids.a, ids.b], "invalidChoice"],
      [ids.single, true, "invalidChoice"],
      [ids.multi, [ids.c, randomUUID()], "invalidChoice"],
      // More options than any question has: refused by the answers' general shape.
      [ids.multi, Array(51).fill(ids.c), "invalidChoice"],
      [ids.multi, 7, "invalidChoice"],
      [ids.yesNo, "maybe", "invalidChoice"],
      [ids.yesNo, 1, "invalidChoice"],
      [ids.shown, "Английский", "notAsked"],
      [ids.number, "0", "tooSmall"],
      [ids.number, 10, "tooLarge"],
      [ids.number, "1e3", "invalidNumber"],
      [ids.number, "NaN", "invalidNumber"],
      [ids.number, "Infinity", "invalidNumber"],
      [ids.date, "2026-11-30", "tooEarly"],
      [ids.date, "2027-01-01", "tooLate"],
      [ids.date, "2026-02-30", "invalidDate"],
      [ids.date, "31.12.2026", "invalidDate"],
      [ids.date, 20261215, "invalidDate"],
      [ids.email, "not-an-address", "invalidEmail"],
      [ids.phone, "call me", "invalidPhone"],
    ];
    const cases: { answers: unknown; expected: Record<string, string> }[] = [];
    // Each wrong value with a growing set of valid answers beside it, so a
    // thousand payloads vary what is right around what is wrong.
    for (let round = 0; round < 31; round++) {
      for (const [question, value, key] of wrong) {
        const beside: Record<string, unknown> = { ...valid };
        if (round % 2 === 1) beside[ids.number] = String(1 + (round % 9));
        if (round % 3 === 1) beside[ids.yesNo] = round % 2 === 0;
        if (round % 5 === 1) beside[ids.multi] = [ids.c];
        const answers = { ...beside, [question]: value };
        if (question === ids.shown) answers[ids.yesNo] = "no";
        cases.push({ answers, expected: { [`answers.${question}`]: key } });
      }
    }
    // Keys that are no question of the event, and too many answers.
    cases.push({ answers: { ...valid, [randomUUID()]: "?" }, expected: { answers: "notAsked" } });
    cases.push({
      answers: { ...valid, __proto__: "x", constructor: "y" },
      expected: { "answers.constructor": "notAsked" },
    });
    cases.push({ answers: "all of them", expected: { answers: "notAsked" } });
    cases.push({
      answers: Object.fromEntries(Array.from({ length: 201 }, () => [randomUUID(), "x"])),
      expected: { answers: "tooManyAnswers" },
    });
    expect(cases.length).toBeGreaterThanOrEqual(1000);

    const failures: string[] = [];
    for (let start = 0; start < cases.length; start += 25) {
      await Promise.all(
        cases.slice(start, start + 25).map(async ({ answers, expected }, offset) => {
          const response = await post(event.slug, {
            ...JSON.parse(JSON.stringify(registrationInput())),
            answers,
          });
          const got = response.json.fieldErrors ?? {};
          if (response.status !== 400 || JSON.stringify(got) !== JSON.stringify(expected)) {
            failures.push(
              `#${start + offset}: ${response.status} ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`,
            );
          }
        }),
      );
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
    expect(await db.registrationAnswer.count({ where: { question: { eventId: event.id } } })).toBe(0);

    // A valid set goes through, and the limited option it took is then full.
    const taken = await post(event.slug, {
      ...JSON.parse(JSON.stringify(registrationInput())),
      answers: { ...valid, [ids.single]: ids.a },
    });
    expect(taken.status).toBe(202);
    const full = await post(event.slug, {
      ...JSON.parse(JSON.stringify(registrationInput())),
      answers: { ...valid, [ids.single]: ids.a },
    });
    expect(full).toEqual({
      status: 400,
      json: expect.objectContaining({ fieldErrors: { [`answers.${ids.single}`]: "optionFull" } }),
    });
  });
});
