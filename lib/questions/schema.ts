import { z } from "zod";
import { localizedInputSchema } from "@/lib/events/schema";
import type { FieldMode, QuestionType } from "@/lib/generated/prisma/enums";
import type { TravelAsked } from "@/lib/travel/schema";

// What an event's form asks: its own questions
// (docs/decisions/016-registration-questions.md) and how it asks the built-in
// fields it may configure (docs/decisions/021-built-in-fields.md) — their
// definition as staff save it, and the general shape of answers as a client
// sends them. The schema that checks a registration against one event's form
// is built in rules.ts.

export const questionTypes = [
  "SHORT_TEXT",
  "LONG_TEXT",
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "YES_NO",
  "NUMBER",
  "DATE",
  "EMAIL",
  "PHONE",
  "SCALE",
] as const satisfies readonly QuestionType[];

/**
 * Answers of these types are one of a few values each and identify no one:
 * erasure keeps them, for the statistics (a test's score and a rating stay;
 * docs/decisions/017-answers-in-exports-and-erasure.md), and a statistics
 * file for someone without `event.contacts` holds only them
 * (docs/decisions/043-outcome-reports.md). Every other answer (a text, an
 * email, a phone, a date, a number) may identify its author, and so may the
 * answer to any type added later unless it is named here.
 */
export const unidentifyingAnswerTypes = [
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "YES_NO",
  "SCALE",
] as const satisfies readonly QuestionType[];

/** Answers in the person's own words: the statistics list them as given. */
export const freeTextTypes = ["SHORT_TEXT", "LONG_TEXT"] as const satisfies readonly QuestionType[];

/** A scale's answers: its lowest and highest point. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** The most points a test's question may earn. */
export const MAX_POINTS = 100;

/** The types whose answers are options; they have options, and places per option. */
export const choiceTypes = ["SINGLE_CHOICE", "MULTIPLE_CHOICE"] as const satisfies readonly QuestionType[];

/** The types a condition can look at: a choice's options, or yes/no. */
export const conditionTypes = [...choiceTypes, "YES_NO"] as const satisfies readonly QuestionType[];

/** The values of a yes/no question, as a condition names them and a form sends them. */
export const yesNo = ["yes", "no"] as const;

export const MAX_QUESTIONS = 100;
export const MAX_OPTIONS = 50;
/** More answers than any event asks: a request with more is refused before any is read. */
export const MAX_ANSWERS = 200;
/** The longest answer a client may send, whatever the question (texts are held to less by theirs). */
const MAX_ANSWER_LENGTH = 5000;

export function isChoiceType(type: QuestionType): type is (typeof choiceTypes)[number] {
  return (choiceTypes as readonly QuestionType[]).includes(type);
}

export function isConditionType(type: QuestionType): boolean {
  return (conditionTypes as readonly QuestionType[]).includes(type);
}

/** A localized text as stored: Russian always, the others when translated. */
export type QuestionText = { ru: string; ky?: string; en?: string };

/** One of an event's questions as the registration rules read it (lib/questions/data.ts). */
export type QuestionDefinition = {
  id: string;
  type: QuestionType;
  required: boolean;
  label: QuestionText;
  help: QuestionText | null;
  minNumber: number | null;
  maxNumber: number | null;
  /** "YYYY-MM-DD". */
  minDate: string | null;
  maxDate: string | null;
  condition: { questionId: string; values: string[] } | null;
  /** A scale's labelled ends (null: the numbers alone). */
  scale: { low: QuestionText | null; high: QuestionText | null } | null;
  options: { id: string; label: QuestionText; places: number | null }[];
};

/**
 * What a test's question earns: its points, and the options of a correct
 * answer. Kept apart from the definition, which goes to the participant's
 * browser: the key never does.
 */
export type ScoringKey = Record<string, { points: number; correct: string[] }>;

export const fieldModes = ["REQUIRED", "OPTIONAL", "HIDDEN"] as const satisfies readonly FieldMode[];

/** The built-in fields an event may leave out or make optional; needs are never required. */
export const configurableFields = ["patronymic", "position", "phone", "needs"] as const;
export type ConfigurableField = (typeof configurableFields)[number];

/** How an event's form asks its built-in fields, and its own wording of the sector and gender questions. */
export type FormFields = Record<ConfigurableField, FieldMode> & {
  sectorLabel: QuestionText | null;
  genderLabel: QuestionText | null;
};

/** The form as it is without an event's choices: what every event had before they could choose. */
export const standardFields: FormFields = {
  patronymic: "OPTIONAL",
  position: "REQUIRED",
  phone: "REQUIRED",
  needs: "OPTIONAL",
  sectorLabel: null,
  genderLabel: null,
};

/** A region an event's form offers, by the code registrations store. */
export type RegionDefinition = { code: string; label: QuestionText };

/** Everything an event's registration form asks, as the rules read it. */
export type EventForm = {
  fields: FormFields;
  regions: RegionDefinition[];
  questions: QuestionDefinition[];
  /** The travel group, when the event asks it (lib/travel/schema.ts). */
  travel: TravelAsked | null;
};

/** A region's code: what registrations, filters and the JSON API name (a CHECK holds the same shape). */
export const regionCodeSchema = z
  // As a choice is told: none given is required, anything else not on the list a wrong choice.
  .string({
    error: (issue) => (issue.input === undefined || issue.input === null ? "required" : "invalidChoice"),
  })
  .regex(/^[A-Z][A-Z0-9_]{0,39}$/, { error: (issue) => (issue.input === "" ? "required" : "invalidChoice") });

export const MAX_REGIONS = 100;

/** A text, a number, yes/no, an option id or several: what one answer may be. */
export type AnswerValue = string | number | boolean | string[];
export type Answers = Record<string, AnswerValue>;

/**
 * Answers as any client sends them, keyed by question id; not yet checked
 * against the event's questions.
 */
export const submittedAnswersSchema = z
  .record(
    z.uuid({ error: "notAsked" }),
    z.union(
      [
        z.string().max(MAX_ANSWER_LENGTH, { error: "tooLong" }),
        z.number().finite(),
        z.boolean(),
        z
          .array(z.string().max(100, { error: "invalidChoice" }))
          .max(MAX_OPTIONS, { error: "tooManyChoices" }),
        z.null(),
      ],
      { error: "invalidChoice" },
    ),
    { error: "notAsked" },
  )
  .refine((answers) => Object.keys(answers).length <= MAX_ANSWERS, { error: "tooManyAnswers" })
  .transform((answers) => {
    const given: Answers = {};
    for (const [id, value] of Object.entries(answers)) if (value !== null) given[id] = value;
    return given;
  })
  .default({});

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" });
const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUndefined, schema.optional());
const bound = z.coerce
  .number({ error: "invalidNumber" })
  .refine(Number.isFinite, { error: "invalidNumber" })
  .refine((value) => Math.abs(value) <= 1e12, { error: "invalidNumber" });

/** The texts of a question or an option: Russian required, the others may be missing (and are flagged). */
const label = localizedInputSchema(300);
const help = z.object({
  ru: z.string().trim().max(1000, { error: "tooLong" }).optional(),
  ky: z.string().trim().max(1000, { error: "tooLong" }).optional(),
  en: z.string().trim().max(1000, { error: "tooLong" }).optional(),
});

const optionSchema = z.object({
  /** Generated by the editor for a new option; checked by saveQuestions not to belong elsewhere. */
  id: z.uuid({ error: "invalidChoice" }),
  label,
  places: optional(
    z.coerce
      .number({ error: "invalidNumber" })
      .int({ error: "invalidNumber" })
      .min(1, { error: "tooSmall" })
      .max(100_000, { error: "tooLarge" }),
  ),
  /** A test's option: (one of) the correct answer(s). */
  correct: z.boolean().default(false),
});

const questionSchema = z.object({
  id: z.uuid({ error: "invalidChoice" }),
  type: z.enum(questionTypes, { error: "invalidChoice" }),
  required: z.boolean().default(false),
  label,
  help,
  minNumber: optional(bound),
  maxNumber: optional(bound),
  minDate: optional(localDate),
  maxDate: optional(localDate),
  /** "": shown always. */
  conditionQuestionId: z.union([z.literal(""), z.uuid({ error: "invalidChoice" })]).default(""),
  conditionValues: z.array(z.string().max(100)).max(MAX_OPTIONS).default([]),
  /** A test's choice question: what a correct answer earns; empty: not scored. */
  points: optional(
    z.coerce
      .number({ error: "invalidNumber" })
      .int({ error: "invalidNumber" })
      .min(1, { error: "tooSmall" })
      .max(MAX_POINTS, { error: "tooLarge" }),
  ),
  scaleLow: help.default({}),
  scaleHigh: help.default({}),
  options: z.array(optionSchema).max(MAX_OPTIONS, { error: "tooManyOptions" }).default([]),
});

export type QuestionInput = z.output<typeof questionSchema>;

/**
 * An event's questions as an organizer saves them, in their order. What no
 * single field can tell: a choice has options; ids are not repeated; a
 * condition looks back, at an earlier choice or yes/no question, and names
 * its values.
 */
export const questionsEditSchema = z.object({
  questions: z
    .array(questionSchema)
    .max(MAX_QUESTIONS, { error: "tooManyQuestions" })
    .default([])
    .superRefine((questions, ctx) => {
      const seen = new Set<string>();
      questions.forEach((question, index) => {
        const at = (...path: (string | number)[]) => [index, ...path];
        for (const id of [question.id, ...question.options.map((option) => option.id)]) {
          if (seen.has(id)) ctx.addIssue({ code: "custom", message: "duplicate", path: at("id") });
          seen.add(id);
        }
        if (isChoiceType(question.type) && question.options.length === 0) {
          ctx.addIssue({ code: "custom", message: "noOptions", path: at("options") });
        }
        const correct = question.options.filter((option) => option.correct).length;
        if (question.points !== undefined && !isChoiceType(question.type)) {
          ctx.addIssue({ code: "custom", message: "notScored", path: at("points") });
        } else if (question.points !== undefined && correct === 0) {
          ctx.addIssue({ code: "custom", message: "noCorrect", path: at("options") });
        } else if (question.points !== undefined && question.type === "SINGLE_CHOICE" && correct > 1) {
          ctx.addIssue({ code: "custom", message: "oneCorrect", path: at("options") });
        }
        if (
          question.minNumber !== undefined &&
          question.maxNumber !== undefined &&
          question.minNumber > question.maxNumber
        ) {
          ctx.addIssue({ code: "custom", message: "tooSmall", path: at("maxNumber") });
        }
        if (question.minDate && question.maxDate && question.minDate > question.maxDate) {
          ctx.addIssue({ code: "custom", message: "tooEarly", path: at("maxDate") });
        }
        if (!question.conditionQuestionId) return;
        const source = questions.findIndex((other) => other.id === question.conditionQuestionId);
        const target = questions[source];
        if (source === -1 || source >= index || !target || !isConditionType(target.type)) {
          ctx.addIssue({ code: "custom", message: "invalidCondition", path: at("conditionQuestionId") });
          return;
        }
        const allowed: readonly string[] =
          target.type === "YES_NO" ? yesNo : target.options.map((option) => option.id);
        if (
          question.conditionValues.length === 0 ||
          question.conditionValues.some((value) => !allowed.includes(value))
        ) {
          ctx.addIssue({ code: "custom", message: "invalidCondition", path: at("conditionValues") });
        }
      });
    }),
});

export type QuestionsEdit = z.output<typeof questionsEditSchema>;

/** A localized label an organizer may leave empty: empty means the standard wording. */
const rewording = z.object({
  ru: z.string().trim().max(200, { error: "tooLong" }).optional(),
  ky: z.string().trim().max(200, { error: "tooLong" }).optional(),
  en: z.string().trim().max(200, { error: "tooLong" }).optional(),
});

const regionSchema = z.object({
  /** "": a region the organizer adds now; its code is made when it is saved. */
  code: z.union([z.literal(""), regionCodeSchema]).default(""),
  label: localizedInputSchema(200),
});

/**
 * The built-in fields of an event as an organizer saves them: how each
 * configurable one is asked, the sector and gender questions' own wording
 * (a Russian one, when any), and the regions offered, in their order.
 */
export const formFieldsEditSchema = z
  .object({
    patronymic: z.enum(fieldModes, { error: "invalidChoice" }),
    position: z.enum(fieldModes, { error: "invalidChoice" }),
    phone: z.enum(fieldModes, { error: "invalidChoice" }),
    needs: z.enum(["OPTIONAL", "HIDDEN"], { error: "invalidChoice" }),
    sectorLabel: rewording,
    genderLabel: rewording,
    regions: z
      .array(regionSchema)
      .min(1, { error: "noRegions" })
      .max(MAX_REGIONS, { error: "tooManyRegions" }),
  })
  .superRefine((input, ctx) => {
    for (const name of ["sectorLabel", "genderLabel"] as const) {
      const { ru, ky, en } = input[name];
      if (!ru && (ky || en)) ctx.addIssue({ code: "custom", message: "required", path: [name, "ru"] });
    }
    const seen = new Set<string>();
    input.regions.forEach((region, index) => {
      if (!region.code) return;
      if (seen.has(region.code))
        ctx.addIssue({ code: "custom", message: "duplicate", path: ["regions", index, "code"] });
      seen.add(region.code);
    });
  });

export type FormFieldsEdit = z.output<typeof formFieldsEditSchema>;
