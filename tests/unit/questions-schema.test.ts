import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms/field-errors";
import { questionsEditSchema } from "@/lib/questions/schema";

function row(overrides: Record<string, unknown> = {}): Record<string, unknown> & { id: string } {
  return {
    id: randomUUID(),
    type: "SHORT_TEXT",
    label: { ru: "Вопрос", ky: "", en: "" },
    help: {},
    ...overrides,
  };
}

const choiceRow = (overrides: Record<string, unknown> = {}) =>
  row({
    type: "SINGLE_CHOICE",
    options: [
      { id: randomUUID(), label: { ru: "А" }, places: "20" },
      { id: randomUUID(), label: { ru: "Б" }, places: "" },
    ],
    ...overrides,
  });

function errorsOf(questions: unknown[]) {
  const result = questionsEditSchema.safeParse({ questions });
  return result.success ? {} : fieldErrors(result.error);
}

describe("questionsEditSchema: an event's questions as staff save them", () => {
  it("accepts questions with a Russian label, limits as numbers, blank limits as none", () => {
    const parsed = questionsEditSchema.parse({ questions: [choiceRow(), row({ minNumber: "" })] });
    expect(parsed.questions[0]?.options.map((option) => option.places)).toEqual([20, undefined]);
    expect(parsed.questions[1]?.minNumber).toBeUndefined();
  });

  it("requires the Russian label of a question and of an option", () => {
    const options = [{ id: randomUUID(), label: { ru: " ", en: "A" } }];
    expect(
      errorsOf([row({ label: { ru: "", ky: "Суроо" } }), row({ type: "SINGLE_CHOICE", options })]),
    ).toEqual({
      "questions.0.label.ru": "required",
      "questions.1.options.0.label.ru": "required",
    });
  });

  it("allows at most 100 questions and 50 options each", () => {
    expect(errorsOf(Array.from({ length: 101 }, () => row()))).toEqual({ questions: "tooManyQuestions" });
    const options = Array.from({ length: 51 }, () => ({ id: randomUUID(), label: { ru: "В" } }));
    expect(errorsOf([row({ type: "MULTIPLE_CHOICE", options })])).toEqual({
      "questions.0.options": "tooManyOptions",
    });
  });

  it("wants options for a choice, and places of at least one", () => {
    expect(errorsOf([row({ type: "SINGLE_CHOICE" })])).toEqual({ "questions.0.options": "noOptions" });
    expect(
      errorsOf([
        row({ type: "SINGLE_CHOICE", options: [{ id: randomUUID(), label: { ru: "А" }, places: "0" }] }),
      ]),
    ).toEqual({ "questions.0.options.0.places": "tooSmall" });
  });

  it("accepts a condition on an earlier choice or yes/no question's values", () => {
    const yesNo = row({ type: "YES_NO" });
    const group = choiceRow();
    const firstOption = (group.options as { id: string }[])[0]?.id;
    expect(
      errorsOf([
        yesNo,
        group,
        row({ conditionQuestionId: yesNo.id, conditionValues: ["yes"] }),
        row({ conditionQuestionId: group.id, conditionValues: [firstOption] }),
      ]),
    ).toEqual({});
  });

  it("refuses a condition that points forward, to itself, to a text, or names no value of it", () => {
    const later = row({ type: "YES_NO" });
    const text = row();
    const self = row({ type: "YES_NO" });
    const yesNo = row({ type: "YES_NO" });
    expect(
      errorsOf([
        row({ conditionQuestionId: later.id, conditionValues: ["yes"] }),
        later,
        { ...self, conditionQuestionId: self.id, conditionValues: ["yes"] },
        text,
        row({ conditionQuestionId: text.id, conditionValues: ["yes"] }),
        yesNo,
        row({ conditionQuestionId: yesNo.id, conditionValues: ["maybe"] }),
        row({ conditionQuestionId: yesNo.id, conditionValues: [] }),
      ]),
    ).toEqual({
      "questions.0.conditionQuestionId": "invalidCondition",
      "questions.2.conditionQuestionId": "invalidCondition",
      "questions.4.conditionQuestionId": "invalidCondition",
      "questions.6.conditionValues": "invalidCondition",
      "questions.7.conditionValues": "invalidCondition",
    });
  });

  it("scores a test's choice question: points of 1 to 100 with its correct option(s), one for a single choice", () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const options = (correct: string[]) =>
      [a, b].map((id) => ({ id, label: { ru: id }, correct: correct.includes(id) }));
    expect(errorsOf([row({ type: "SINGLE_CHOICE", points: "2", options: options([a]) })])).toEqual({});
    expect(errorsOf([row({ type: "MULTIPLE_CHOICE", points: "1", options: options([a, b]) })])).toEqual({});
    expect(errorsOf([row({ type: "SINGLE_CHOICE", points: "1", options: options([]) })])).toEqual({
      "questions.0.options": "noCorrect",
    });
    expect(errorsOf([row({ type: "SINGLE_CHOICE", points: "1", options: options([a, b]) })])).toEqual({
      "questions.0.options": "oneCorrect",
    });
    expect(errorsOf([row({ type: "SCALE", points: "1" })])).toEqual({ "questions.0.points": "notScored" });
    expect(errorsOf([row({ type: "SINGLE_CHOICE", points: "0", options: options([a]) })])).toEqual({
      "questions.0.points": "tooSmall",
    });
    // Not scored: no points, whatever is marked.
    expect(errorsOf([row({ type: "SINGLE_CHOICE", points: "", options: options([]) })])).toEqual({});
  });

  it("refuses an id given twice and bounds the wrong way round", () => {
    const twice = row();
    expect(errorsOf([twice, { ...twice }, row({ type: "NUMBER", minNumber: "10", maxNumber: "1" })])).toEqual(
      { "questions.1.id": "duplicate", "questions.2.maxNumber": "tooSmall" },
    );
  });
});
