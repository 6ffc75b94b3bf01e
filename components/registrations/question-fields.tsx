"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { FieldErrors, UseFormReturn } from "react-hook-form";
import { Field, inputClass } from "@/components/ui/field";
import type { FormValues } from "@/lib/forms/form-data";
import type { Locale } from "@/lib/i18n/routing";
import { placesLeft, shownQuestionIds } from "@/lib/questions/rules";
import { type QuestionDefinition, type QuestionText, SCALE_MAX, SCALE_MIN } from "@/lib/questions/schema";

/** A question's or an option's text in the page's language, Russian when it is not translated. */
function text(value: QuestionText, locale: Locale): string {
  return value[locale] || value.ru;
}

/**
 * The event's own questions, after the fixed fields. A question with a
 * condition is shown once its condition holds; without JavaScript every
 * question is shown, the conditional ones saying when to answer (the server
 * refuses an answer to a hidden one). A limited option with no place left is
 * disabled, unless it is the registration's own already.
 */
export function QuestionFields({
  form,
  questions,
  placesTaken,
  values,
  serverErrors,
  translate,
  legend,
}: {
  form: UseFormReturn<FormValues>;
  questions: QuestionDefinition[];
  placesTaken: Record<string, number>;
  /** The answers the form shows first (an edit's stored ones, or those just sent). */
  values: FormValues;
  serverErrors: Record<string, string>;
  translate: (key: string) => string;
  /** The section's title: the registration form's "more questions" unless told. */
  legend?: string;
}) {
  const t = useTranslations("questions");
  const locale = useLocale() as Locale;
  // Conditions hide questions only once this script runs; before, they are explained.
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  const answers = (form.watch("answers") as FormValues | undefined) ?? values;
  const shown = shownQuestionIds(questions, answers);
  const clientErrors = (form.formState.errors as FieldErrors<{ answers: Record<string, unknown> }>).answers as
    | Record<string, { message?: string } | { message?: string }[] | undefined>
    | undefined;

  const error = (id: string): string | undefined => {
    const client = clientErrors?.[id];
    const message = Array.isArray(client) ? client.find(Boolean)?.message : client?.message;
    const server =
      serverErrors[`answers.${id}`] ??
      Object.entries(serverErrors).find(([path]) => path.startsWith(`answers.${id}.`))?.[1];
    const key = message ?? server;
    return key ? translate(key) : undefined;
  };

  const visible = questions.filter((question) => !live || shown.has(question.id));
  if (visible.length === 0) return null;

  const conditionNote = (question: QuestionDefinition) => {
    const { condition } = question;
    const source = condition && questions.find((candidate) => candidate.id === condition.questionId);
    if (!condition || !source) return undefined;
    const named = condition.values.map((value) => {
      if (value === "yes" || value === "no") return t(value);
      const option = source.options.find((candidate) => candidate.id === value);
      return option ? text(option.label, locale) : value;
    });
    return t("onlyIf", { question: text(source.label, locale), values: named.join(", ") });
  };

  return (
    // The border is the box's, as the form's other sections: a wrapping legend would cut a fieldset's.
    <div className="rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
      <fieldset className="min-w-0 space-y-4">
        <legend className="text-lg font-semibold">{legend ?? t("section")}</legend>
        {visible.map((question) => {
          const name = `answers.${question.id}`;
          const id = `answer-${question.id}`;
          const initial = values[question.id];
          const hints = [
            !live ? conditionNote(question) : undefined,
            question.help ? text(question.help, locale) : undefined,
            question.type === "NUMBER" ? numberHint(question, t) : undefined,
          ].filter(Boolean);
          const hint = hints.length > 0 ? hints.join(" ") : undefined;
          const label = text(question.label, locale);
          const optional = question.required ? undefined : translate("optional");

          if (
            question.type === "SINGLE_CHOICE" ||
            question.type === "MULTIPLE_CHOICE" ||
            question.type === "YES_NO" ||
            question.type === "SCALE"
          ) {
            const multiple = question.type === "MULTIPLE_CHOICE";
            const held: string[] = Array.isArray(initial)
              ? initial.map(String)
              : initial === undefined
                ? []
                : [String(initial)];
            const options =
              question.type === "YES_NO"
                ? [
                    { id: "yes", text: t("yes"), full: false, left: null },
                    { id: "no", text: t("no"), full: false, left: null },
                  ]
                : question.type === "SCALE"
                  ? scalePoints(question, locale)
                  : question.options.map((option) => {
                      const left = placesLeft(option.places, placesTaken[option.id] ?? 0);
                      return {
                        id: option.id,
                        text: text(option.label, locale),
                        full: left === 0 && !held.includes(option.id),
                        left,
                      };
                    });
            const message = error(question.id);
            const errorId = `${id}-error`;
            const hintId = `${id}-hint`;
            return (
              <fieldset
                key={question.id}
                className="space-y-2"
                aria-describedby={[hint ? hintId : "", message ? errorId : ""].join(" ").trim() || undefined}
              >
                <legend className="font-medium">
                  {label}
                  {optional && <span className="font-normal text-stone-500"> ({optional})</span>}
                </legend>
                {hint && (
                  <p id={hintId} className="text-sm text-stone-600">
                    {hint}
                  </p>
                )}
                {options.map((option) => (
                  <label
                    key={option.id}
                    className="flex min-h-11 items-center gap-2 data-full:text-stone-500"
                    data-full={option.full || undefined}
                  >
                    <input
                      {...form.register(name)}
                      type={multiple ? "checkbox" : "radio"}
                      value={option.id}
                      disabled={option.full}
                      defaultChecked={held.includes(option.id)}
                      className="size-5 shrink-0 accent-brand-600"
                    />
                    <span>
                      {option.text}
                      {option.full ? (
                        <span className="text-sm"> — {t("noPlaces")}</span>
                      ) : (
                        option.left !== null && (
                          <span className="text-sm text-stone-600">
                            {" "}
                            — {t("placesLeft", { count: option.left })}
                          </span>
                        )
                      )}
                    </span>
                  </label>
                ))}
                <p
                  id={errorId}
                  role={message ? "alert" : undefined}
                  className="text-sm font-medium text-red-700"
                >
                  {message}
                </p>
              </fieldset>
            );
          }

          return (
            <Field
              key={question.id}
              id={id}
              label={label}
              hint={hint}
              error={error(question.id)}
              optionalLabel={optional}
            >
              {(control) =>
                question.type === "LONG_TEXT" ? (
                  <textarea
                    {...control}
                    {...form.register(name)}
                    rows={4}
                    defaultValue={String(initial ?? "")}
                    className={inputClass}
                  />
                ) : (
                  <input
                    {...control}
                    {...form.register(name)}
                    {...inputAttributes(question)}
                    defaultValue={String(initial ?? "")}
                    className={inputClass}
                  />
                )
              }
            </Field>
          );
        })}
      </fieldset>
    </div>
  );
}

/** A scale's points, 1 to 5, its ends labelled when the question names them. */
function scalePoints(question: QuestionDefinition, locale: Locale) {
  return Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, index) => {
    const point = SCALE_MIN + index;
    const end =
      point === SCALE_MIN ? question.scale?.low : point === SCALE_MAX ? question.scale?.high : undefined;
    return {
      id: String(point),
      text: end ? `${point} — ${text(end, locale)}` : String(point),
      full: false,
      left: null,
    };
  });
}

function inputAttributes(question: QuestionDefinition) {
  switch (question.type) {
    case "EMAIL":
      return { type: "email", autoComplete: "off" };
    case "PHONE":
      return { type: "tel", autoComplete: "off" };
    case "DATE":
      return { type: "date", min: question.minDate ?? undefined, max: question.maxDate ?? undefined };
    case "NUMBER":
      // Text, not type=number: a decimal comma is how people here write 2,5.
      return { type: "text", inputMode: "decimal" as const };
    default:
      return { type: "text" };
  }
}

function numberHint(
  question: QuestionDefinition,
  t: (key: "numberRange" | "numberMin" | "numberMax", values: Record<string, number>) => string,
) {
  const { minNumber: min, maxNumber: max } = question;
  if (min !== null && max !== null) return t("numberRange", { min, max });
  if (min !== null) return t("numberMin", { min });
  if (max !== null) return t("numberMax", { max });
  return undefined;
}
