import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms/field-errors";
import { readFormData } from "@/lib/forms/form-data";
import {
  answerFormValues,
  answerRows,
  answersSchema,
  fullChoices,
  limitedChoices,
  registrationFormSchema,
  shownQuestionIds,
} from "@/lib/questions/rules";
import { type QuestionDefinition, standardFields } from "@/lib/questions/schema";

function question(
  overrides: Partial<QuestionDefinition> & Pick<QuestionDefinition, "type">,
): QuestionDefinition {
  return {
    id: randomUUID(),
    required: false,
    label: { ru: "Вопрос" },
    help: null,
    minNumber: null,
    maxNumber: null,
    minDate: null,
    maxDate: null,
    condition: null,
    scale: null,
    options: [],
    ...overrides,
  };
}

const option = (places: number | null = null) => ({ id: randomUUID(), label: { ru: "Вариант" }, places });

function errorsOf(questions: QuestionDefinition[], answers: Record<string, unknown>) {
  const result = answersSchema(questions).safeParse(answers);
  return result.success ? {} : fieldErrors(result.error);
}

function parse(questions: QuestionDefinition[], answers: Record<string, unknown>) {
  return answersSchema(questions).parse(answers);
}

describe("answers to an event's questions, by type", () => {
  it("short text: trimmed, at most 200 characters, no control characters, something said", () => {
    const q = question({ type: "SHORT_TEXT" });
    expect(parse([q], { [q.id]: "  Кыргызча  " })).toEqual({ [q.id]: "Кыргызча" });
    expect(errorsOf([q], { [q.id]: "a".repeat(201) })).toEqual({ [q.id]: "tooLong" });
    expect(errorsOf([q], { [q.id]: "Да\nBcc: x@example.kg" })).toEqual({ [q.id]: "invalidText" });
    expect(errorsOf([q], { [q.id]: "..." })).toEqual({ [q.id]: "invalidText" });
    expect(errorsOf([q], { [q.id]: 42 })).toEqual({ [q.id]: "required" });
  });

  it("long text keeps line breaks, up to 1000 characters", () => {
    const q = question({ type: "LONG_TEXT" });
    expect(parse([q], { [q.id]: "Первое\nВторое" })).toEqual({ [q.id]: "Первое\nВторое" });
    expect(errorsOf([q], { [q.id]: "б".repeat(1001) })).toEqual({ [q.id]: "tooLong" });
    expect(errorsOf([q], { [q.id]: "a\u0000b" })).toEqual({ [q.id]: "invalidText" });
  });

  it("single choice: one of its options, by id", () => {
    const a = option();
    const q = question({ type: "SINGLE_CHOICE", options: [a, option()] });
    expect(parse([q], { [q.id]: a.id })).toEqual({ [q.id]: a.id });
    expect(errorsOf([q], { [q.id]: randomUUID() })).toEqual({ [q.id]: "invalidChoice" });
    expect(errorsOf([q], { [q.id]: [a.id] })).toEqual({ [q.id]: "invalidChoice" });
  });

  it("multiple choice: several of its options, each once", () => {
    const [a, b] = [option(), option()];
    const q = question({ type: "MULTIPLE_CHOICE", options: [a, b] });
    expect(parse([q], { [q.id]: [a.id, b.id, a.id] })).toEqual({ [q.id]: [a.id, b.id] });
    expect(errorsOf([q], { [q.id]: [a.id, "other"] })).toEqual({ [`${q.id}.1`]: "invalidChoice" });
    // A lone checkbox reads as its value, or false.
    expect(parse([q], { [q.id]: a.id })).toEqual({ [q.id]: [a.id] });
    expect(parse([q], { [q.id]: false })).toEqual({});
    expect(errorsOf([q], { [q.id]: 3 })).toEqual({ [`${q.id}.0`]: "invalidChoice" });
    expect(parse([q], { [q.id]: [] })).toEqual({});
  });

  it("yes/no: from a form's yes or no, or a client's boolean", () => {
    const q = question({ type: "YES_NO" });
    expect(parse([q], { [q.id]: "yes" })).toEqual({ [q.id]: true });
    expect(parse([q], { [q.id]: false })).toEqual({ [q.id]: false });
    expect(errorsOf([q], { [q.id]: "maybe" })).toEqual({ [q.id]: "invalidChoice" });
  });

  it("number: within its bounds, with a decimal comma or point", () => {
    const q = question({ type: "NUMBER", minNumber: 1, maxNumber: 10 });
    expect(parse([q], { [q.id]: " 2,5 " })).toEqual({ [q.id]: 2.5 });
    expect(parse([q], { [q.id]: 10 })).toEqual({ [q.id]: 10 });
    expect(errorsOf([q], { [q.id]: "0" })).toEqual({ [q.id]: "tooSmall" });
    expect(errorsOf([q], { [q.id]: 11 })).toEqual({ [q.id]: "tooLarge" });
    expect(errorsOf([q], { [q.id]: "0x10" })).toEqual({ [q.id]: "invalidNumber" });
    expect(errorsOf([q], { [q.id]: "1e3" })).toEqual({ [q.id]: "invalidNumber" });
  });

  it("scale: a whole point from 1 to 5, from a form's radio or a client's number, stored as a number", () => {
    const q = question({ type: "SCALE", scale: { low: { ru: "Плохо" }, high: { ru: "Отлично" } } });
    expect(parse([q], { [q.id]: "4" })).toEqual({ [q.id]: 4 });
    expect(parse([q], { [q.id]: 1 })).toEqual({ [q.id]: 1 });
    for (const refused of ["0", "6", "3.5", 2.5, "five", true])
      expect(errorsOf([q], { [q.id]: refused })).toEqual({ [q.id]: "invalidChoice" });
    expect(answerRows([q], { [q.id]: 5 })).toEqual([
      {
        questionId: q.id,
        textValue: null,
        numberValue: 5,
        dateValue: null,
        booleanValue: null,
        optionIds: [],
      },
    ]);
  });

  it("date: a real calendar day within its bounds", () => {
    const q = question({ type: "DATE", minDate: "2026-12-20", maxDate: "2026-12-24" });
    expect(parse([q], { [q.id]: "2026-12-23" })).toEqual({ [q.id]: "2026-12-23" });
    expect(errorsOf([q], { [q.id]: "2026-12-19" })).toEqual({ [q.id]: "tooEarly" });
    expect(errorsOf([q], { [q.id]: "2026-12-25" })).toEqual({ [q.id]: "tooLate" });
    expect(errorsOf([q], { [q.id]: "2026-02-30" })).toEqual({ [q.id]: "invalidDate" });
    expect(errorsOf([q], { [q.id]: "24.12.2026" })).toEqual({ [q.id]: "invalidDate" });
  });

  it("email and phone: the fixed fields' own rules", () => {
    const email = question({ type: "EMAIL" });
    const phone = question({ type: "PHONE" });
    expect(errorsOf([email, phone], { [email.id]: "not-an-address", [phone.id]: "call me" })).toEqual({
      [email.id]: "invalidEmail",
      [phone.id]: "invalidPhone",
    });
    expect(parse([email, phone], { [email.id]: " a@example.kg ", [phone.id]: "+996 555 000 111" })).toEqual({
      [email.id]: "a@example.kg",
      [phone.id]: "+996 555 000 111",
    });
  });
});

describe("required, optional, unknown", () => {
  it("a required question must be answered; an optional one may be left empty and is not stored", () => {
    const required = question({ type: "SHORT_TEXT", required: true });
    const optional = question({ type: "NUMBER" });
    expect(errorsOf([required, optional], { [required.id]: "   " })).toEqual({ [required.id]: "required" });
    expect(parse([required, optional], { [required.id]: "Да", [optional.id]: "" })).toEqual({
      [required.id]: "Да",
    });
  });

  it("no answers at all: nothing for an event without questions, a required one still required", () => {
    expect(answersSchema([]).parse(undefined)).toEqual({});
    const required = question({ type: "YES_NO", required: true });
    const result = answersSchema([required]).safeParse(undefined);
    expect(result.success ? {} : fieldErrors(result.error)).toEqual({ [required.id]: "required" });
  });

  it("tells a missing required answer together with another answer's error", () => {
    const required = question({ type: "SHORT_TEXT", required: true });
    const number = question({ type: "NUMBER" });
    expect(errorsOf([required, number], { [number.id]: "many" })).toEqual({
      [required.id]: "required",
      [number.id]: "invalidNumber",
    });
  });

  it("refuses an answer to a question the event does not ask (unknown or archived)", () => {
    const q = question({ type: "SHORT_TEXT" });
    expect(errorsOf([q], { [randomUUID()]: "x" })).toEqual({ form: "notAsked" });
  });
});

describe("conditions", () => {
  const yes = question({ type: "YES_NO" });
  const language = question({
    type: "SHORT_TEXT",
    required: true,
    condition: { questionId: yes.id, values: ["yes"] },
  });
  const [a, b] = [option(), option()];
  const group = question({ type: "MULTIPLE_CHOICE", options: [a, b] });
  const aOnly = question({
    type: "DATE",
    required: true,
    condition: { questionId: group.id, values: [a.id] },
  });
  const questions = [yes, language, group, aOnly];

  it("shows a question only when its earlier question has one of the values", () => {
    expect(shownQuestionIds(questions, {})).toEqual(new Set([yes.id, group.id]));
    expect(shownQuestionIds(questions, { [yes.id]: "yes", [group.id]: [b.id, a.id] })).toEqual(
      new Set(questions.map((q) => q.id)),
    );
    expect(shownQuestionIds(questions, { [yes.id]: false, [group.id]: [b.id] }).has(language.id)).toBe(false);
  });

  it("a hidden question is neither required nor stored, and an answer to it is refused", () => {
    expect(parse(questions, { [yes.id]: "no" })).toEqual({ [yes.id]: false });
    expect(errorsOf(questions, { [yes.id]: "no", [language.id]: "Английский" })).toEqual({
      [language.id]: "notAsked",
    });
    expect(errorsOf(questions, { [yes.id]: "yes" })).toEqual({ [language.id]: "required" });
    expect(errorsOf(questions, { [group.id]: [a.id] })).toEqual({ [aOnly.id]: "required" });
    expect(parse(questions, { [yes.id]: "yes", [language.id]: "Английский" })).toEqual({
      [yes.id]: true,
      [language.id]: "Английский",
    });
  });

  it("a question behind a hidden question stays hidden", () => {
    const second = question({ type: "SHORT_TEXT", condition: { questionId: language.id, values: ["x"] } });
    expect(
      shownQuestionIds([yes, language, second], { [yes.id]: "no", [language.id]: "x" }).has(second.id),
    ).toBe(false);
  });
});

describe("places per option", () => {
  const [limited, free, other] = [option(2), option(), option(1)];
  const group = question({ type: "SINGLE_CHOICE", options: [limited, free] });
  const workshops = question({ type: "MULTIPLE_CHOICE", options: [other, option(5)] });

  it("lists the limited options the answers take, and only those", () => {
    expect(
      limitedChoices([group, workshops], { [group.id]: limited.id, [workshops.id]: [other.id] }),
    ).toEqual([
      { questionId: group.id, optionId: limited.id, places: 2 },
      { questionId: workshops.id, optionId: other.id, places: 1 },
    ]);
    expect(limitedChoices([group], { [group.id]: free.id })).toEqual([]);
  });

  it("refuses a full option with optionFull on its question, and keeps one already held", () => {
    const chosen = limitedChoices([group, workshops], { [group.id]: limited.id, [workshops.id]: [other.id] });
    expect(fullChoices({ chosen, taken: { [limited.id]: 1 } })).toEqual({});
    expect(fullChoices({ chosen, taken: { [limited.id]: 2, [other.id]: 1 } })).toEqual({
      [`answers.${group.id}`]: "optionFull",
      [`answers.${workshops.id}`]: "optionFull",
    });
    expect(fullChoices({ chosen, taken: { [limited.id]: 2 }, held: [limited.id] })).toEqual({});
  });
});

describe("storage and the form", () => {
  const a = option();
  const questions = [
    question({ type: "SINGLE_CHOICE", options: [a] }),
    question({ type: "YES_NO" }),
    question({ type: "NUMBER" }),
    question({ type: "DATE" }),
    question({ type: "LONG_TEXT" }),
  ];
  const [choice, yesNo, number, date, text] = questions.map((q) => q.id) as [
    string,
    string,
    string,
    string,
    string,
  ];

  it("stores each answer typed, and gives the form back what it sent", () => {
    const form = { [choice]: a.id, [yesNo]: "no", [number]: "3", [date]: "2026-12-24", [text]: "Да" };
    const rows = answerRows(questions, parse(questions, form));
    expect(rows).toEqual([
      expect.objectContaining({ questionId: choice, optionIds: [a.id], textValue: null }),
      expect.objectContaining({ questionId: yesNo, booleanValue: false }),
      expect.objectContaining({ questionId: number, numberValue: 3 }),
      expect.objectContaining({ questionId: date, dateValue: "2026-12-24" }),
      expect.objectContaining({ questionId: text, textValue: "Да" }),
    ]);
    expect(answerFormValues(questions, rows)).toEqual(form);
  });

  it("reads the answers of a form through the built schema, nothing else", () => {
    const formData = new FormData();
    formData.set(`answers.${choice}`, a.id);
    formData.set(`answers.${yesNo}`, "yes");
    formData.set("answers.__proto__", "polluted");
    formData.set(`answers.${randomUUID()}`, "unknown");
    const values = readFormData(
      formData,
      registrationFormSchema({
        fields: standardFields,
        regions: [{ code: "NARYN", label: { ru: "Нарын" } }],
        questions,
        travel: null,
      }),
    );
    expect(values.answers).toEqual({ [choice]: a.id, [yesNo]: "yes" });
  });
});
