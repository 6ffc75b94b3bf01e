import { z } from "zod";
import { localize } from "@/lib/events/schema";
import type { FieldMode } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/routing";
import {
  type Answers,
  type AnswerValue,
  type EventForm,
  isChoiceType,
  MAX_OPTIONS,
  type QuestionDefinition,
  type RegionDefinition,
  SCALE_MAX,
  SCALE_MIN,
  yesNo,
} from "@/lib/questions/schema";
import {
  choice,
  emailAddress,
  line,
  lines,
  note,
  optionalPhone,
  optionalText,
  phoneNumber,
  registrationRequestSchema,
  registrationUpdateSchema,
  saysSomething,
  text,
} from "@/lib/registrations/schema";
import { travelSchema } from "@/lib/travel/schema";

// Pure rules of an event's own questions: the schema their answers must
// meet (the one the form, the server action and a staff edit use), which
// questions a set of answers shows, which limited options it takes, and how
// answers are stored (docs/decisions/016-registration-questions.md).

/** The longest answers, as long as the fixed fields of the same kind (organization, needs). */
const SHORT_TEXT_MAX = 200;
const LONG_TEXT_MAX = 1000;

const NUMBER = /^-?\d{1,15}(?:[.,]\d{1,10})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** An answer not given: absent, empty, only spaces, or no option ticked. */
function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === "string" && value.trim() === "") ||
    (Array.isArray(value) && value.length === 0)
  );
}

function listOf(value: unknown): unknown[] {
  return typeof value === "string"
    ? [value]
    : value === false || value === undefined || value === null
      ? []
      : [value];
}

function optionIds(question: QuestionDefinition) {
  return question.options.map((option) => option.id) as [string, ...string[]];
}

/** The schema of one given answer, by the question's type; required and hidden are the caller's. */
function givenAnswerSchema(question: QuestionDefinition): z.ZodType<AnswerValue> {
  switch (question.type) {
    case "SHORT_TEXT":
      return line(SHORT_TEXT_MAX).refine(saysSomething, { error: "invalidText" });
    case "LONG_TEXT":
      return lines(LONG_TEXT_MAX).refine(saysSomething, { error: "invalidText" });
    case "EMAIL":
      return emailAddress;
    case "PHONE":
      return phoneNumber;
    case "SINGLE_CHOICE":
      return choice(optionIds(question));
    case "MULTIPLE_CHOICE":
      return z
        .array(choice(optionIds(question)), { error: "invalidChoice" })
        .max(MAX_OPTIONS, { error: "tooManyChoices" })
        .transform((chosen) => [...new Set(chosen)]);
    case "YES_NO":
      // A form sends "yes" or "no"; a JSON client may send true or false.
      return z
        .preprocess((value) => (typeof value === "boolean" ? (value ? "yes" : "no") : value), choice(yesNo))
        .transform((value) => value === "yes");
    case "NUMBER":
      return z.preprocess(
        (value) =>
          typeof value === "string" && NUMBER.test(value.trim())
            ? Number(value.trim().replace(",", "."))
            : value,
        z
          .number({ error: "invalidNumber" })
          .min(question.minNumber ?? -Number.MAX_VALUE, { error: "tooSmall" })
          .max(question.maxNumber ?? Number.MAX_VALUE, { error: "tooLarge" }),
      );
    case "SCALE":
      return z.preprocess(
        (value) => (typeof value === "string" && /^\d$/.test(value.trim()) ? Number(value.trim()) : value),
        z
          .number({ error: "invalidChoice" })
          .int({ error: "invalidChoice" })
          .min(SCALE_MIN, { error: "invalidChoice" })
          .max(SCALE_MAX, { error: "invalidChoice" }),
      );
    case "DATE":
      return z
        .string({ error: "invalidDate" })
        .trim()
        .regex(ISO_DATE, { error: "invalidDate" })
        .refine(isRealDate, { error: "invalidDate" })
        .refine((value) => !question.minDate || value >= question.minDate, { error: "tooEarly" })
        .refine((value) => !question.maxDate || value <= question.maxDate, { error: "tooLate" });
  }
}

/** The values an answer names, as a condition compares them: option ids, or "yes"/"no". */
function namedValues(value: unknown): string[] {
  if (typeof value === "boolean") return [value ? "yes" : "no"];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item) => typeof item === "string");
  return [];
}

/**
 * The questions these answers show: those without a condition, and those
 * whose condition's question is shown and has one of the condition's
 * values. Conditions look back, so one pass in order decides them all.
 */
export function shownQuestionIds(questions: readonly QuestionDefinition[], answers: object): Set<string> {
  const shown = new Set<string>();
  for (const question of questions) {
    const { condition } = question;
    if (condition) {
      if (!shown.has(condition.questionId)) continue;
      const value = Object.hasOwn(answers, condition.questionId)
        ? (answers as Record<string, unknown>)[condition.questionId]
        : undefined;
      if (!namedValues(value).some((named) => condition.values.includes(named))) continue;
    }
    shown.add(question.id);
  }
  return shown;
}

/**
 * The schema of an event's answers, built from its (not archived) questions,
 * in their order. A shown required question must be answered; a hidden one
 * is neither required nor stored, and an answer to it, or to a question the
 * event does not ask, is refused.
 */
export function answersSchema(questions: readonly QuestionDefinition[]): z.ZodType<Answers> {
  const shape = Object.fromEntries(
    questions.map((question) => [
      question.id,
      z.preprocess((value) => {
        // A lone checkbox reads as its value, or false when not ticked.
        const given = question.type === "MULTIPLE_CHOICE" && !Array.isArray(value) ? listOf(value) : value;
        return isBlank(given) ? undefined : given;
      }, givenAnswerSchema(question).optional()),
    ]),
  );
  return (
    z
      .strictObject(shape, { error: "notAsked" })
      .superRefine(
        (answers, ctx) => {
          const given = answers as Record<string, unknown>;
          const shown = shownQuestionIds(questions, given);
          for (const question of questions) {
            const answered = given[question.id] !== undefined;
            if (shown.has(question.id) && question.required && !answered) {
              ctx.addIssue({ code: "custom", message: "required", path: [question.id] });
            }
            if (!shown.has(question.id) && answered) {
              ctx.addIssue({ code: "custom", message: "notAsked", path: [question.id] });
            }
          }
        },
        // Required and hidden are told together with the answers' own errors.
        { when: () => true },
      )
      .transform((answers) => {
        const given: Answers = {};
        for (const [id, value] of Object.entries(answers))
          if (value !== undefined) given[id] = value as AnswerValue;
        return given;
      })
      // No answers at all (a form without questions, a client that sends none)
      // are checked as none given: a required question is still required.
      .prefault({})
  );
}

/** A region's name in a language (Russian when not translated); its code when the event has no such region. */
export function regionName(regions: readonly RegionDefinition[], code: string, locale: Locale): string {
  const label = regions.find((region) => region.code === code)?.label;
  return label ? localize(label, locale) : code;
}

/** A field the event does not ask: left out, or empty; anything given is refused. */
const notAsked: z.ZodType<undefined> = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.undefined({ error: "notAsked" }),
);

function asked(
  mode: FieldMode,
  required: z.ZodType<string>,
  optional: z.ZodType<string | undefined>,
): z.ZodType<string | undefined> {
  if (mode === "REQUIRED") return required;
  return mode === "OPTIONAL" ? optional : notAsked;
}

/**
 * The built-in fields as an event's form asks them
 * (docs/decisions/021-built-in-fields.md): required, optional or not asked,
 * and a region of the event's own list.
 */
export function builtInFieldsShape({
  fields,
  regions,
  travel,
}: Pick<EventForm, "fields" | "regions" | "travel">) {
  const codes = regions.map((region) => region.code) as [string, ...string[]];
  const needsAsked = fields.needs !== "HIDDEN";
  return {
    patronymic: asked(fields.patronymic, text({ max: 100 }), optionalText({ max: 100 })),
    position: asked(fields.position, text({ max: 200 }), optionalText({ max: 200 })),
    phone: asked(fields.phone, phoneNumber, optionalPhone),
    region: choice(codes),
    needsAccommodation: z
      .boolean({ error: "invalidChoice" })
      .default(false)
      .refine((value) => needsAsked || !value, { error: "notAsked" }),
    dietaryNeeds: needsAsked ? note() : notAsked,
    accessibilityNeeds: needsAsked ? note() : notAsked,
    travel: travelSchema({ asked: travel, regionCodes: codes }),
  };
}

// Building a form's schema costs about a millisecond (zod compiles each new
// object schema on its first parse), parsing with one already built a
// fortieth of that, and an event's form changes seldom: the schemas built
// from the forms seen last are kept, keyed by what the form says.
const built = new Map<string, z.ZodType>();
const KEPT_SCHEMAS = 100;

function memoized<T extends z.ZodType>(kind: string, form: EventForm, make: () => T): T {
  const key = `${kind}:${JSON.stringify(form)}`;
  const found = built.get(key);
  if (found) return found as T;
  const schema = make();
  if (built.size >= KEPT_SCHEMAS) built.delete(built.keys().next().value as string);
  built.set(key, schema);
  return schema;
}

/** The registration form of an event: its built-in fields as it asks them, and the answers to its questions. */
export function registrationFormSchema(form: EventForm) {
  return memoized("form", form, () =>
    registrationRequestSchema.extend({ ...builtInFieldsShape(form), answers: answersSchema(form.questions) }),
  );
}

/**
 * What createRegistration and updateRegistration hold a registration to,
 * whoever sent it: the built-in fields and the answers. At the door, staff
 * may leave required questions for later.
 */
export function registrationCheckSchema(form: EventForm, { requireAnswers }: { requireAnswers: boolean }) {
  return memoized(requireAnswers ? "check" : "check-at-the-door", form, () =>
    z.object({
      ...builtInFieldsShape(form),
      answers: answersSchema(
        requireAnswers
          ? form.questions
          : form.questions.map((question) => ({ ...question, required: false })),
      ),
    }),
  );
}

/**
 * What the JSON API reads a registration with: the built-in fields as the
 * event asks them, and the answers in their general shape —
 * createRegistration holds them to the questions, and tells their errors by
 * question.
 */
export function apiRegistrationSchema(form: EventForm) {
  return memoized("api", form, () => registrationRequestSchema.extend(builtInFieldsShape(form)));
}

/** A registration's edit, by its participant or by staff, under the same rules. */
export function registrationEditSchema(form: EventForm) {
  return memoized("edit", form, () =>
    registrationUpdateSchema.extend({ ...builtInFieldsShape(form), answers: answersSchema(form.questions) }),
  );
}

/** A limited option that a set of answers takes. */
export type ChosenPlace = { questionId: string; optionId: string; places: number };

/** The limited options these (checked) answers choose. */
export function limitedChoices(questions: readonly QuestionDefinition[], answers: Answers): ChosenPlace[] {
  return questions.flatMap((question) => {
    const chosen = namedValues(answers[question.id]);
    if (!isChoiceType(question.type)) return [];
    return question.options.flatMap((option) =>
      option.places !== null && chosen.includes(option.id)
        ? [{ questionId: question.id, optionId: option.id, places: option.places }]
        : [],
    );
  });
}

export function placesLeft(places: number | null, taken: number): number | null {
  return places === null ? null : Math.max(0, places - taken);
}

/**
 * The option-limit decision, made under the event's lock: each chosen
 * limited option needs a place left among those the other active
 * registrations take; an option the registration already holds is kept.
 * Returns the field errors of the questions whose option is full.
 */
export function fullChoices({
  chosen,
  taken,
  held = [],
}: {
  chosen: readonly ChosenPlace[];
  /** Places taken per option by the other active registrations. */
  taken: Readonly<Record<string, number>>;
  /** The options the registration holds already (an edit). */
  held?: readonly string[];
}): Record<string, "optionFull"> {
  const errors: Record<string, "optionFull"> = {};
  for (const { questionId, optionId, places } of chosen) {
    if (held.includes(optionId)) continue;
    if ((placesLeft(places, taken[optionId] ?? 0) ?? 1) === 0) errors[`answers.${questionId}`] = "optionFull";
  }
  return errors;
}

/** An answer as stored: one typed value, or the options chosen. */
export type AnswerRow = {
  questionId: string;
  textValue: string | null;
  numberValue: number | null;
  /** "YYYY-MM-DD". */
  dateValue: string | null;
  booleanValue: boolean | null;
  optionIds: string[];
};

/** The rows that store these (checked) answers. */
export function answerRows(questions: readonly QuestionDefinition[], answers: Answers): AnswerRow[] {
  return questions.flatMap((question) => {
    const value = answers[question.id];
    if (value === undefined) return [];
    const row: AnswerRow = {
      questionId: question.id,
      textValue: null,
      numberValue: null,
      dateValue: null,
      booleanValue: null,
      optionIds: [],
    };
    if (isChoiceType(question.type)) row.optionIds = namedValues(value);
    else if (question.type === "NUMBER" || question.type === "SCALE") row.numberValue = Number(value);
    else if (question.type === "DATE") row.dateValue = String(value);
    else if (question.type === "YES_NO") row.booleanValue = value === true;
    else row.textValue = String(value);
    return [row];
  });
}

/** Stored answers as the edit form's values (what the form sends back unchanged). */
export function answerFormValues(
  questions: readonly QuestionDefinition[],
  rows: readonly AnswerRow[],
): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const question of questions) {
    const row = rows.find((candidate) => candidate.questionId === question.id);
    if (!row) continue;
    if (question.type === "MULTIPLE_CHOICE") values[question.id] = row.optionIds;
    else if (question.type === "SINGLE_CHOICE") values[question.id] = row.optionIds[0] ?? "";
    else if (row.booleanValue !== null) values[question.id] = row.booleanValue ? "yes" : "no";
    else if (row.numberValue !== null) values[question.id] = String(row.numberValue);
    else values[question.id] = row.dateValue ?? row.textValue ?? "";
  }
  return values;
}

/** A stored answer as text to show: the chosen options' labels, yes or no, the number or date as given. */
export function answerText(
  question: QuestionDefinition,
  row: AnswerRow,
  { locale, yes, no }: { locale: "ru" | "ky" | "en"; yes: string; no: string },
): string {
  if (row.booleanValue !== null) return row.booleanValue ? yes : no;
  if (row.numberValue !== null) return String(row.numberValue).replace(".", locale === "en" ? "." : ",");
  if (row.optionIds.length > 0) {
    return row.optionIds
      .map((id) => question.options.find((option) => option.id === id))
      .map((option) => (option ? option.label[locale] || option.label.ru : "?"))
      .join("; ");
  }
  return row.dateValue ?? row.textValue ?? "";
}
