import { localize } from "@/lib/events/schema";
import type { Gender } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { categories, genders } from "@/lib/registrations/schema";
import type { AnswerStatistics, EventStatistics, SectorGenderCounts } from "@/lib/statistics/data";

// The statistics as tables, once, for the page (each chart beside its table)
// and for the .xlsx file: the same figures under the same headings.

export type StatisticsTable = {
  id: string;
  title: string;
  /** What the figures count: which registrations, and how. */
  note?: string;
  /** The first heading names the rows. */
  head: string[];
  /** Rows of one `group` follow each other, under its name. */
  rows: { name: string; values: number[]; group?: string }[];
  total?: number[];
  /** The value columns a chart draws, by index; no chart without it. */
  chart?: number[];
  /** The one value column drawn as bars by the server instead (readable without JavaScript). */
  bars?: number;
};

type Translate = (key: string) => string;

export type StatisticsLabels = {
  t: (key: string, values?: Record<string, number>) => string;
  category: Translate;
  gender: Translate;
  /** "yes" and "no" as a yes/no question's answers. */
  yesNo: Translate;
  locale: Locale;
};

const sum = (rows: { values: number[] }[]) =>
  rows.reduce<number[]>((totals, row) => row.values.map((value, i) => (totals[i] ?? 0) + value), []);

export function statisticsTables(statistics: EventStatistics, labels: StatisticsLabels): StatisticsTable[] {
  const { t } = labels;
  const countHead = [t("registered"), t("confirmed"), t("attended")];
  const counts = (c: { registered: number; confirmed: number; attended: number }) => [
    c.registered,
    c.confirmed,
    c.attended,
  ];
  const byCategory = categories.map((key) => ({
    name: labels.category(key),
    values: counts(statistics.byCategory[key]),
  }));
  const byGender = genders.map((key) => ({
    name: labels.gender(key),
    values: counts(statistics.byGender[key]),
  }));
  const byRegion = statistics.byRegion
    .filter((region) => region.counts.registered > 0)
    .map((region) => ({ name: localize(region.label, labels.locale), values: counts(region.counts) }));
  const perDay = (by: "byCategory" | "byGender", keys: readonly string[], name: Translate) => ({
    head: [t("day"), ...keys.map(name), t("total")],
    rows: statistics.attendanceByDay.map((day) => ({
      // A calendar date (the column's midnight in UTC), read as "30 декабря 2026 г.", not "2026-12-30".
      name: formatDate(new Date(`${day.date}T00:00:00Z`), { locale: labels.locale, timeZone: "UTC" }),
      values: [...keys.map((key) => (day[by] as Record<string, number>)[key] ?? 0), day.total],
    })),
    chart: keys.map((_, index) => index),
  });
  const genderNames = [...genders.map(labels.gender), t("total")];
  const summary = categories.map((category) => {
    const row = statistics.byCategoryAndGender[category];
    const registered = genders.map((gender) => row[gender].registered);
    const attended = genders.map((gender) => row[gender].attended);
    return {
      name: labels.category(category),
      values: [
        ...registered,
        statistics.byCategory[category].registered,
        ...attended,
        statistics.byCategory[category].attended,
      ],
    };
  });
  const { noShow, totals } = statistics;
  return [
    {
      id: "summary",
      title: t("summary"),
      note: t("countsNote"),
      head: [t("summary"), t("count")],
      rows: [
        { name: t("registered"), values: [totals.registered] },
        { name: t("confirmed"), values: [totals.confirmed] },
        { name: t("attended"), values: [totals.attended] },
        ...(noShow
          ? [
              { name: t("noShows"), values: [noShow.noShows] },
              { name: `${t("noShow")}, %`, values: [Math.round(noShow.rate * 1000) / 10] },
            ]
          : []),
      ],
    },
    {
      id: "by-category",
      note: t("countsNote"),
      title: t("byCategory"),
      head: [t("sector"), ...countHead],
      rows: byCategory,
      total: sum(byCategory),
      chart: [0, 1, 2],
    },
    {
      id: "by-gender",
      note: t("countsNote"),
      title: t("byGender"),
      head: [t("group"), ...countHead],
      rows: byGender,
      total: sum(byGender),
      chart: [0, 1, 2],
    },
    {
      id: "by-region",
      note: t("countsNote"),
      title: t("byRegion"),
      head: [t("group"), ...countHead],
      rows: byRegion,
      total: sum(byRegion),
      chart: [0, 1, 2],
    },
    {
      id: "attendance-by-category",
      note: t("attendanceNote"),
      title: t("attendanceByCategory"),
      ...perDay("byCategory", categories, labels.category),
    },
    {
      id: "attendance-by-gender",
      note: t("attendanceNote"),
      title: t("attendanceByGender"),
      ...perDay("byGender", genders, labels.gender),
    },
    {
      id: "gender-summary",
      note: t("countsNote"),
      title: t("genderSummary"),
      head: [
        t("sector"),
        ...genderNames.map((name) => `${t("registered")}: ${name}`),
        ...genderNames.map((name) => `${t("attended")}: ${name}`),
      ],
      rows: summary,
      total: sum(summary),
    },
  ];
}

/** A gender as a column of people: "women" rather than the form's "female". */
const genderColumns = { FEMALE: "women", MALE: "men", UNDISCLOSED: "notStated" } satisfies Record<
  Gender,
  string
>;

/**
 * Each choice question's answers as two tables: per answer by gender (with
 * its chart), and per answer and sector by gender. A multiple choice has no
 * total row: one person may count in several rows.
 */
export function answerTables(
  statistics: AnswerStatistics,
  labels: StatisticsLabels,
): { answers: StatisticsTable; bySector: StatisticsTable }[] {
  const { t, locale } = labels;
  const genderHead = [...genders.map((gender) => t(genderColumns[gender])), t("total")];
  const byGender = (counts: SectorGenderCounts) => {
    const values = genders.map((gender) => categories.reduce((sum, key) => sum + counts[key][gender], 0));
    return [...values, values.reduce((sum, value) => sum + value, 0)];
  };
  return statistics.questions.map(({ question, answers, unanswered }) => {
    const label = localize(question.label, locale);
    const title = question.archived ? `${label} (${t("archivedQuestion")})` : label;
    const multiple = question.type === "MULTIPLE_CHOICE";
    const note = t(multiple ? "answersNoteMultiple" : "answersNote", { count: statistics.confirmed });
    const named = [
      ...answers.map(({ value, counts }) => ({
        name:
          question.type === "YES_NO"
            ? labels.yesNo(value)
            : localize(question.options.find((option) => option.id === value)?.label, locale),
        counts,
      })),
      { name: t("noAnswer"), counts: unanswered },
    ];
    const perAnswer = named.map(({ name, counts }) => ({ name, values: byGender(counts) }));
    const perSector = named.flatMap(({ name, counts }) =>
      categories.map((category) => {
        const values = genders.map((gender) => counts[category][gender]);
        return {
          group: name,
          name: labels.category(category),
          values: [...values, values.reduce((sum, value) => sum + value, 0)],
        };
      }),
    );
    return {
      answers: {
        id: `answers-${question.id}`,
        title,
        note,
        head: [t("answer"), ...genderHead],
        rows: perAnswer,
        total: multiple ? undefined : sum(perAnswer),
        bars: genders.length,
      },
      bySector: {
        id: `answers-${question.id}-by-sector`,
        title: `${title}: ${t("bySectorAndGender")}`,
        note,
        head: [t("sector"), ...genderHead],
        rows: perSector,
        total: multiple ? undefined : sum(perSector),
      },
    };
  });
}
