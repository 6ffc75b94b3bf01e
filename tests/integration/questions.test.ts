import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/events/[slug]/route";
import { db } from "@/lib/db";
import { duplicateEvent } from "@/lib/events/mutations";
import { getAnswers, getEventForm, getPlacesTaken, getQuestionsForEditor } from "@/lib/questions/data";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { cancelRegistration, createRegistration, updateRegistration } from "@/lib/registrations/mutations";
import { registrationUpdateSchema } from "@/lib/registrations/schema";
import { createTestEvent, registrationInput } from "../support/factories";

const staff = { type: "SYSTEM" } as const;

/** An event with the demo's kind of questions: a limited group, yes/no, a text shown after "yes", a number. */
async function eventWithQuestions({ places = 10 }: { places?: number } = {}) {
  const event = await createTestEvent();
  const ids = {
    group: randomUUID(),
    a: randomUUID(),
    b: randomUUID(),
    needs: randomUUID(),
    language: randomUUID(),
    nights: randomUUID(),
  };
  const input = questionsEditSchema.parse({
    questions: [
      {
        id: ids.group,
        type: "SINGLE_CHOICE",
        required: true,
        label: { ru: "Рабочая группа", ky: "Жумушчу топ", en: "Working group" },
        help: {},
        options: [
          { id: ids.a, label: { ru: "Группа А" }, places: String(places) },
          { id: ids.b, label: { ru: "Группа Б" } },
        ],
      },
      { id: ids.needs, type: "YES_NO", label: { ru: "Нужен ли вам перевод?" }, help: {} },
      {
        id: ids.language,
        type: "SHORT_TEXT",
        required: true,
        label: { ru: "На какой язык?" },
        help: {},
        conditionQuestionId: ids.needs,
        conditionValues: ["yes"],
      },
      { id: ids.nights, type: "NUMBER", label: { ru: "Ночей" }, help: {}, minNumber: "0", maxNumber: "5" },
    ],
  });
  expect(await saveQuestions({ eventId: event.id, input, actor: staff })).toEqual({ ok: true });
  return { event, ids, input };
}

describe("the event API", () => {
  it("lists the event's questions in order, with their bounds, conditions and places left", async () => {
    const { event, ids } = await eventWithQuestions({ places: 3 });
    const taken = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ answers: { [ids.group]: ids.a } }),
    });
    expect(taken.ok).toBe(true);
    const response = await GET(new Request(`http://127.0.0.1/api/events/${event.slug}`), {
      params: Promise.resolve({ slug: event.slug }),
    });
    expect(response.status).toBe(200);
    const { questions } = (await response.json()) as { questions: Record<string, unknown>[] };
    expect(questions.map((question) => question.id)).toEqual([
      ids.group,
      ids.needs,
      ids.language,
      ids.nights,
    ]);
    expect(questions[0]).toMatchObject({
      type: "SINGLE_CHOICE",
      required: true,
      label: { ru: "Рабочая группа", ky: "Жумушчу топ", en: "Working group" },
      options: [
        { id: ids.a, label: { ru: "Группа А" }, placesLeft: 2 },
        { id: ids.b, label: { ru: "Группа Б" }, placesLeft: null },
      ],
      showIf: null,
    });
    expect(questions[2]).toMatchObject({ showIf: { questionId: ids.needs, values: ["yes"] } });
    expect(questions[3]).toMatchObject({ type: "NUMBER", min: 0, max: 5 });
  });
});

describe("registration with answers", () => {
  it("stores the answers typed, with the registration", async () => {
    const { event, ids } = await eventWithQuestions();
    const result = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({
        answers: {
          [ids.group]: ids.b,
          [ids.needs]: "yes",
          [ids.language]: " Английский ",
          [ids.nights]: "2",
        },
      }),
    });
    if (!result.ok) throw new Error(result.reason);
    const answers = await getAnswers({ registrationId: result.registrationId });
    expect(answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionId: ids.group, optionIds: [ids.b] }),
        expect.objectContaining({ questionId: ids.needs, booleanValue: true }),
        expect.objectContaining({ questionId: ids.language, textValue: "Английский" }),
        expect.objectContaining({ questionId: ids.nights, numberValue: 2 }),
      ]),
    );
  });

  it("refuses what the questions do not allow, and writes nothing", async () => {
    const { event, ids } = await eventWithQuestions();
    const attempts = [
      { answers: {} },
      { answers: { [ids.group]: ids.a, [ids.needs]: "no", [ids.language]: "Английский" } },
      { answers: { [ids.group]: ids.a, [ids.needs]: "yes" } },
      { answers: { [ids.group]: randomUUID() } },
      { answers: { [ids.group]: ids.a, [ids.nights]: "6" } },
      { answers: { [ids.group]: ids.a, [randomUUID()]: "?" } },
    ];
    const results = await Promise.all(
      attempts.map((overrides) =>
        createRegistration({ slug: event.slug, locale: "ru", input: registrationInput(overrides) }),
      ),
    );
    expect(
      results.map((result) =>
        result.ok ? "ok" : result.reason === "invalid" ? result.fieldErrors : result.reason,
      ),
    ).toEqual([
      { [`answers.${ids.group}`]: "required" },
      { [`answers.${ids.language}`]: "notAsked" },
      { [`answers.${ids.language}`]: "required" },
      { [`answers.${ids.group}`]: "invalidChoice" },
      { [`answers.${ids.nights}`]: "tooLarge" },
      { answers: "notAsked" },
    ]);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("100 at once for an option limited to 10 take exactly 10; a cancellation frees a place", async () => {
    const { event, ids } = await eventWithQuestions({ places: 10 });
    const results = await Promise.all(
      Array.from({ length: 100 }, () =>
        createRegistration({
          slug: event.slug,
          locale: "ru",
          input: registrationInput({ answers: { [ids.group]: ids.a } }),
        }),
      ),
    );
    const taken = results.filter((result) => result.ok);
    expect(taken).toHaveLength(10);
    expect(results.filter((result) => !result.ok)).toEqual(
      Array(90).fill({
        ok: false,
        reason: "invalid",
        fieldErrors: { [`answers.${ids.group}`]: "optionFull" },
      }),
    );
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(10);
    expect(await getPlacesTaken({ eventId: event.id })).toEqual({ [ids.a]: 10 });

    // A cancellation gives its place to the next person, and only one.
    const first = taken[0];
    if (!first?.ok) throw new Error("no registration");
    expect(await cancelRegistration({ token: first.manageToken })).toEqual({ ok: true });
    const next = () =>
      createRegistration({
        slug: event.slug,
        locale: "ru",
        input: registrationInput({ answers: { [ids.group]: ids.a } }),
      });
    expect((await next()).ok).toBe(true);
    expect(await next()).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("an edit may keep a full option it holds, not move to one, and keeps answers to archived questions", async () => {
    const { event, ids, input } = await eventWithQuestions({ places: 1 });
    const holder = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ answers: { [ids.group]: ids.a, [ids.nights]: "1" } }),
    });
    const other = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ answers: { [ids.group]: ids.b } }),
    });
    if (!holder.ok || !other.ok) throw new Error("not registered");
    const edit = (answers: Record<string, unknown>) =>
      registrationUpdateSchema.parse({ ...registrationInput(), answers });

    expect(
      await updateRegistration({ target: { id: other.registrationId }, input: edit({ [ids.group]: ids.a }) }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { [`answers.${ids.group}`]: "optionFull" } });
    expect(
      await updateRegistration({
        target: { token: holder.manageToken },
        input: edit({ [ids.group]: ids.a, [ids.needs]: "no", [ids.nights]: "1" }),
      }),
    ).toEqual({ ok: true });

    // "Ночей" is removed from the form: answered, so archived, and its answers stay.
    const withoutNights = { questions: input.questions.filter((question) => question.id !== ids.nights) };
    expect(await saveQuestions({ eventId: event.id, input: withoutNights, actor: staff })).toEqual({
      ok: true,
    });
    const nights = (await getQuestionsForEditor({ eventId: event.id })).find(
      (question) => question.id === ids.nights,
    );
    expect(nights?.archivedAt).not.toBeNull();
    expect(
      (await getEventForm({ eventId: event.id }))?.questions.map((question) => question.id),
    ).not.toContain(ids.nights);
    expect(
      await updateRegistration({
        target: { token: holder.manageToken },
        input: edit({ [ids.group]: ids.b }),
      }),
    ).toEqual({ ok: true });
    const answers = await getAnswers({ registrationId: holder.registrationId });
    expect(answers.map((answer) => answer.questionId).sort()).toEqual([ids.group, ids.nights].sort());
    // Its place went back: the other registration may now take it.
    expect(
      await updateRegistration({ target: { id: other.registrationId }, input: edit({ [ids.group]: ids.a }) }),
    ).toEqual({ ok: true });
  });
});

describe("the question editor's saves", () => {
  it("keeps an answered question's type and options, deletes unanswered ones, refuses another event's ids", async () => {
    const { event, ids, input } = await eventWithQuestions();
    const registered = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ answers: { [ids.group]: ids.a } }),
    });
    expect(registered.ok).toBe(true);
    const [group, needs, language, nights] = input.questions;
    if (!group || !needs || !language || !nights) throw new Error("questions missing");

    expect(
      await saveQuestions({
        eventId: event.id,
        input: { questions: [{ ...group, type: "MULTIPLE_CHOICE" }, needs, language, nights] },
        actor: staff,
      }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { "questions.0.type": "typeLocked" } });
    expect(
      await saveQuestions({
        eventId: event.id,
        input: { questions: [{ ...group, options: group.options.slice(1) }, needs, language, nights] },
        actor: staff,
      }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { "questions.0.options": "optionAnswered" } });

    const elsewhere = await eventWithQuestions();
    expect(
      await saveQuestions({
        eventId: event.id,
        input: { questions: [group, { ...needs, id: elsewhere.ids.needs }] },
        actor: staff,
      }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { form: "duplicate" } });

    // Reordered, reworded, an option added, the unanswered questions dropped.
    const added = { id: randomUUID(), label: { ru: "Группа В" }, places: 5, correct: false };
    const reworded = { ...group, label: { ru: "Группа" }, options: [...group.options, added] };
    expect(
      await saveQuestions({ eventId: event.id, input: { questions: [needs, reworded] }, actor: staff }),
    ).toEqual({ ok: true });
    const saved = await getQuestionsForEditor({ eventId: event.id });
    expect(saved.map((question) => [question.label.ru, question.answerCount, question.archivedAt])).toEqual([
      ["Нужен ли вам перевод?", 0, null],
      ["Группа", 1, null],
    ]);
    expect(saved[1]?.options.map((option) => [option.label.ru, option.places, option.answerCount])).toEqual([
      ["Группа А", 10, 1],
      ["Группа Б", null, 0],
      ["Группа В", 5, 0],
    ]);
  });
});

describe("copying an event", () => {
  it("copies its questions with their options, limits and conditions under new ids, and no answers", async () => {
    const { event, ids } = await eventWithQuestions({ places: 4 });
    expect(
      (
        await createRegistration({
          slug: event.slug,
          locale: "ru",
          input: registrationInput({
            answers: { [ids.group]: ids.a, [ids.needs]: "yes", [ids.language]: "Английский" },
          }),
        })
      ).ok,
    ).toBe(true);

    const copyId = await duplicateEvent({ id: event.id, actor: staff });
    if (!copyId) throw new Error("no copy");
    const [original, copied] = await Promise.all([
      getQuestionsForEditor({ eventId: event.id }),
      getQuestionsForEditor({ eventId: copyId }),
    ]);
    const shape = (questions: typeof original) =>
      questions.map((question) => ({
        type: question.type,
        required: question.required,
        label: question.label,
        bounds: [question.minNumber, question.maxNumber],
        condition: question.condition && {
          on: questions.findIndex((other) => other.id === question.condition?.questionId),
          values: question.condition.values.map((value) =>
            questions.flatMap((other) => other.options).findIndex((option) => option.id === value) >= 0
              ? "option"
              : value,
          ),
        },
        options: question.options.map((option) => [option.label.ru, option.places]),
      }));
    expect(shape(copied)).toEqual(shape(original));
    expect(copied.map((question) => question.answerCount)).toEqual([0, 0, 0, 0]);
    const originalIds = new Set(
      original.flatMap((question) => [question.id, ...question.options.map((o) => o.id)]),
    );
    expect(
      copied
        .flatMap((question) => [question.id, ...question.options.map((o) => o.id)])
        .some((id) => originalIds.has(id)),
    ).toBe(false);
    // The copy's condition names the copy's own question.
    expect(copied[2]?.condition).toEqual({ questionId: copied[1]?.id, values: ["yes"] });
  });
});
