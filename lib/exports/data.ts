import "server-only";
import { db } from "@/lib/db";
import type { ExportRow } from "@/lib/exports/cells";
import { type ExportOptions, preferredOptions } from "@/lib/exports/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { getAllEventQuestions } from "@/lib/questions/data";
import type { AnswerRow } from "@/lib/questions/rules";
import { isChoiceType, type QuestionDefinition } from "@/lib/questions/schema";
import type { RegistrationFilters } from "@/lib/registrations/filters";
import { registrationOrderSql, registrationWhereSql } from "@/lib/registrations/filters-sql";

/** The rows an export will hold: the registrations list's own filters. */
export async function countExportRows({
  eventId,
  filters,
}: {
  eventId: string;
  filters: RegistrationFilters;
}) {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM registration r WHERE ${registrationWhereSql(eventId, filters)}`;
  return row?.count ?? 0;
}

/**
 * The filtered registrations in the list's order, a batch at a time, so an
 * export holds two batches in memory at most, whatever its size (the one
 * written and the one read ahead). Keyset pagination: each
 * batch starts after the last row of the one before, never with OFFSET. One
 * statement per batch, in SQL rather than through Prisma's models, whose
 * mapping of each row cost more than the query: the days attended and the
 * answers to the questions exported come aggregated, and the time of
 * registration comes as the wall clock of the event's zone, to the minute.
 */
export async function* registrationBatches({
  event,
  filters,
  questions = [],
  batchSize = 5000,
}: {
  event: { id: string; timeZone: string };
  filters: RegistrationFilters;
  /** The questions whose answers the rows carry; none, no answers are read. */
  questions?: readonly Pick<QuestionDefinition, "id" | "type">[];
  batchSize?: number;
}): AsyncGenerator<ExportRow[]> {
  const where = registrationWhereSql(event.id, filters);
  const order = registrationOrderSql(filters);
  const questionIds = questions.map((question) => question.id);
  const choiceIds = questions
    .filter((question) => isChoiceType(question.type))
    .map((question) => question.id);
  // Compact arrays rather than objects, and the options chosen aggregated
  // once per registration rather than once per answer: it took a third of
  // the time for ten questions.
  const answers =
    questionIds.length === 0
      ? Prisma.sql`NULL::json`
      : Prisma.sql`(SELECT json_agg(json_build_array(
            ra.question_id, ra.text_value, ra.number_value, ra.date_value, ra.boolean_value))
          FROM registration_answer ra
          WHERE ra.registration_id = r.id AND ra.question_id = ANY(${questionIds}::uuid[]))`;
  const chosen =
    choiceIds.length === 0
      ? Prisma.sql`NULL::json`
      : Prisma.sql`(SELECT json_agg(json_build_array(ao.question_id, ao.option_id) ORDER BY o.position)
          FROM registration_answer_option ao JOIN question_option o ON o.id = ao.option_id
          WHERE ao.registration_id = r.id AND ao.question_id = ANY(${choiceIds}::uuid[]))`;
  const read = async (after: Prisma.Sql) => {
    const rows = await db.$queryRaw<(Omit<ExportRow, "answers"> & AggregatedAnswers)[]>`
      SELECT r.number, r.status, r.category, r.region, r.gender, r.last_name AS "lastName",
        r.first_name AS "firstName", r.patronymic, r.organization, r.position, r.email, r.phone,
        r.needs_accommodation AS "needsAccommodation", r.dietary_needs AS "dietaryNeeds",
        r.accessibility_needs AS "accessibilityNeeds",
        date_trunc('minute', r.created_at AT TIME ZONE ${event.timeZone}) AS "createdAt",
        ARRAY(SELECT a.event_day_id::text FROM attendance a WHERE a.registration_id = r.id) AS "attendedDayIds",
        ${answers} AS answers, ${chosen} AS chosen
      FROM registration r
      WHERE ${where} AND ${after}
      ORDER BY ${order.orderBy}
      LIMIT ${batchSize}`;
    return rows.map(
      ({ answers, chosen, ...row }): ExportRow => ({ ...row, answers: answerMap({ answers, chosen }) }),
    );
  };
  let next = read(Prisma.sql`TRUE`);
  try {
    for (;;) {
      const rows = await next;
      const last = rows.at(-1);
      const more = last !== undefined && rows.length === batchSize;
      // The database reads the next batch while this one is written out.
      if (more) next = read(order.after(last));
      if (last) yield rows;
      if (!more) return;
    }
  } finally {
    // A reader gone early: nobody waits for the batch read ahead.
    next.catch(() => {});
  }
}

/** A registration's answers as the batch's statement aggregates them (null: none). */
type AggregatedAnswers = {
  answers: [string, string | null, number | null, string | null, boolean | null][] | null;
  chosen: [string, string][] | null;
};

function answerMap({ answers, chosen }: AggregatedAnswers): Map<string, AnswerRow> {
  const map = new Map<string, AnswerRow>();
  for (const [questionId, textValue, numberValue, dateValue, booleanValue] of answers ?? []) {
    map.set(questionId, { questionId, textValue, numberValue, dateValue, booleanValue, optionIds: [] });
  }
  for (const [questionId, optionId] of chosen ?? []) map.get(questionId)?.optionIds.push(optionId);
  return map;
}

/** What an export needs of its event: slug, zone, days, and every question (archived ones too). */
export async function getEventForExport({ id }: { id: string }) {
  const [event, questions] = await Promise.all([
    db.event.findUnique({
      where: { id },
      select: {
        id: true,
        slug: true,
        title: true,
        timeZone: true,
        days: { orderBy: { startsAt: "asc" }, select: { id: true, date: true } },
      },
    }),
    getAllEventQuestions({ eventId: id }),
  ]);
  return event && { ...event, questions };
}

export type ExportEvent = NonNullable<Awaited<ReturnType<typeof getEventForExport>>>;

/** The export page's last choices of a staff member, or the defaults, for an event with these questions. */
export async function getExportPreferences({
  staffId,
  questionIds,
}: {
  staffId: string;
  questionIds: readonly string[];
}): Promise<ExportOptions> {
  const staff = await db.staffUser.findUnique({
    where: { id: staffId },
    select: { exportPreferences: true },
  });
  return preferredOptions(staff?.exportPreferences, questionIds);
}
