import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { type AnswerRow, registrationEditSchema, registrationFormSchema } from "@/lib/questions/rules";
import {
  conditionTypes,
  type EventForm,
  type QuestionDefinition,
  type QuestionText,
  type RegionDefinition,
} from "@/lib/questions/schema";
import { ACTIVE_STATUSES } from "@/lib/registrations/rules";
import { registrationRequestSchema, registrationUpdateSchema } from "@/lib/registrations/schema";
import { hashToken } from "@/lib/registrations/tokens";

// Reads of an event's questions and of registrations' answers.

const definitionInclude = { options: { orderBy: { position: "asc" } } } as const;

type QuestionRow = Prisma.QuestionGetPayload<{ include: typeof definitionInclude }>;

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function toDefinition(row: QuestionRow): QuestionDefinition {
  return {
    id: row.id,
    type: row.type,
    required: row.required,
    label: row.label as QuestionText,
    help: (row.help as QuestionText | null) ?? null,
    minNumber: row.minNumber,
    maxNumber: row.maxNumber,
    minDate: day(row.minDate),
    maxDate: day(row.maxDate),
    condition: row.conditionQuestionId
      ? { questionId: row.conditionQuestionId, values: row.conditionValues }
      : null,
    options: row.options.map((option) => ({
      id: option.id,
      label: option.label as QuestionText,
      places: option.places,
    })),
  };
}

/** Whose questions: an event's, or those of the event of a registration (by its id or its management token). */
export type QuestionsOf =
  | { eventId: string }
  | { slug: string }
  | { registrationId: string }
  | { manageToken: string };

function eventWhere(of: QuestionsOf): Prisma.EventWhereInput {
  if ("eventId" in of) return { id: of.eventId };
  if ("slug" in of) return { slug: of.slug };
  if ("registrationId" in of) return { registrations: { some: { id: of.registrationId } } };
  return { registrations: { some: { manageTokenHash: hashToken(of.manageToken) } } };
}

/** The questions an event asks now (not archived), in their order: what its answers are checked against. */
export async function getEventQuestions(of: QuestionsOf): Promise<QuestionDefinition[]> {
  const rows = await db.question.findMany({
    where: { archivedAt: null, event: eventWhere(of) },
    include: definitionInclude,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toDefinition);
}

/** Every question of an event, archived ones too, in their order: the columns of its exports. */
export async function getAllEventQuestions({
  eventId,
}: {
  eventId: string;
}): Promise<(QuestionDefinition & { archived: boolean })[]> {
  const rows = await db.question.findMany({
    where: { eventId },
    include: definitionInclude,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({ ...toDefinition(row), archived: row.archivedAt !== null }));
}

/**
 * Everything an event's form asks: how it asks the built-in fields, its
 * regions and its questions. Undefined for an unknown event.
 */
export async function getEventForm(of: QuestionsOf): Promise<EventForm | undefined> {
  const [event, questions] = await Promise.all([
    db.event.findFirst({
      where: eventWhere(of),
      select: {
        patronymicField: true,
        positionField: true,
        phoneField: true,
        needsField: true,
        sectorLabel: true,
        genderLabel: true,
        regions: { orderBy: { position: "asc" }, select: { code: true, label: true } },
      },
    }),
    getEventQuestions(of),
  ]);
  if (!event) return undefined;
  return {
    fields: {
      patronymic: event.patronymicField,
      position: event.positionField,
      phone: event.phoneField,
      needs: event.needsField,
      sectorLabel: (event.sectorLabel as QuestionText | null) ?? null,
      genderLabel: (event.genderLabel as QuestionText | null) ?? null,
    },
    regions: event.regions.map((region) => ({ code: region.code, label: region.label as QuestionText })),
    questions,
  };
}

/**
 * The schema a registration meets on an event's form. For an unknown event,
 * the general shape: what runs next answers "not found".
 */
export async function registrationSchemaOf(
  of: QuestionsOf,
): Promise<z.ZodType<z.output<typeof registrationRequestSchema>>> {
  const form = await getEventForm(of);
  return form ? registrationFormSchema(form) : registrationRequestSchema;
}

/** The schema an edit of a registration meets on its event's form (the general shape for an unknown one). */
export async function editSchemaOf(
  of: QuestionsOf,
): Promise<z.ZodType<z.output<typeof registrationUpdateSchema>>> {
  const form = await getEventForm(of);
  return form ? registrationEditSchema(form) : registrationUpdateSchema;
}

/** An event's regions, in their order, with how many registrations name each: for its editor and its filters. */
export async function getEventRegions({
  eventId,
}: {
  eventId: string;
}): Promise<(RegionDefinition & { registrations: number })[]> {
  const rows = await db.eventRegion.findMany({
    where: { eventId },
    orderBy: { position: "asc" },
    select: { code: true, label: true, _count: { select: { registrations: true } } },
  });
  return rows.map((row) => ({
    code: row.code,
    label: row.label as QuestionText,
    registrations: row._count.registrations,
  }));
}

type PlacesOf = { eventId: string } | { optionIds: string[]; except?: string };

/**
 * The query of the places taken per limited option by active registrations
 * (`option_id`, `taken`): of an event, or of the options given except one
 * registration's. A fragment, so that the registration's locked section can
 * read it in the same statement as the seats.
 */
export function placesTakenSql(of: PlacesOf): Prisma.Sql {
  const which =
    "eventId" in of
      ? Prisma.sql`r.event_id = ${of.eventId}::uuid`
      : Prisma.sql`ao.option_id = ANY(${of.optionIds}::uuid[]) AND r.id IS DISTINCT FROM ${of.except ?? null}::uuid`;
  return Prisma.sql`
    SELECT ao.option_id, count(*)::int AS taken
    FROM registration_answer_option ao
    JOIN question_option o ON o.id = ao.option_id AND o.places IS NOT NULL
    JOIN registration r ON r.id = ao.registration_id
    WHERE r.status::text = ANY(${[...ACTIVE_STATUSES]}::text[]) AND ${which}
    GROUP BY ao.option_id`;
}

/**
 * Places taken per limited option (placesTakenSql): for the form's "no
 * places left", or under the event's lock with the transaction's client, so
 * that it sees the places the previous holder of the lock took.
 */
export async function getPlacesTaken(
  of: PlacesOf,
  client: Prisma.TransactionClient = db,
): Promise<Record<string, number>> {
  const rows = await client.$queryRaw<{ option_id: string; taken: number }[]>(placesTakenSql(of));
  return Object.fromEntries(rows.map((row) => [row.option_id, row.taken]));
}

/** One registration's stored answers. */
export async function getAnswers({ registrationId }: { registrationId: string }): Promise<AnswerRow[]> {
  const rows = await db.registrationAnswer.findMany({
    where: { registrationId },
    include: { options: { include: { option: { select: { position: true } } } } },
  });
  return rows.map((row) => ({
    questionId: row.questionId,
    textValue: row.textValue,
    numberValue: row.numberValue,
    dateValue: day(row.dateValue),
    booleanValue: row.booleanValue,
    optionIds: row.options
      .sort((a, b) => a.option.position - b.option.position)
      .map((chosen) => chosen.optionId),
  }));
}

/** Every question of an event for its editor, archived ones too, with how many answered each and each option. */
export async function getQuestionsForEditor({ eventId }: { eventId: string }) {
  const rows = await db.question.findMany({
    where: { eventId },
    include: {
      options: { orderBy: { position: "asc" }, include: { _count: { select: { chosenBy: true } } } },
      _count: { select: { answers: true } },
    },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({
    ...toDefinition(row),
    archivedAt: row.archivedAt,
    answerCount: row._count.answers,
    options: row.options.map((option) => ({
      id: option.id,
      label: option.label as QuestionText,
      places: option.places,
      answerCount: option._count.chosenBy,
    })),
  }));
}

export type EditorQuestion = Awaited<ReturnType<typeof getQuestionsForEditor>>[number];

/**
 * An event's choice and yes/no questions, archived ones too (their answers
 * stay), in the form's order: what its statistics count and its list filters by.
 */
export async function getChoiceQuestions({ eventId }: { eventId: string }) {
  const rows = await db.question.findMany({
    where: { eventId, type: { in: [...conditionTypes] } },
    include: definitionInclude,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({ ...toDefinition(row), archived: row.archivedAt !== null }));
}

export type ChoiceQuestion = Awaited<ReturnType<typeof getChoiceQuestions>>[number];

/** A registration's answers with their questions, archived ones too, in the questions' order: for showing. */
export async function getAnswersToShow({ registrationId }: { registrationId: string }) {
  const [questions, rows] = await Promise.all([
    db.question.findMany({
      where: { answers: { some: { registrationId } } },
      include: definitionInclude,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    }),
    getAnswers({ registrationId }),
  ]);
  return questions.flatMap((question) => {
    const row = rows.find((answer) => answer.questionId === question.id);
    return row ? [{ question: toDefinition(question), row, archived: question.archivedAt !== null }] : [];
  });
}
