import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AnswerRow } from "@/lib/questions/rules";
import type { QuestionDefinition, QuestionText } from "@/lib/questions/schema";
import { ACTIVE_STATUSES } from "@/lib/registrations/rules";
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
 * Places taken per limited option by active registrations: of an event (for
 * the form's "no places left"), or of the options given except one
 * registration's (under the event's lock, with the transaction's client, so
 * that it sees the places the previous holder of the lock took).
 */
export async function getPlacesTaken(
  of: { eventId: string } | { optionIds: string[]; except?: string },
  client: Prisma.TransactionClient = db,
): Promise<Record<string, number>> {
  const which =
    "eventId" in of
      ? Prisma.sql`r.event_id = ${of.eventId}::uuid`
      : Prisma.sql`ao.option_id = ANY(${of.optionIds}::uuid[]) AND r.id IS DISTINCT FROM ${of.except ?? null}::uuid`;
  const rows = await client.$queryRaw<{ optionId: string; taken: number }[]>`
    SELECT ao.option_id AS "optionId", count(*)::int AS taken
    FROM registration_answer_option ao
    JOIN question_option o ON o.id = ao.option_id AND o.places IS NOT NULL
    JOIN registration r ON r.id = ao.registration_id
    WHERE r.status::text = ANY(${[...ACTIVE_STATUSES]}::text[]) AND ${which}
    GROUP BY ao.option_id`;
  return Object.fromEntries(rows.map((row) => [row.optionId, row.taken]));
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
