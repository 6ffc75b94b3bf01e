import "server-only";
import { db } from "@/lib/db";
import type { Gender, ParticipantCategory } from "@/lib/generated/prisma/enums";
import { type ChoiceQuestion, getChoiceQuestions } from "@/lib/questions/data";
import { type QuestionText, yesNo } from "@/lib/questions/schema";
import { categories, genders } from "@/lib/registrations/schema";
import type { EventScope } from "@/lib/staff/permissions";

// The figures of a donor report, counted by PostgreSQL. "Registered" is every
// registration received, whatever its status; "confirmed" those holding a
// seat; "attended" those marked present on at least one day. Erased
// registrations keep their sector, gender, region and status, so they still
// count.

export type Counts = { registered: number; confirmed: number; attended: number };

const zero = (): Counts => ({ registered: 0, confirmed: 0, attended: 0 });
const table = <K extends string, V>(keys: readonly K[], make: () => V) =>
  Object.fromEntries(keys.map((key) => [key, make()])) as Record<K, V>;

/**
 * An event's figures. The no-show share is null until the first day has
 * begun: before it, every confirmed participant "did not come" yet.
 */
export async function getEventStatistics({ eventId, now = new Date() }: { eventId: string; now?: Date }) {
  const groups = await db.$queryRaw<
    {
      category: ParticipantCategory;
      gender: Gender;
      region: string;
      confirmed: boolean;
      attended: boolean;
      count: number;
    }[]
  >`
    SELECT r.category, r.gender, r.region, r.status = 'CONFIRMED' AS confirmed,
      EXISTS (SELECT 1 FROM attendance a WHERE a.registration_id = r.id) AS attended,
      count(*)::int AS count
    FROM registration r WHERE r.event_id = ${eventId}::uuid
    GROUP BY 1, 2, 3, 4, 5`;
  const marks = await db.$queryRaw<
    { dayId: string; category: ParticipantCategory; gender: Gender; count: number }[]
  >`
    SELECT a.event_day_id AS "dayId", r.category, r.gender, count(*)::int AS count
    FROM attendance a JOIN registration r ON r.id = a.registration_id
    WHERE r.event_id = ${eventId}::uuid
    GROUP BY 1, 2, 3`;
  const days = await db.eventDay.findMany({
    where: { eventId },
    orderBy: { startsAt: "asc" },
    select: { id: true, date: true, startsAt: true },
  });
  const regions = await db.eventRegion.findMany({
    where: { eventId },
    orderBy: { position: "asc" },
    select: { code: true, label: true },
  });

  const totals = zero();
  const byCategory = table(categories, zero);
  const byGender = table(genders, zero);
  // The event's own regions, in its order; a registration names one of them (a foreign key).
  const byRegion = regions.map((region) => ({
    code: region.code,
    label: region.label as QuestionText,
    counts: zero(),
  }));
  const regionCounts = new Map(byRegion.map((region) => [region.code, region.counts]));
  const byCategoryAndGender = table(categories, () => table(genders, zero));
  let noShows = 0;
  for (const group of groups) {
    for (const counts of [
      totals,
      byCategory[group.category],
      byGender[group.gender],
      regionCounts.get(group.region) ?? zero(),
      byCategoryAndGender[group.category][group.gender],
    ]) {
      counts.registered += group.count;
      if (group.confirmed) counts.confirmed += group.count;
      if (group.attended) counts.attended += group.count;
    }
    if (group.confirmed && !group.attended) noShows += group.count;
  }

  return {
    totals,
    byCategory,
    byGender,
    byRegion,
    byCategoryAndGender,
    attendanceByDay: days.map((day) => {
      const ofDay = marks.filter((mark) => mark.dayId === day.id);
      const sum = (match: (mark: (typeof marks)[number]) => boolean) =>
        ofDay.filter(match).reduce((total, mark) => total + mark.count, 0);
      return {
        date: day.date.toISOString().slice(0, 10),
        total: sum(() => true),
        byCategory: Object.fromEntries(
          categories.map((category) => [category, sum((mark) => mark.category === category)]),
        ) as Record<ParticipantCategory, number>,
        byGender: Object.fromEntries(
          genders.map((gender) => [gender, sum((mark) => mark.gender === gender)]),
        ) as Record<Gender, number>,
      };
    }),
    noShow: days.some((day) => day.startsAt <= now)
      ? {
          confirmed: totals.confirmed,
          noShows,
          rate: totals.confirmed === 0 ? 0 : noShows / totals.confirmed,
        }
      : null,
  };
}

export type EventStatistics = Awaited<ReturnType<typeof getEventStatistics>>;

/** People in each sector and of each gender. */
export type SectorGenderCounts = Record<ParticipantCategory, Record<Gender, number>>;

const sectorGender = (): SectorGenderCounts => table(categories, () => table(genders, () => 0));

/**
 * How the confirmed participants (those holding a seat, as "confirmed" above)
 * answered each choice and yes/no question, archived ones too, by sector and
 * gender: one row per option (or yes, no) in the question's order, and those
 * who gave no answer. A multiple choice counts a person under each option
 * they chose.
 */
export async function getAnswerStatistics({ eventId }: { eventId: string }) {
  type Cell = { questionId: string; category: ParticipantCategory; gender: Gender; count: number };
  const [questions, chosen, answered, confirmed] = await Promise.all([
    getChoiceQuestions({ eventId }),
    db.$queryRaw<(Cell & { value: string })[]>`
      SELECT ao.question_id AS "questionId", ao.option_id::text AS value, r.category, r.gender,
        count(*)::int AS count
      FROM registration_answer_option ao JOIN registration r ON r.id = ao.registration_id
      WHERE r.event_id = ${eventId}::uuid AND r.status = 'CONFIRMED'
      GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT a.question_id, CASE WHEN a.boolean_value THEN 'yes' ELSE 'no' END, r.category, r.gender,
        count(*)::int
      FROM registration_answer a JOIN registration r ON r.id = a.registration_id
      WHERE r.event_id = ${eventId}::uuid AND r.status = 'CONFIRMED' AND a.boolean_value IS NOT NULL
      GROUP BY 1, 2, 3, 4`,
    db.$queryRaw<Cell[]>`
      SELECT a.question_id AS "questionId", r.category, r.gender, count(*)::int AS count
      FROM registration_answer a JOIN registration r ON r.id = a.registration_id
      WHERE r.event_id = ${eventId}::uuid AND r.status = 'CONFIRMED'
        AND (a.boolean_value IS NOT NULL OR EXISTS (SELECT FROM registration_answer_option ao
          WHERE ao.registration_id = a.registration_id AND ao.question_id = a.question_id))
      GROUP BY 1, 2, 3`,
    db.$queryRaw<Omit<Cell, "questionId">[]>`
      SELECT category, gender, count(*)::int AS count FROM registration
      WHERE event_id = ${eventId}::uuid AND status = 'CONFIRMED'
      GROUP BY 1, 2`,
  ]);
  const counted = (cells: Omit<Cell, "questionId">[]) => {
    const counts = sectorGender();
    for (const cell of cells) counts[cell.category][cell.gender] += cell.count;
    return counts;
  };
  return {
    confirmed: confirmed.reduce((sum, cell) => sum + cell.count, 0),
    questions: questions.map((question: ChoiceQuestion) => {
      const values = question.type === "YES_NO" ? [...yesNo] : question.options.map((option) => option.id);
      const ofQuestion = (cell: Cell) => cell.questionId === question.id;
      const unanswered = counted(confirmed);
      for (const cell of answered.filter(ofQuestion)) unanswered[cell.category][cell.gender] -= cell.count;
      return {
        question,
        answers: values.map((value) => ({
          value,
          counts: counted(chosen.filter((cell) => ofQuestion(cell) && cell.value === value)),
        })),
        unanswered,
      };
    }),
  };
}

export type AnswerStatistics = Awaited<ReturnType<typeof getAnswerStatistics>>;

/** The years in which events took place (by their first day), newest first. */
export async function listStatisticsYears({ events }: { events: EventScope }): Promise<number[]> {
  const every = events === "every";
  const ids = every ? [] : [...events];
  const rows = await db.$queryRaw<{ year: number }[]>`
    SELECT DISTINCT extract(year FROM min(d.date))::int AS year
    FROM event_day d WHERE ${every} OR d.event_id::text = ANY(${ids})
    GROUP BY d.event_id ORDER BY 1 DESC`;
  return rows.map((row) => row.year);
}

/**
 * A year of events for an organizer who runs many: each event's figures, and
 * the people behind them counted once by normalized email, however many
 * seminars they came to. A person's gender is the one of their latest
 * registration.
 */
export async function getYearStatistics({ year, events: scope }: { year: number; events: EventScope }) {
  const every = scope === "every";
  const ids = every ? [] : [...scope];
  const events = await db.$queryRaw<
    {
      id: string;
      title: unknown;
      firstDay: Date;
      lastDay: Date;
      registered: number;
      confirmed: number;
      attended: number;
    }[]
  >`
    WITH events AS (
      SELECT d.event_id, min(d.date) AS first_day, max(d.date) AS last_day
      FROM event_day d WHERE ${every} OR d.event_id::text = ANY(${ids}) GROUP BY d.event_id
      HAVING extract(year FROM min(d.date)) = ${year})
    SELECT e.id, e.title, x.first_day AS "firstDay", x.last_day AS "lastDay",
      count(r.id)::int AS registered,
      count(r.id) FILTER (WHERE r.status = 'CONFIRMED')::int AS confirmed,
      count(r.id) FILTER (WHERE EXISTS (SELECT 1 FROM attendance a WHERE a.registration_id = r.id))::int AS attended
    FROM events x JOIN event e ON e.id = x.event_id
    LEFT JOIN registration r ON r.event_id = e.id
    GROUP BY e.id, e.title, x.first_day, x.last_day
    ORDER BY x.first_day, e.id`;
  const people = await db.$queryRaw<{ gender: Gender; people: number; attended: number }[]>`
    WITH registrations AS (
      SELECT r.email_normalized, r.gender, r.created_at,
        EXISTS (SELECT 1 FROM attendance a WHERE a.registration_id = r.id) AS attended
      FROM registration r
      WHERE r.event_id IN (
        SELECT d.event_id FROM event_day d WHERE ${every} OR d.event_id::text = ANY(${ids})
        GROUP BY d.event_id HAVING extract(year FROM min(d.date)) = ${year})),
    persons AS (
      SELECT DISTINCT ON (email_normalized) email_normalized, gender,
        bool_or(attended) OVER (PARTITION BY email_normalized) AS attended
      FROM registrations ORDER BY email_normalized, created_at DESC)
    SELECT gender, count(*)::int AS people, count(*) FILTER (WHERE attended)::int AS attended
    FROM persons GROUP BY gender`;
  const byGender = table(genders, () => ({ people: 0, attended: 0 }));
  for (const row of people) byGender[row.gender] = { people: row.people, attended: row.attended };
  return {
    events,
    people: {
      total: people.reduce((sum, row) => sum + row.people, 0),
      attended: people.reduce((sum, row) => sum + row.attended, 0),
      byGender,
    },
  };
}
