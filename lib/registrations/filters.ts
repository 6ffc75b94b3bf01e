import { z } from "zod";
import { addressTextSchema } from "@/lib/entry-points/schema";
import { localize } from "@/lib/events/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { InstrumentKind, QuestionType } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/routing";
import { instrumentKinds } from "@/lib/outcomes/schema";
import { isChoiceType, type QuestionText, regionCodeSchema, yesNo } from "@/lib/questions/schema";
import { categories, genders } from "@/lib/registrations/schema";
import { foldForSearch } from "@/lib/registrations/search";

// The filters of an event's registrations list, read from the page's address.
// One home for the list, its bulk actions and the exports: what staff see
// filtered is exactly what they act on and take away. An unknown value is
// dropped rather than refused: an address is typed by hand, often. So is an
// answer that is not one of the event's own choice questions and options.

export const registrationStatuses = ["PENDING", "CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"] as const;
export const registrationSorts = ["number", "name", "organization", "region", "status"] as const;

export const registrationFiltersSchema = z.object({
  q: addressTextSchema(200).trim().optional().catch(undefined),
  status: z.enum(registrationStatuses).optional().catch(undefined),
  category: z.enum(categories).optional().catch(undefined),
  /** A code of the event's regions; another code selects nobody. */
  region: regionCodeSchema.optional().catch(undefined),
  gender: z.enum(genders).optional().catch(undefined),
  /** Present on this event day. */
  day: z.uuid().optional().catch(undefined),
  /** Answered a choice question so: `<questionId>:<optionId>`, or `<questionId>:yes` / `:no`. */
  answer: z
    .string()
    .max(80)
    .refine((answer) => readAnswerFilter(answer) !== undefined)
    .optional()
    .catch(undefined),
  /** Answered an instrument or not: `<kind>:done` or `<kind>:not_done` (docs/decisions/032-outcome-instruments.md). */
  instrument: z
    .string()
    .max(40)
    .refine((value) => readInstrumentFilter(value) !== undefined)
    .optional()
    .catch(undefined),
  sort: z.enum(registrationSorts).optional().catch(undefined),
  desc: z.literal("1").optional().catch(undefined),
});

/** An instrument filter's kind and whether it wants those who answered. */
export function readInstrumentFilter(
  value: string | undefined,
): { kind: InstrumentKind; done: boolean } | undefined {
  const [kind, state, ...rest] = value?.split(":") ?? [];
  const known = instrumentKinds.find((candidate) => candidate === kind);
  if (!known || rest.length > 0 || (state !== "done" && state !== "not_done")) return undefined;
  return { kind: known, done: state === "done" };
}

export type RegistrationFilters = z.infer<typeof registrationFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The answer a list is filtered by: an option's id, or "yes"/"no" of a yes/no question. */
export type AnswerFilter = { questionId: string; value: string };

/** The questions an answer filter may name: the event's choice and yes/no questions (getChoiceQuestions). */
export type FilterableQuestion = { id: string; type: QuestionType; options: { id: string }[] };

/** An answer filter's two parts, when it has the shape of one; whose question it names is checked apart (isAnswerOf). */
export function readAnswerFilter(answer: string | undefined): AnswerFilter | undefined {
  const [questionId, value, ...rest] = answer?.split(":") ?? [];
  if (!questionId || !value || rest.length > 0 || !z.uuid().safeParse(questionId).success) return undefined;
  const isYesNo = (yesNo as readonly string[]).includes(value);
  return isYesNo || z.uuid().safeParse(value).success ? { questionId, value } : undefined;
}

/** Whether an answer filter names one of these questions and one of its answers. */
function isAnswerOf(answer: AnswerFilter, questions: FilterableQuestion[]): boolean {
  const question = questions.find((candidate) => candidate.id === answer.questionId);
  if (!question) return false;
  if (question.type === "YES_NO") return (yesNo as readonly string[]).includes(answer.value);
  return isChoiceType(question.type) && question.options.some((option) => option.id === answer.value);
}

/** The answers the list can be filtered by, grouped by question, in the staff member's language. */
export function answerFilterChoices(
  questions: (Omit<FilterableQuestion, "options"> & {
    label: QuestionText;
    archived: boolean;
    options: { id: string; label: QuestionText }[];
  })[],
  words: { locale: Locale; yes: string; no: string; archived: string },
): { id: string; question: string; choices: { value: string; label: string }[] }[] {
  return questions.map((question) => ({
    id: question.id,
    question: `${localize(question.label, words.locale)}${question.archived ? ` (${words.archived})` : ""}`,
    choices:
      question.type === "YES_NO"
        ? yesNo.map((value) => ({ value: `${question.id}:${value}`, label: words[value] }))
        : question.options.map((option) => ({
            value: `${question.id}:${option.id}`,
            label: localize(option.label, words.locale),
          })),
  }));
}

/**
 * The filters in an address's query, first value of each. `questions` are
 * the event's choice questions: an answer filter naming anything else (another
 * event's question, an option of another question) is dropped.
 */
export function parseRegistrationFilters(
  params: SearchParams,
  { questions }: { questions: FilterableQuestion[] },
): RegistrationFilters {
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((key) => [key, params.get(key) ?? undefined])
      : Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]);
  const filters = registrationFiltersSchema.parse(Object.fromEntries(entries));
  const answer = readAnswerFilter(filters.answer);
  return {
    ...filters,
    q: filters.q || undefined,
    answer: answer && isAnswerOf(answer, questions) ? filters.answer : undefined,
  };
}

/** The filters as a query string, without empty values, for links that keep them. */
export function filtersQuery(filters: RegistrationFilters): URLSearchParams {
  return new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/**
 * The rows of one event the filters select. The search is served by the
 * trigram index on search_text, which holds the email and the phone too;
 * `contacts: false` also asks name_search_text, which holds neither, so that
 * an address typed into a viewer's list finds no one.
 */
export function registrationWhere(
  eventId: string,
  filters: RegistrationFilters,
  { contacts = true }: { contacts?: boolean } = {},
): Prisma.RegistrationWhereInput {
  return {
    eventId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.gender ? { gender: filters.gender } : {}),
    ...(filters.day ? { attendance: { some: { eventDayId: filters.day } } } : {}),
    ...answerWhere(readAnswerFilter(filters.answer)),
    ...instrumentWhere(readInstrumentFilter(filters.instrument)),
    ...(filters.q ? searchWhere(filters.q, { contacts }) : {}),
  };
}

function searchWhere(q: string, { contacts }: { contacts: boolean }): Prisma.RegistrationWhereInput {
  const folded = foldForSearch(q);
  const everywhere = { searchText: { contains: folded } };
  return contacts ? everywhere : { AND: [everywhere, { nameSearchText: { contains: folded } }] };
}

/** Answered: a named response, or an anonymous survey's ballot. */
function instrumentWhere(
  filter: { kind: InstrumentKind; done: boolean } | undefined,
): Prisma.RegistrationWhereInput {
  if (!filter) return {};
  const answered: Prisma.RegistrationWhereInput = {
    OR: [
      { instrumentResponses: { some: { instrument: { kind: filter.kind } } } },
      { ballots: { some: { instrument: { kind: filter.kind } } } },
    ],
  };
  return filter.done ? answered : { NOT: answered };
}

/** A yes/no answer is its boolean; a choice, one of its options (registration_answer_option, by option). */
function answerWhere(answer: AnswerFilter | undefined): Prisma.RegistrationWhereInput {
  if (!answer) return {};
  const { questionId, value } = answer;
  if (value === "yes" || value === "no") {
    return { answers: { some: { questionId, booleanValue: value === "yes" } } };
  }
  return { answers: { some: { questionId, options: { some: { optionId: value } } } } };
}

export type RegistrationSort = (typeof registrationSorts)[number];

/**
 * The columns each sort orders by, with the values a paging cursor may hold
 * for them. The arrival number follows every sort, in the same direction: the
 * order is total, so a row's values alone say where it stands. Enum columns
 * sort in their database type's order, which is that of these lists; regions
 * by their codes.
 */
const sortColumns = {
  number: {},
  name: { lastName: addressTextSchema(200), firstName: addressTextSchema(200) },
  organization: { organization: addressTextSchema(300) },
  region: { region: regionCodeSchema },
  status: { status: z.enum(registrationStatuses) },
} satisfies Record<RegistrationSort, Partial<Record<keyof Prisma.RegistrationWhereInput, z.ZodType>>>;

type SortColumn = { [Sort in RegistrationSort]: keyof (typeof sortColumns)[Sort] }[RegistrationSort];

function columnsOf(filters: RegistrationFilters): [SortColumn, z.ZodType][] {
  return Object.entries(sortColumns[filters.sort ?? "number"]) as [SortColumn, z.ZodType][];
}

/** `backwards` reverses the list's order: the rows before a cursor, nearest first. */
function directionOf(filters: RegistrationFilters, backwards: boolean): Prisma.SortOrder {
  return (filters.desc === "1") !== backwards ? "desc" : "asc";
}

/** The order of the rows; the arrival number breaks ties, so pages never overlap. */
export function registrationOrder(
  filters: RegistrationFilters,
  { backwards = false }: { backwards?: boolean } = {},
): Prisma.RegistrationOrderByWithRelationInput[] {
  const direction = directionOf(filters, backwards);
  return [...columnsOf(filters).map(([column]) => ({ [column]: direction })), { number: direction }];
}

/** Where one row stands in the list's order: its sort columns' values and its number. */
export type RegistrationCursor = Record<string, string | number>;

/** Where a page of the list starts: after a row, or (`backwards`) before it. */
export type RegistrationPageStart = { cursor: RegistrationCursor; backwards: boolean };

export function registrationCursor(
  filters: RegistrationFilters,
  row: Record<SortColumn | "number", unknown>,
): RegistrationCursor {
  return Object.fromEntries(
    [...columnsOf(filters).map(([column]) => column), "number" as const].map((column) => [
      column,
      row[column],
    ]),
  ) as RegistrationCursor;
}

/** The page start as the list's links carry it: `after=` or `before=` a cursor in base64url JSON. */
export function pageStartQuery({ cursor, backwards }: RegistrationPageStart): URLSearchParams {
  return new URLSearchParams([
    [backwards ? "before" : "after", Buffer.from(JSON.stringify(cursor)).toString("base64url")],
  ]);
}

/**
 * The page start in an address, checked against the list's sort; anything
 * unreadable (edited by hand, or left from another sort) is no start at all,
 * which is the first page.
 */
export function parsePageStart(
  params: SearchParams,
  filters: RegistrationFilters,
): RegistrationPageStart | undefined {
  const schema = z.object({ ...Object.fromEntries(columnsOf(filters)), number: z.int().positive() });
  for (const [key, backwards] of [
    ["after", false],
    ["before", true],
  ] as const) {
    const value = params instanceof URLSearchParams ? params.get(key) : [params[key]].flat()[0];
    if (!value) continue;
    const parsed = schema.safeParse(readJson(Buffer.from(value, "base64url").toString()));
    return parsed.success ? { cursor: parsed.data as RegistrationCursor, backwards } : undefined;
  }
  return undefined;
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The rows beyond a cursor in the list's order (or, `backwards`, its
 * reverse). Prisma has no row comparison, so (a, b, number) > (x, y, n) is
 * spelled out: a > x, or a = x and b > y, or both equal and number > n. The
 * lone bound a ≥ x repeats the first branch's column so that PostgreSQL can
 * start its index scan at the cursor rather than filter from the list's start.
 */
export function registrationsBeyond(
  filters: RegistrationFilters,
  { cursor, backwards }: RegistrationPageStart,
): Prisma.RegistrationWhereInput {
  const ascending = directionOf(filters, backwards) === "asc";
  const columns: [SortColumn | "number", z.ZodType | undefined][] = [
    ...columnsOf(filters),
    ["number", undefined],
  ];
  const beyond = ([column, schema]: (typeof columns)[number], orEqual: boolean) => {
    const value = cursor[column];
    // An enum has no "greater than" in Prisma: name the values that sort after.
    if (schema instanceof z.ZodEnum) {
      const options = schema.options as string[];
      const at = options.indexOf(value as string);
      const after = options.slice(orEqual ? at : at + 1);
      const before = options.slice(0, orEqual ? at + 1 : at);
      return { [column]: { in: ascending ? after : before } };
    }
    const operator = ascending ? (orEqual ? "gte" : "gt") : orEqual ? "lte" : "lt";
    return { [column]: { [operator]: value } };
  };
  const [first] = columns as [(typeof columns)[number]];
  return {
    AND: [
      beyond(first, true),
      {
        OR: columns.map((column, index) => ({
          ...Object.fromEntries(columns.slice(0, index).map(([equal]) => [equal, cursor[equal]])),
          ...beyond(column, false),
        })),
      },
    ],
  };
}
