import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { type AnswerRow, registrationEditSchema, registrationFormSchema } from "@/lib/questions/rules";
import {
  conditionTypes,
  type EventForm,
  type FormFields,
  type QuestionDefinition,
  type QuestionText,
  type RegionDefinition,
  type ScoringKey,
} from "@/lib/questions/schema";
import { registrationRequestSchema, registrationUpdateSchema } from "@/lib/registrations/schema";
import { hashToken } from "@/lib/registrations/tokens";
import { travelAsked } from "@/lib/travel/rules";

// Reads of an event's questions and of registrations' answers.

const definitionInclude = { options: { orderBy: { position: "asc" } } } as const;

type QuestionRow = Prisma.QuestionGetPayload<{ include: typeof definitionInclude }>;

/** What a question's definition is made of: a row of Prisma's, or of the form's one statement. */
type DefinitionRow = Pick<
  QuestionRow,
  | "id"
  | "type"
  | "required"
  | "label"
  | "help"
  | "minNumber"
  | "maxNumber"
  | "minDate"
  | "maxDate"
  | "conditionQuestionId"
  | "conditionValues"
  | "scaleLow"
  | "scaleHigh"
> & { options: Pick<QuestionRow["options"][number], "id" | "label" | "places">[] };

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function toDefinition(row: DefinitionRow): QuestionDefinition {
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
    scale:
      row.type === "SCALE"
        ? {
            low: (row.scaleLow as QuestionText | null) ?? null,
            high: (row.scaleHigh as QuestionText | null) ?? null,
          }
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

/** The event a `QuestionsOf` names, as a condition on `event e` for the form's one statement. */
function eventCondition(of: QuestionsOf): Prisma.Sql {
  if ("eventId" in of) return Prisma.sql`e.id = ${of.eventId}::uuid`;
  if ("slug" in of) return Prisma.sql`e.slug = ${of.slug}`;
  const registration =
    "registrationId" in of
      ? Prisma.sql`id = ${of.registrationId}::uuid`
      : Prisma.sql`manage_token_hash = ${hashToken(of.manageToken)}`;
  return Prisma.sql`e.id = (SELECT event_id FROM registration WHERE ${registration})`;
}

type FormRow = {
  patronymicField: FormFields["patronymic"];
  positionField: FormFields["position"];
  phoneField: FormFields["phone"];
  needsField: FormFields["needs"];
  sectorLabel: QuestionText | null;
  genderLabel: QuestionText | null;
  travelEnabled: boolean;
  passportEnabled: boolean;
  timeZone: string;
  firstDay: string | null;
  lastDay: string | null;
  regions: RegionDefinition[];
  questions: (Omit<DefinitionRow, "minDate" | "maxDate"> & {
    minDate: string | null;
    maxDate: string | null;
  })[];
};

/**
 * Everything an event's form asks: how it asks the built-in fields, its
 * regions and its questions (not archived, in their order). Undefined for an
 * unknown event. One statement: every registration reads it.
 */
export async function getEventForm(of: QuestionsOf): Promise<EventForm | undefined> {
  const [row] = await db.$queryRaw<FormRow[]>`
    SELECT e.patronymic_field AS "patronymicField", e.position_field AS "positionField",
      e.phone_field AS "phoneField", e.needs_field AS "needsField",
      e.sector_label AS "sectorLabel", e.gender_label AS "genderLabel",
      e.travel_enabled AS "travelEnabled", e.passport_enabled AS "passportEnabled", e.time_zone AS "timeZone",
      (SELECT min(d.date)::text FROM event_day d WHERE d.event_id = e.id) AS "firstDay",
      (SELECT max(d.date)::text FROM event_day d WHERE d.event_id = e.id) AS "lastDay",
      (SELECT coalesce(json_agg(json_build_object('code', r.code, 'label', r.label) ORDER BY r.position), '[]')
       FROM event_region r WHERE r.event_id = e.id) AS regions,
      (SELECT coalesce(json_agg(json_build_object(
          'id', q.id, 'type', q.type, 'required', q.required, 'label', q.label, 'help', q.help,
          'minNumber', q.min_number, 'maxNumber', q.max_number, 'minDate', q.min_date, 'maxDate', q.max_date,
          'conditionQuestionId', q.condition_question_id, 'conditionValues', q.condition_values,
          'scaleLow', q.scale_low, 'scaleHigh', q.scale_high,
          'options', (SELECT coalesce(json_agg(json_build_object('id', o.id, 'label', o.label, 'places', o.places)
                                               ORDER BY o.position), '[]')
                      FROM question_option o WHERE o.question_id = q.id)
        ) ORDER BY q.position, q.created_at), '[]')
       FROM question q WHERE q.event_id = e.id AND q.archived_at IS NULL) AS questions
    FROM event e WHERE ${eventCondition(of)}`;
  if (!row) return undefined;
  const date = (value: string | null) => (value ? new Date(value) : null);
  return {
    fields: {
      patronymic: row.patronymicField,
      position: row.positionField,
      phone: row.phoneField,
      needs: row.needsField,
      sectorLabel: row.sectorLabel,
      genderLabel: row.genderLabel,
    },
    regions: row.regions,
    questions: row.questions.map((question) =>
      toDefinition({ ...question, minDate: date(question.minDate), maxDate: date(question.maxDate) }),
    ),
    travel:
      row.travelEnabled && row.firstDay && row.lastDay
        ? travelAsked({
            firstDay: row.firstDay,
            lastDay: row.lastDay,
            timeZone: row.timeZone,
            passport: row.passportEnabled,
          })
        : null,
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

/**
 * Places taken per limited option by active registrations: of an event (for
 * the form's "no places left"), or of the options given except one
 * registration's, under the event's lock with the transaction's client, so
 * that it sees the places the previous holder of the lock took. Triggers
 * keep the count on each option; the options' case is the database's
 * options_taken(), which the one-statement registration reads too.
 */
export async function getPlacesTaken(
  of: { eventId: string } | { optionIds: string[]; except?: string },
  client: Prisma.TransactionClient = db,
): Promise<Record<string, number>> {
  const rows = await client.$queryRaw<{ option_id: string; taken: number }[]>(
    "eventId" in of
      ? Prisma.sql`
          SELECT o.id AS option_id, o.taken FROM question_option o JOIN question q ON q.id = o.question_id
          WHERE q.event_id = ${of.eventId}::uuid AND o.places IS NOT NULL`
      : Prisma.sql`SELECT option_id, taken FROM options_taken(${of.optionIds}::uuid[], ${of.except ?? null}::uuid)`,
  );
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

/** Whose questions an editor edits: an event's registration form, or one of its instruments. */
export type QuestionOwner = { eventId: string } | { instrumentId: string };

/**
 * Every question of an event's form or of an instrument for its editor,
 * archived ones too, with how many answered each and each option, and what a
 * test's question earns.
 */
export async function getQuestionsForEditor(owner: QuestionOwner) {
  const rows = await db.question.findMany({
    where: owner,
    include: {
      options: {
        orderBy: { position: "asc" },
        include: { _count: { select: { chosenBy: true, chosenIn: true } } },
      },
      _count: { select: { answers: true, instrumentAnswers: true } },
    },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((row) => ({
    ...toDefinition(row),
    archivedAt: row.archivedAt,
    answerCount: row._count.answers + row._count.instrumentAnswers,
    points: row.points,
    options: row.options.map((option) => ({
      id: option.id,
      label: option.label as QuestionText,
      places: option.places,
      correct: option.correct,
      answerCount: option._count.chosenBy + option._count.chosenIn,
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

/**
 * An instrument's questions (not archived, in their order) as a participant
 * is asked them, and apart from them the scoring key of its tests' questions
 * (docs/decisions/032-outcome-instruments.md): the key never goes to the browser.
 */
export async function getInstrumentQuestions({
  instrumentId,
}: {
  instrumentId: string;
}): Promise<{ questions: QuestionDefinition[]; key: ScoringKey }> {
  const rows = await db.question.findMany({
    where: { instrumentId, archivedAt: null },
    include: definitionInclude,
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
  });
  const key: ScoringKey = {};
  for (const row of rows) {
    if (row.points === null) continue;
    const correct = row.options.filter((option) => option.correct).map((option) => option.id);
    key[row.id] = { points: row.points, correct };
  }
  return { questions: rows.map(toDefinition), key };
}
