"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import {
  blankText,
  editable,
  FieldError,
  LocalizedInputs,
  type LocalizedValue,
} from "@/components/admin/localized-inputs";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ActionState, Done } from "@/lib/entry-points/state";
import { idle } from "@/lib/entry-points/state";
import type { EditorQuestion } from "@/lib/questions/data";
import { isChoiceType, isConditionType, questionTypes, yesNo } from "@/lib/questions/schema";

type State = ActionState<Done>;
type Text = LocalizedValue;
type OptionRow = { id: string; label: Text; places: string; correct: boolean; answerCount: number };
type QuestionRow = {
  id: string;
  type: (typeof questionTypes)[number];
  required: boolean;
  label: Text;
  help: Text;
  minNumber: string;
  maxNumber: string;
  minDate: string;
  maxDate: string;
  conditionQuestionId: string;
  conditionValues: string[];
  points: string;
  scaleLow: Text;
  scaleHigh: Text;
  options: OptionRow[];
  answerCount: number;
};

function toRow(question: EditorQuestion): QuestionRow {
  return {
    id: question.id,
    type: question.type,
    required: question.required,
    label: editable(question.label),
    help: editable(question.help),
    minNumber: question.minNumber === null ? "" : String(question.minNumber),
    maxNumber: question.maxNumber === null ? "" : String(question.maxNumber),
    minDate: question.minDate ?? "",
    maxDate: question.maxDate ?? "",
    conditionQuestionId: question.condition?.questionId ?? "",
    conditionValues: question.condition?.values ?? [],
    points: question.points === null ? "" : String(question.points),
    scaleLow: editable(question.scale?.low ?? null),
    scaleHigh: editable(question.scale?.high ?? null),
    options: question.options.map((option) => ({
      id: option.id,
      label: editable(option.label),
      places: option.places === null ? "" : String(option.places),
      correct: option.correct,
      answerCount: option.answerCount,
    })),
    answerCount: question.answerCount,
  };
}

const newOption = (): OptionRow => ({
  id: crypto.randomUUID(),
  label: blankText(),
  places: "",
  correct: false,
  answerCount: 0,
});

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}

/**
 * An event's questions, edited together and saved at once: texts in the
 * three languages side by side (a missing translation flagged), type,
 * required, condition, options and their places. A question with answers
 * keeps its type and is archived when removed; the editor says how many.
 * Adding and moving need JavaScript; the fields post as a plain form.
 * `scored`: a test's questions (docs/decisions/032-outcome-instruments.md),
 * whose choices have points and correct options instead of places.
 */
export function QuestionsEditor({
  action,
  questions: initial,
  scored = false,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  questions: EditorQuestion[];
  scored?: boolean;
}) {
  const t = useTranslations("admin.questions");
  const [state, formAction, pending] = useActionState(action, idle as State);
  const [questions, setQuestions] = useState<QuestionRow[]>(() => initial.map(toRow));
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const error = (path: string) => (errors[path] ? t(`errors.${errors[path]}`) : undefined);

  const update = (index: number, change: Partial<QuestionRow>) =>
    setQuestions((list) =>
      list.map((question, at) => (at === index ? { ...question, ...change } : question)),
    );
  const updateOption = (index: number, optionIndex: number, change: Partial<OptionRow>) => {
    const question = questions[index];
    if (!question) return;
    update(index, {
      options: question.options.map((option, at) => (at === optionIndex ? { ...option, ...change } : option)),
    });
  };

  const addQuestion = () =>
    setQuestions((list) => [
      ...list,
      {
        id: crypto.randomUUID(),
        type: "SHORT_TEXT",
        required: false,
        label: blankText(),
        help: blankText(),
        minNumber: "",
        maxNumber: "",
        minDate: "",
        maxDate: "",
        conditionQuestionId: "",
        conditionValues: [],
        points: "",
        scaleLow: blankText(),
        scaleHigh: blankText(),
        options: [],
        answerCount: 0,
      },
    ]);

  const texts = (
    name: string,
    value: Text,
    onChange: (text: Text) => void,
    label: string,
    required: boolean,
  ) => (
    <LocalizedInputs
      name={name}
      label={label}
      value={value}
      onChange={onChange}
      required={required}
      error={error}
    />
  );

  return (
    <form action={formAction} noValidate className="space-y-4">
      <ActionNotice state={state} />
      {error("form") && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-900">
          {error("form")}
        </p>
      )}
      {questions.length === 0 && <p className="text-stone-600">{t("none")}</p>}
      <ol className="space-y-4">
        {questions.map((question, index) => {
          const name = `questions.${index}`;
          const locked = question.answerCount > 0;
          const earlier = questions.slice(0, index).filter((candidate) => isConditionType(candidate.type));
          const source = earlier.find((candidate) => candidate.id === question.conditionQuestionId);
          const values: { id: string; text: string }[] = source
            ? source.type === "YES_NO"
              ? yesNo.map((value) => ({ id: value, text: t(`yesNo.${value}`) }))
              : source.options.map((option, at) => ({ id: option.id, text: option.label.ru || `${at + 1}` }))
            : [];
          return (
            <li
              key={question.id}
              className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
              data-testid="question"
            >
              <input type="hidden" name={`${name}.id`} value={question.id} />
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h2 className="font-semibold">
                  {t("number", { number: index + 1 })}
                  <span className="ml-2 text-sm font-normal text-stone-600">
                    {t("answerCount", { count: question.answerCount })}
                  </span>
                </h2>
                <div className="flex flex-wrap gap-2">
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={index === 0}
                    onClick={() => setQuestions((list) => move(list, index, index - 1))}
                  >
                    {t("up")}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    disabled={index === questions.length - 1}
                    onClick={() => setQuestions((list) => move(list, index, index + 1))}
                  >
                    {t("down")}
                  </Button>
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => {
                      if (locked && !window.confirm(t("archiveConfirm", { count: question.answerCount })))
                        return;
                      setQuestions((list) => list.filter((_, at) => at !== index));
                    }}
                  >
                    {locked ? t("archive") : t("remove")}
                  </Button>
                </div>
              </div>
              {texts(`${name}.label`, question.label, (label) => update(index, { label }), t("label"), true)}
              {texts(`${name}.help`, question.help, (help) => update(index, { help }), t("help"), false)}
              <div className="flex flex-wrap items-end gap-4">
                <label className="block space-y-1 text-sm">
                  <span className="font-medium">{t("type")}</span>
                  {locked && <input type="hidden" name={`${name}.type`} value={question.type} />}
                  <select
                    name={locked ? undefined : `${name}.type`}
                    value={question.type}
                    disabled={locked}
                    aria-describedby={locked ? `${question.id}-locked` : undefined}
                    onChange={(event) => {
                      const type = event.target.value as QuestionRow["type"];
                      update(index, {
                        type,
                        options:
                          isChoiceType(type) && question.options.length === 0
                            ? [newOption()]
                            : question.options,
                      });
                    }}
                    className={inputClass}
                  >
                    {questionTypes.map((type) => (
                      <option key={type} value={type}>
                        {t(`types.${type}`)}
                      </option>
                    ))}
                  </select>
                  {locked && (
                    <span id={`${question.id}-locked`} className="block text-stone-600">
                      {t("typeLockedHint")}
                    </span>
                  )}
                  <FieldError message={error(`${name}.type`)} />
                </label>
                <label className="flex min-h-11 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name={`${name}.required`}
                    checked={question.required}
                    onChange={(event) => update(index, { required: event.target.checked })}
                    className="size-5 accent-brand-600"
                  />
                  {t("required")}
                </label>
              </div>

              {(question.type === "NUMBER" || question.type === "DATE") && (
                <div className="grid gap-2 sm:grid-cols-2">
                  {(question.type === "NUMBER"
                    ? (["minNumber", "maxNumber"] as const)
                    : (["minDate", "maxDate"] as const)
                  ).map((field) => (
                    <label key={field} className="block space-y-1 text-sm">
                      <span>{t(field)}</span>
                      <input
                        {...(question.type === "DATE" ? { type: "date" } : { inputMode: "decimal" as const })}
                        name={`${name}.${field}`}
                        value={question[field]}
                        onChange={(event) => update(index, { [field]: event.target.value })}
                        className={inputClass}
                      />
                      <FieldError message={error(`${name}.${field}`)} />
                    </label>
                  ))}
                </div>
              )}

              {question.type === "SCALE" && (
                <div className="grid gap-2 sm:grid-cols-2">
                  {texts(
                    `${name}.scaleLow`,
                    question.scaleLow,
                    (scaleLow) => update(index, { scaleLow }),
                    t("scaleLow"),
                    false,
                  )}
                  {texts(
                    `${name}.scaleHigh`,
                    question.scaleHigh,
                    (scaleHigh) => update(index, { scaleHigh }),
                    t("scaleHigh"),
                    false,
                  )}
                </div>
              )}

              {scored && isChoiceType(question.type) && (
                <label className="block space-y-1 text-sm">
                  <span className="font-medium">{t("points")}</span>
                  <input
                    name={`${name}.points`}
                    inputMode="numeric"
                    value={question.points}
                    aria-describedby={`${question.id}-points-hint`}
                    onChange={(event) => update(index, { points: event.target.value })}
                    className={`${inputClass} w-32`}
                  />
                  <span id={`${question.id}-points-hint`} className="block text-stone-600">
                    {t("pointsHint")}
                  </span>
                  <FieldError message={error(`${name}.points`)} />
                </label>
              )}

              {isChoiceType(question.type) && (
                <fieldset className="space-y-2">
                  <legend className="text-sm font-medium">{t("options")}</legend>
                  <FieldError message={error(`${name}.options`)} />
                  <ol className="space-y-3">
                    {question.options.map((option, optionIndex) => {
                      const optionName = `${name}.options.${optionIndex}`;
                      return (
                        <li key={option.id} className="space-y-2 rounded-md border border-stone-200 p-3">
                          <input type="hidden" name={`${optionName}.id`} value={option.id} />
                          {texts(
                            `${optionName}.label`,
                            option.label,
                            (label) => updateOption(index, optionIndex, { label }),
                            t("option", { number: optionIndex + 1 }),
                            true,
                          )}
                          <div className="flex flex-wrap items-end gap-3">
                            {scored ? (
                              <label className="flex min-h-11 items-center gap-2 text-sm">
                                <input
                                  type="checkbox"
                                  name={`${optionName}.correct`}
                                  checked={option.correct}
                                  onChange={(event) =>
                                    updateOption(index, optionIndex, { correct: event.target.checked })
                                  }
                                  className="size-5 accent-brand-600"
                                />
                                {t("correct")}
                              </label>
                            ) : (
                              <label className="block space-y-1 text-sm">
                                <span>{t("places")}</span>
                                <input
                                  name={`${optionName}.places`}
                                  inputMode="numeric"
                                  value={option.places}
                                  onChange={(event) =>
                                    updateOption(index, optionIndex, { places: event.target.value })
                                  }
                                  className={`${inputClass} w-32`}
                                />
                                <FieldError message={error(`${optionName}.places`)} />
                              </label>
                            )}
                            <span className="text-sm text-stone-600">
                              {t("answerCount", { count: option.answerCount })}
                            </span>
                            <Button
                              type="button"
                              variant="secondary"
                              disabled={option.answerCount > 0}
                              onClick={() =>
                                update(index, {
                                  options: question.options.filter((_, at) => at !== optionIndex),
                                })
                              }
                            >
                              {t("removeOption")}
                            </Button>
                          </div>
                        </li>
                      );
                    })}
                  </ol>
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => update(index, { options: [...question.options, newOption()] })}
                  >
                    {t("addOption")}
                  </Button>
                </fieldset>
              )}

              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">{t("condition")}</legend>
                <select
                  name={`${name}.conditionQuestionId`}
                  aria-label={t("condition")}
                  value={question.conditionQuestionId}
                  onChange={(event) =>
                    update(index, { conditionQuestionId: event.target.value, conditionValues: [] })
                  }
                  className={inputClass}
                >
                  <option value="">{t("always")}</option>
                  {earlier.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {t("shownIf", {
                        question:
                          candidate.label.ru || t("number", { number: questions.indexOf(candidate) + 1 }),
                      })}
                    </option>
                  ))}
                </select>
                <FieldError message={error(`${name}.conditionQuestionId`)} />
                {values.length > 0 && (
                  <div className="flex flex-wrap gap-4">
                    {values.map((value) => (
                      <label key={value.id} className="flex min-h-11 items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          name={`${name}.conditionValues`}
                          value={value.id}
                          checked={question.conditionValues.includes(value.id)}
                          onChange={(event) =>
                            update(index, {
                              conditionValues: event.target.checked
                                ? [...question.conditionValues, value.id]
                                : question.conditionValues.filter((chosen) => chosen !== value.id),
                            })
                          }
                          className="size-5 accent-brand-600"
                        />
                        {value.text}
                      </label>
                    ))}
                  </div>
                )}
                <FieldError message={error(`${name}.conditionValues`)} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="secondary" onClick={addQuestion}>
          {t("add")}
        </Button>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : t("save")}
        </Button>
      </div>
    </form>
  );
}
