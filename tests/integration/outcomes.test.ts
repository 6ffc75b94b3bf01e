import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { duplicateEvent } from "@/lib/events/mutations";
import {
  getOutcomeParticipants,
  getParticipantInstrument,
  getRegistrationOutcomes,
} from "@/lib/outcomes/data";
import {
  ensureInstrument,
  saveInstrumentSettings,
  submitResponse,
  switchInstrument,
} from "@/lib/outcomes/mutations";
import { eventOutcomes, scoreResponse } from "@/lib/outcomes/rules";
import { instrumentSettingsSchema } from "@/lib/outcomes/schema";
import { getQuestionsForEditor } from "@/lib/questions/data";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { parseRegistrationFilters, registrationWhere } from "@/lib/registrations/filters";
import { cancelRegistration, createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, registrationInput } from "../support/factories";

const staff = { type: "SYSTEM" } as const;

async function register(slug: string, person: Parameters<typeof registrationInput>[0] = {}) {
  const created = await createRegistration({
    slug,
    locale: "ky",
    input: registrationInput({ email: `${randomUUID()}@example.kg`, ...person }),
  });
  if (!created.ok) throw new Error(created.reason);
  return created;
}

/** An event with an open pre-test: a scored single choice, a scored multiple choice, a self-assessment. */
async function eventWithPreTest() {
  const event = await createTestEvent();
  const { id: instrumentId } = await ensureInstrument({ eventId: event.id, kind: "PRE_TEST" });
  const ids = {
    single: randomUUID(),
    right: randomUUID(),
    wrong: randomUUID(),
    multiple: randomUUID(),
    m1: randomUUID(),
    m2: randomUUID(),
    m3: randomUUID(),
    scale: randomUUID(),
  };
  const input = questionsEditSchema.parse({
    questions: [
      {
        id: ids.single,
        type: "SINGLE_CHOICE",
        required: true,
        points: "1",
        label: { ru: "Какой документ?", ky: "Кайсы документ?" },
        help: {},
        options: [
          { id: ids.right, label: { ru: "Концепция" }, correct: true },
          { id: ids.wrong, label: { ru: "Закон" } },
        ],
      },
      {
        id: ids.multiple,
        type: "MULTIPLE_CHOICE",
        points: "2",
        label: { ru: "Что входит?" },
        help: {},
        options: [
          { id: ids.m1, label: { ru: "Цели" }, correct: true },
          { id: ids.m2, label: { ru: "Индикаторы" }, correct: true },
          { id: ids.m3, label: { ru: "Погода" } },
        ],
      },
      {
        id: ids.scale,
        type: "SCALE",
        required: true,
        label: { ru: "Насколько вы знаете тему?" },
        help: {},
        scaleLow: { ru: "Совсем нет" },
        scaleHigh: { ru: "Отлично" },
      },
    ],
  });
  expect(await saveQuestions({ eventId: event.id, instrumentId, input, actor: staff })).toEqual({ ok: true });
  expect(await switchInstrument({ instrumentId, eventId: event.id, to: "open", actor: staff })).toEqual({
    ok: true,
  });
  return { event, instrumentId, ids };
}

describe("a test's responses", () => {
  it("are held to the instrument's questions, as registration answers are", async () => {
    const { event, ids } = await eventWithPreTest();
    const { manageToken: token } = await register(event.slug);
    const refused = await submitResponse({
      token,
      kind: "PRE_TEST",
      answers: { [ids.single]: randomUUID(), [ids.scale]: "7", [randomUUID()]: "x" },
    });
    expect(refused).toMatchObject({ ok: false, reason: "invalid" });
    if (refused.ok || refused.reason !== "invalid") throw new Error("refused");
    expect(refused.fieldErrors[`answers.${ids.single}`]).toBe("invalidChoice");
    expect(refused.fieldErrors[`answers.${ids.scale}`]).toBe("invalidChoice");
    expect(await submitResponse({ token, kind: "PRE_TEST", answers: {} })).toMatchObject({
      ok: false,
      fieldErrors: { [`answers.${ids.single}`]: "required", [`answers.${ids.scale}`]: "required" },
    });
    expect(await db.instrumentResponse.count({ where: { registration: { eventId: event.id } } })).toBe(0);

    expect(
      await submitResponse({
        token,
        kind: "PRE_TEST",
        answers: { [ids.single]: ids.right, [ids.multiple]: [ids.m1, ids.m3], [ids.scale]: "4" },
      }),
    ).toEqual({ ok: true });
    const found = await getParticipantInstrument({ token, kind: "PRE_TEST" });
    expect(found?.answered).toBe(true);
    const stored = await db.instrumentAnswer.findMany({
      where: { response: { registrationId: found?.registration.id } },
      include: { options: true },
    });
    const chosen = Object.fromEntries(
      stored.map((row) => [row.questionId, row.options.map((o) => o.optionId)]),
    );
    expect(scoreResponse(found?.key ?? {}, chosen)).toEqual({ points: 1, max: 3 });
    // The registration's staff page reads the same score.
    expect(
      await getRegistrationOutcomes({ registrationId: found?.registration.id ?? "", eventId: event.id }),
    ).toEqual([{ kind: "PRE_TEST", anonymous: false, answered: true, score: { points: 1, max: 3 } }]);
    expect(stored.find((row) => row.questionId === ids.scale)?.numberValue).toBe(4);
  });

  it("are refused a second time, even at the same moment, and the first stays", async () => {
    const { event, ids } = await eventWithPreTest();
    const { manageToken: token, registrationId } = await register(event.slug);
    const answers = (option: string) => ({ [ids.single]: option, [ids.scale]: "3" });
    const results = await Promise.all([
      submitResponse({ token, kind: "PRE_TEST", answers: answers(ids.right) }),
      submitResponse({ token, kind: "PRE_TEST", answers: answers(ids.wrong) }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "already_answered" }]);
    expect(await submitResponse({ token, kind: "PRE_TEST", answers: answers(ids.wrong) })).toEqual({
      ok: false,
      reason: "already_answered",
    });
    expect(await db.instrumentResponse.count({ where: { registrationId } })).toBe(1);
  });

  it("are refused, and nothing stored, when the instrument is closed or not yet open", async () => {
    const { event, instrumentId, ids } = await eventWithPreTest();
    const { manageToken: token, registrationId } = await register(event.slug);
    const answers = { [ids.single]: ids.right, [ids.scale]: "3" };
    await switchInstrument({ instrumentId, eventId: event.id, to: "close", actor: staff });
    expect(await submitResponse({ token, kind: "PRE_TEST", answers })).toEqual({
      ok: false,
      reason: "closed",
    });
    const later = new Date(Date.now() + 86_400_000);
    await db.instrument.update({ where: { id: instrumentId }, data: { opensAt: later, closesAt: null } });
    expect(await submitResponse({ token, kind: "PRE_TEST", answers })).toEqual({
      ok: false,
      reason: "not_open",
    });
    expect(await db.instrumentResponse.count({ where: { registrationId } })).toBe(0);
    expect(await db.instrumentAnswer.count({ where: { questionId: ids.single } })).toBe(0);
  });

  it("are refused from a cancelled registration", async () => {
    const { event, ids } = await eventWithPreTest();
    const { manageToken: token } = await register(event.slug);
    await cancelRegistration({ token });
    expect(
      await submitResponse({
        token,
        kind: "PRE_TEST",
        answers: { [ids.single]: ids.right, [ids.scale]: "3" },
      }),
    ).toEqual({ ok: false, reason: "not_allowed" });
  });

  it("a post-test asks the pre-test's questions by default", async () => {
    const { event, ids } = await eventWithPreTest();
    const { id: postId } = await ensureInstrument({ eventId: event.id, kind: "POST_TEST" });
    await switchInstrument({ instrumentId: postId, eventId: event.id, to: "open", actor: staff });
    const { manageToken: token } = await register(event.slug);
    const post = await getParticipantInstrument({ token, kind: "POST_TEST" });
    expect(post?.questions.map((question) => question.id)).toEqual([ids.single, ids.multiple, ids.scale]);
    expect(
      await submitResponse({
        token,
        kind: "POST_TEST",
        answers: { [ids.single]: ids.right, [ids.multiple]: [ids.m1, ids.m2], [ids.scale]: "5" },
      }),
    ).toEqual({ ok: true });
    // The participant's browser is given the questions, never the key.
    expect(JSON.stringify(post?.questions)).not.toContain('"correct"');
  });
});

describe("the registrations list", () => {
  it("filters by a test answered or not", async () => {
    const { event, ids } = await eventWithPreTest();
    const [answered, silent] = [await register(event.slug), await register(event.slug)];
    await submitResponse({
      token: answered.manageToken,
      kind: "PRE_TEST",
      answers: { [ids.single]: ids.right, [ids.scale]: "4" },
    });
    const found = async (instrument: string) =>
      (
        await db.registration.findMany({
          where: registrationWhere(event.id, parseRegistrationFilters({ instrument }, { questions: [] })),
          select: { id: true },
        })
      ).map((row) => row.id);
    expect(await found("PRE_TEST:done")).toEqual([answered.registrationId]);
    expect(await found("PRE_TEST:not_done")).toEqual([silent.registrationId]);
    // An address typed by hand: an unknown value filters nothing.
    expect((await found("PRE_TEST:maybe")).sort()).toEqual(
      [answered.registrationId, silent.registrationId].sort(),
    );
  });
});

describe("a copy of an event", () => {
  it("gets its instruments closed, with their questions, key and settings, and no responses", async () => {
    const { event, ids } = await eventWithPreTest();
    const { manageToken: token } = await register(event.slug);
    await submitResponse({ token, kind: "PRE_TEST", answers: { [ids.single]: ids.right, [ids.scale]: "2" } });
    const copyId = await duplicateEvent({ id: event.id, actor: staff });
    if (!copyId) throw new Error("no copy");
    const [copy] = await db.instrument.findMany({
      where: { eventId: copyId },
      include: { _count: { select: { responses: true } } },
    });
    expect(copy).toMatchObject({ kind: "PRE_TEST", opensAt: null, closesAt: null, _count: { responses: 0 } });
    const [original, copied] = await Promise.all([
      getQuestionsForEditor({
        instrumentId: (await ensureInstrument({ eventId: event.id, kind: "PRE_TEST" })).id,
      }),
      getQuestionsForEditor({ instrumentId: copy?.id ?? "" }),
    ]);
    const shape = (questions: typeof original) =>
      questions.map((question) => [
        question.type,
        question.points,
        question.label.ru,
        question.scale,
        question.options.map((option) => [option.label.ru, option.correct]),
      ]);
    expect(shape(copied)).toEqual(shape(original));
    expect(copied.map((question) => question.id)).not.toContain(ids.single);
  });
});

describe("an anonymous feedback survey", () => {
  async function eventWithSurvey() {
    const event = await createTestEvent();
    const { id: instrumentId } = await ensureInstrument({ eventId: event.id, kind: "FEEDBACK" });
    const rating = randomUUID();
    const input = questionsEditSchema.parse({
      questions: [
        { id: rating, type: "SCALE", required: true, label: { ru: "Оцените семинар" }, help: {} },
        { id: randomUUID(), type: "LONG_TEXT", label: { ru: "Что улучшить?" }, help: {} },
      ],
    });
    await saveQuestions({ eventId: event.id, instrumentId, input, actor: staff });
    const settings = instrumentSettingsSchema.parse({ anonymous: true, satisfactionQuestionId: rating });
    expect(
      await saveInstrumentSettings({
        instrumentId,
        eventId: event.id,
        input: settings,
        window: { opensAt: new Date(Date.now() - 60_000), closesAt: null },
        actor: staff,
      }),
    ).toEqual({ ok: true });
    return { event, instrumentId, rating, settings };
  }

  it("stores a response with no registration and only its day, yet refuses a second with the same link", async () => {
    const { event, instrumentId, rating, settings } = await eventWithSurvey();
    const { manageToken: token, registrationId } = await register(event.slug);
    expect(await submitResponse({ token, kind: "FEEDBACK", answers: { [rating]: "5" } })).toEqual({
      ok: true,
    });
    const responses = await db.instrumentResponse.findMany({ where: { instrumentId } });
    expect(responses).toHaveLength(1);
    expect(responses[0]?.registrationId).toBeNull();
    expect(responses[0]?.submittedOn.toISOString()).toMatch(/T00:00:00\.000Z$/);
    // The ballot says that this registration answered, and nothing else: no response, no time.
    const ballots = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM instrument_ballot WHERE instrument_id = ${instrumentId}::uuid`;
    expect(ballots).toEqual([{ instrument_id: instrumentId, registration_id: registrationId }]);

    expect(await submitResponse({ token, kind: "FEEDBACK", answers: { [rating]: "1" } })).toEqual({
      ok: false,
      reason: "already_answered",
    });
    expect(await db.instrumentResponse.count({ where: { instrumentId } })).toBe(1);
    expect((await getParticipantInstrument({ token, kind: "FEEDBACK" }))?.answered).toBe(true);
    expect(await getRegistrationOutcomes({ registrationId, eventId: event.id })).toEqual([
      { kind: "FEEDBACK", anonymous: true, answered: true, score: null },
    ]);
    // The list finds who answered by the ballot.
    const filters = parseRegistrationFilters({ instrument: "FEEDBACK:done" }, { questions: [] });
    expect(await db.registration.count({ where: registrationWhere(event.id, filters) })).toBe(1);

    // The survey keeps its anonymity once answered, and the database holds it to it.
    expect(
      await saveInstrumentSettings({
        instrumentId,
        eventId: event.id,
        input: { ...settings, anonymous: false },
        window: { opensAt: new Date(Date.now() - 60_000), closesAt: null },
        actor: staff,
      }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { anonymous: "anonymityLocked" } });
    await expect(
      db.instrument.update({ where: { id: instrumentId }, data: { anonymous: false } }),
    ).rejects.toThrow();
    await expect(
      db.instrumentResponse.create({
        data: { instrumentId, anonymous: true, registrationId, submittedOn: new Date("2026-12-02") },
      }),
    ).rejects.toThrow();
  });
});

describe("an event's outcomes", () => {
  it("count % improved by sector × gender as SQL counts it from the stored answers, of those who attended", async () => {
    const { event, ids } = await eventWithPreTest();
    const { id: postId } = await ensureInstrument({ eventId: event.id, kind: "POST_TEST" });
    await switchInstrument({ instrumentId: postId, eventId: event.id, to: "open", actor: staff });
    const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
    const answers = (single: string, multiple: string[]) => ({
      [ids.single]: single,
      [ids.multiple]: multiple,
      [ids.scale]: "3",
    });
    const wrong = answers(ids.wrong, [ids.m3]);
    const right = answers(ids.right, [ids.m1, ids.m2]);
    const people = [
      { category: "GOVERNMENT", gender: "FEMALE", attended: true, pre: wrong, post: right },
      { category: "GOVERNMENT", gender: "FEMALE", attended: true, pre: right, post: right },
      { category: "GOVERNMENT", gender: "MALE", attended: true, pre: wrong, post: answers(ids.right, []) },
      { category: "CIVIL_SOCIETY", gender: "MALE", attended: true, pre: wrong, post: right },
      // Improved, but never came: not counted.
      { category: "CIVIL_SOCIETY", gender: "FEMALE", attended: false, pre: wrong, post: right },
    ] as const;
    for (const person of people) {
      const { manageToken: token, registrationId } = await register(event.slug, {
        category: person.category,
        gender: person.gender,
      });
      expect(await submitResponse({ token, kind: "PRE_TEST", answers: person.pre })).toEqual({ ok: true });
      expect(await submitResponse({ token, kind: "POST_TEST", answers: person.post })).toEqual({ ok: true });
      if (person.attended) await db.attendance.create({ data: { registrationId, eventDayId: day.id } });
    }

    const { people: counted, threshold } = await getOutcomeParticipants({ eventId: event.id });
    const outcomes = eventOutcomes(counted, threshold);
    // The same, from the stored rows: a question earns its points when the
    // options chosen are exactly its correct ones.
    const rows = await db.$queryRaw<{ category: string; gender: string; improved: number; pairs: number }[]>`
      WITH earned AS (
        SELECT r.registration_id, i.kind, sum(q.points) FILTER (WHERE NOT EXISTS (
          SELECT 1 FROM question_option o WHERE o.question_id = q.id
            AND o.correct <> EXISTS (SELECT 1 FROM instrument_answer_option c
                                     WHERE c.response_id = r.id AND c.option_id = o.id))) AS points
        FROM instrument_response r JOIN instrument i ON i.id = r.instrument_id
        JOIN instrument_answer a ON a.response_id = r.id JOIN question q ON q.id = a.question_id
        WHERE i.event_id = ${event.id}::uuid AND q.points IS NOT NULL
        GROUP BY r.registration_id, i.kind)
      SELECT g.category::text, g.gender::text,
        count(*) FILTER (WHERE coalesce(post.points, 0) - coalesce(pre.points, 0) >= ${threshold})::int AS improved,
        count(*)::int AS pairs
      FROM registration g
      JOIN earned pre ON pre.registration_id = g.id AND pre.kind = 'PRE_TEST'
      JOIN earned post ON post.registration_id = g.id AND post.kind = 'POST_TEST'
      WHERE g.event_id = ${event.id}::uuid AND EXISTS (SELECT 1 FROM attendance t WHERE t.registration_id = g.id)
      GROUP BY 1, 2`;
    for (const row of rows) {
      expect(outcomes.bySectorGender[`${row.category}:${row.gender}`]?.improved).toMatchObject({
        count: row.improved,
        of: row.pairs,
      });
    }
    expect(rows).toHaveLength(3);
    expect(outcomes.bySectorGender["GOVERNMENT:FEMALE"]?.improved).toEqual({ count: 1, of: 2, percent: 50 });
    expect(outcomes.bySectorGender["GOVERNMENT:MALE"]?.improved).toEqual({ count: 1, of: 1, percent: 100 });
    expect(outcomes.bySectorGender["CIVIL_SOCIETY:FEMALE"]?.participants).toBe(0);
    expect(outcomes.all.improved).toEqual({ count: 3, of: 4, percent: 75 });
    expect(outcomes.all.averagePre).toBeCloseTo(((0 + 3 + 0 + 0) / 4 / 3) * 100);
  });
});
