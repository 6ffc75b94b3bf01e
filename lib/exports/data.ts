import "server-only";
import { db } from "@/lib/db";
import type { ExportRow } from "@/lib/exports/cells";
import { type ExportOptions, preferredOptions } from "@/lib/exports/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import { getAllEventQuestions } from "@/lib/questions/data";
import type { AnswerRow } from "@/lib/questions/rules";
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
  questionIds = [],
  batchSize = 5000,
}: {
  event: { id: string; timeZone: string };
  filters: RegistrationFilters;
  /** The questions whose answers the rows carry; none, no answers are read. */
  questionIds?: readonly string[];
  batchSize?: number;
}): AsyncGenerator<ExportRow[]> {
  const where = registrationWhereSql(event.id, filters);
  const order = registrationOrderSql(filters);
  const answers =
    questionIds.length === 0
      ? Prisma.sql`'[]'::json`
      : Prisma.sql`COALESCE((
          SELECT json_agg(json_build_object(
            'questionId', ra.question_id, 'textValue', ra.text_value, 'numberValue', ra.number_value,
            'dateValue', to_char(ra.date_value, 'YYYY-MM-DD'), 'booleanValue', ra.boolean_value,
            'optionIds', ARRAY(
              SELECT ao.option_id FROM registration_answer_option ao
              JOIN question_option o ON o.id = ao.option_id
              WHERE ao.registration_id = ra.registration_id AND ao.question_id = ra.question_id
              ORDER BY o.position)))
          FROM registration_answer ra
          WHERE ra.registration_id = r.id AND ra.question_id = ANY(${[...questionIds]}::uuid[])), '[]'::json)`;
  const read = async (after: Prisma.Sql) => {
    const rows = await db.$queryRaw<(Omit<ExportRow, "answers"> & { answers: AnswerRow[] })[]>`
      SELECT r.number, r.status, r.category, r.region, r.gender, r.last_name AS "lastName",
        r.first_name AS "firstName", r.patronymic, r.organization, r.position, r.email, r.phone,
        r.needs_accommodation AS "needsAccommodation", r.dietary_needs AS "dietaryNeeds",
        r.accessibility_needs AS "accessibilityNeeds",
        date_trunc('minute', r.created_at AT TIME ZONE ${event.timeZone}) AS "createdAt",
        ARRAY(SELECT a.event_day_id::text FROM attendance a WHERE a.registration_id = r.id) AS "attendedDayIds",
        ${answers} AS answers
      FROM registration r
      WHERE ${where} AND ${after}
      ORDER BY ${order.orderBy}
      LIMIT ${batchSize}`;
    return rows.map(
      (row): ExportRow => ({
        ...row,
        answers: new Map(row.answers.map((answer) => [answer.questionId, answer])),
      }),
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
