import { localize } from "@/lib/events/schema";
import type { Cell } from "@/lib/exports/cells";
import type { Gender } from "@/lib/generated/prisma/enums";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import type { ResponseSheet } from "@/lib/outcomes/data";
import {
  countedRatings,
  type EventOutcomes,
  type GroupOutcome,
  gainDistribution,
  type Indicator,
  type IndicatorFigure,
  type IndicatorId,
  indicatorUnits,
  type OutcomeParticipant,
  ratingDistribution,
  scorePercent,
} from "@/lib/outcomes/rules";
import { answerText } from "@/lib/questions/rules";
import { freeTextTypes } from "@/lib/questions/schema";
import { fullName } from "@/lib/registrations/names";
import { categories, genders } from "@/lib/registrations/schema";
import type { AnswerStatistics, EventStatistics, SectorGenderCounts } from "@/lib/statistics/data";
import type { Budget, BudgetFigures } from "@/lib/travel/rules";

// The statistics as tables, once, for the page (each chart beside its table)
// and for the .xlsx file: the same figures under the same headings.

export type StatisticsTable = {
  id: string;
  title: string;
  /** What the figures count: which registrations, and how. */
  note?: string;
  /** The first heading names the rows. */
  head: string[];
  /** Rows of one `group` follow each other, under its name; null where there is nothing to count. */
  rows: { name: string; values: (number | null)[]; group?: string }[];
  total?: number[];
  /** The value columns a chart draws, by index; no chart without it. */
  chart?: number[];
  /** The one value column drawn as bars by the server instead (readable without JavaScript). */
  bars?: number;
  /** The values are percentages: a chart's scale ends at 100. */
  percent?: boolean;
};

type Translate = (key: string) => string;

export type StatisticsLabels = {
  t: (key: string, values?: Record<string, string | number>) => string;
  category: Translate;
  gender: Translate;
  /** "yes" and "no" as a yes/no question's answers. */
  yesNo: Translate;
  locale: Locale;
};

const sum = (rows: { values: (number | null)[] }[]) =>
  rows.reduce<number[]>((totals, row) => row.values.map((value, i) => (totals[i] ?? 0) + (value ?? 0)), []);

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

/**
 * The budget report's figures for an event with logistics: nights, trips and
 * per-diem by sector, by gender, and by sector and gender (rows grouped by
 * sector). Soms as whole numbers, as the register pays them.
 */
export function budgetTables(budget: Budget, labels: StatisticsLabels): StatisticsTable[] {
  const { t } = labels;
  const columns = ["people", "nights", "trips", "days", "perDiem", "travel", "total"] as const;
  const values = (figures: BudgetFigures) => columns.map((column) => figures[column]);
  const table = (
    id: string,
    title: string,
    first: string,
    rows: { name: string; values: number[]; group?: string }[],
  ): StatisticsTable => ({
    id,
    title: t(title),
    // Said once, above the three tables that count alike.
    note: id === "budget-by-category" ? t("budget.note") : undefined,
    head: [first, ...columns.map((column) => t(`budget.${column}`))],
    rows,
    total: values(budget.all),
  });
  // Only the groups someone is in: a sector with nobody lodged or paid is no row.
  const present = (groups: [name: string, figures: BudgetFigures | undefined][]) =>
    groups.flatMap(([name, figures]) => (figures ? [{ name, values: values(figures) }] : []));
  return [
    table(
      "budget-by-category",
      "budget.bySector",
      t("sector"),
      present(categories.map((key) => [labels.category(key), budget.bySector.get(key)])),
    ),
    table(
      "budget-by-gender",
      "budget.byGender",
      t("group"),
      present(genders.map((key) => [labels.gender(key), budget.byGender.get(key)])),
    ),
    table(
      "budget-by-sector-gender",
      "budget.bySectorGender",
      t("group"),
      categories.flatMap((category) =>
        present(
          genders.map((gender) => [
            labels.gender(gender),
            budget.bySectorGender.get(`${category}:${gender}`),
          ]),
        ).map((row) => ({ ...row, group: labels.category(category) })),
      ),
    ),
  ];
}

/**
 * The outcomes' four charts as tables, for the page (each chart over its
 * figures) and the PDF summary: the average pre- and post-test score (% of
 * points) by sector and by gender, of the groups with someone who attended
 * (null where none of them answered); how many of those who answered both
 * tests gained each number of points; how many ratings gave each point.
 */
export function outcomeChartTables(
  {
    outcomes,
    people,
    anonymousRatings,
  }: {
    outcomes: EventOutcomes;
    people: readonly OutcomeParticipant[];
    anonymousRatings: readonly number[] | null;
  },
  labels: StatisticsLabels,
): StatisticsTable[] {
  const { t } = labels;
  const prePost = [t("outcomes.charts.pre"), t("outcomes.charts.post")];
  const rounded = (value: number | null) => (value === null ? null : Math.round(value));
  const scores = <K extends string>(
    keys: readonly K[],
    of: Partial<Record<K, GroupOutcome>>,
    name: (key: K) => string,
  ) =>
    keys.flatMap((key) => {
      const outcome = of[key];
      return outcome && outcome.participants > 0
        ? [{ name: name(key), values: [rounded(outcome.averagePre), rounded(outcome.averagePost)] }]
        : [];
    });
  const ratings = ratingDistribution(countedRatings(people, anonymousRatings));
  return [
    {
      id: "outcomes-chart-by-sector",
      title: t("outcomes.charts.bySector"),
      head: [t("sector"), ...prePost],
      rows: scores(categories, outcomes.bySector, labels.category),
      chart: [0, 1],
      percent: true,
    },
    {
      id: "outcomes-chart-by-gender",
      title: t("outcomes.charts.byGender"),
      head: [t("group"), ...prePost],
      rows: scores(genders, outcomes.byGender, labels.gender),
      chart: [0, 1],
      percent: true,
    },
    {
      id: "outcomes-gains",
      title: t("outcomes.charts.gains"),
      head: [t("outcomes.charts.gain"), t("outcomes.charts.people")],
      rows: gainDistribution(people).map((each) => ({
        name: each.gain > 0 ? `+${each.gain}` : String(each.gain),
        values: [each.count],
      })),
      bars: 0,
    },
    {
      id: "outcomes-ratings",
      title: t("outcomes.charts.ratings"),
      head: [t("outcomes.charts.rating"), t("outcomes.charts.answers")],
      rows: ratings.map((count, index) => ({ name: String(index + 1), values: [count] })),
      bars: 0,
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

/** An indicator's figure as the donor report writes it: "67% (2 / 3)", "4", "+1.5"; "—" when there is nothing to count. */
export function indicatorText(id: IndicatorId, figure: IndicatorFigure, locale: Locale): string {
  if (figure.value === null) return "—";
  const unit = indicatorUnits[id];
  const number = figure.value.toLocaleString(locale, {
    maximumFractionDigits: unit === "count" ? 0 : 1,
    signDisplay: unit === "points" ? "exceptZero" : "auto",
  });
  if (unit === "rate") return `${Math.round(figure.value)}% (${figure.count} / ${figure.of})`;
  return unit === "score" ? `${number}%` : number;
}

/** An indicator's figure as a spreadsheet's number: a share or a score in %, to a tenth. */
export function indicatorNumber(figure: IndicatorFigure): number | null {
  return figure.value === null ? null : Math.round(figure.value * 10) / 10;
}

/** The columns of the indicators' table: all, then by sex. */
export function indicatorHead(labels: StatisticsLabels): string[] {
  const { t } = labels;
  return [t("outcomes.indicator"), t("outcomes.all"), ...genders.map((gender) => t(genderColumns[gender]))];
}

/** The indicators' rows, each figure read by `cell`: text for the page and the PDF, numbers for the .xlsx. */
export function indicatorRows<C>(
  indicators: readonly Indicator[],
  labels: StatisticsLabels,
  cell: (id: IndicatorId, figure: IndicatorFigure) => C,
): { key: IndicatorId; name: string; cells: (C | null)[] }[] {
  return indicators.map((indicator) => ({
    key: indicator.id,
    // A figure tied to no one (an anonymous survey's) says whom it counts instead.
    name: labels.t(`outcomes.indicators.${indicator.byGender ? indicator.id : "satisfiedAnonymous"}`),
    cells: [
      cell(indicator.id, indicator.all),
      ...genders.map((gender) =>
        indicator.byGender ? cell(indicator.id, indicator.byGender[gender]) : null,
      ),
    ],
  }));
}

/** A sheet of the statistics file: its name, a note under the heading, and typed cells. */
export type WorkbookSheet = { name: string; note?: string; head: string[]; rows: Cell[][] };

/**
 * Each free-text question of the instruments with the answers given to it,
 * as the sheets hold them: a name beside each answer only where the sheet
 * names its row (never for an anonymous survey), in the sheet's order (an
 * anonymous survey's random one). A question nobody answered is left out.
 */
export function freeTextAnswers(sheets: readonly ResponseSheet[]) {
  return sheets.flatMap((sheet) =>
    sheet.questions
      .filter((question) => (freeTextTypes as readonly string[]).includes(question.type))
      .map((question) => ({
        kind: sheet.kind,
        anonymous: sheet.anonymous,
        question,
        answers: sheet.rows.flatMap((row, index) => {
          const text = row.answers.get(question.id)?.textValue?.trim();
          return text ? [{ key: index, name: row.person && fullName(row.person), text }] : [];
        }),
      }))
      .filter((listed) => listed.answers.length > 0),
  );
}

/**
 * An instrument's responses as a sheet, one row per response: its number,
 * the participant's name where the reader may see it, sector and gender
 * (not for an anonymous survey), a test's points, and each answer.
 */
export function responseSheet(sheet: ResponseSheet, title: string, labels: StatisticsLabels): WorkbookSheet {
  const { t, locale } = labels;
  const named = sheet.rows.some((row) => row.person);
  const test = sheet.kind !== "FEEDBACK";
  const words = { locale, yes: labels.yesNo("yes"), no: labels.yesNo("no") };
  return {
    name: title,
    note: sheet.anonymous
      ? t("outcomes.sheetAnonymous")
      : named
        ? undefined
        : t("outcomes.sheetWithoutNames"),
    head: [
      t("outcomes.sheetNumber"),
      ...(named ? [t("outcomes.sheetName")] : []),
      ...(sheet.anonymous ? [] : [t("sector"), t("outcomes.sheetGender")]),
      ...(test ? [t("outcomes.sheetPoints"), t("outcomes.sheetMax"), t("outcomes.sheetPercent")] : []),
      ...sheet.questions.map((question) => localize(question.label, locale)),
    ],
    rows: sheet.rows.map((row, index) => {
      const percent = row.score && scorePercent(row.score);
      return [
        index + 1,
        ...(named ? [row.person ? fullName(row.person) : null] : []),
        ...(sheet.anonymous
          ? []
          : [row.category && labels.category(row.category), row.gender && labels.gender(row.gender)]),
        ...(test && row.score
          ? [row.score.points, row.score.max, percent === null ? null : Math.round(percent * 10) / 10]
          : []),
        ...sheet.questions.map((question) => {
          const answer = row.answers.get(question.id);
          if (!answer) return null;
          if (answer.numberValue !== null) return answer.numberValue;
          return answerText(question, answer, words);
        }),
      ];
    }),
  };
}
