import type { QuestionText } from "@/lib/questions/schema";
import { categories, genders } from "@/lib/registrations/schema";
import type { EventStatistics } from "@/lib/statistics/data";

// The statistics as tables, once, for the page (each chart beside its table)
// and for the .xlsx file: the same figures under the same headings.

export type StatisticsTable = {
  id: string;
  title: string;
  /** The first heading names the rows. */
  head: string[];
  rows: { name: string; values: number[] }[];
  total?: number[];
  /** The value columns a chart draws, by index; no chart without it. */
  chart?: number[];
};

type Translate = (key: string) => string;

export type StatisticsLabels = {
  t: Translate;
  category: Translate;
  gender: Translate;
  /** An organizer's text (a region's name) in the reader's language. */
  text: (value: QuestionText) => string;
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
    .map((region) => ({ name: labels.text(region.label), values: counts(region.counts) }));
  const perDay = (by: "byCategory" | "byGender", keys: readonly string[], name: Translate) => ({
    head: [t("day"), ...keys.map(name), t("total")],
    rows: statistics.attendanceByDay.map((day) => ({
      name: day.date,
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
      head: [t("summary"), t("count")],
      rows: [
        { name: t("registered"), values: [totals.registered] },
        { name: t("confirmed"), values: [totals.confirmed] },
        { name: t("attended"), values: [totals.attended] },
        { name: t("noShow"), values: [noShow.noShows] },
        { name: `${t("noShow")}, %`, values: [Math.round(noShow.rate * 1000) / 10] },
      ],
    },
    {
      id: "by-category",
      title: t("byCategory"),
      head: [t("sector"), ...countHead],
      rows: byCategory,
      total: sum(byCategory),
      chart: [0, 1, 2],
    },
    {
      id: "by-gender",
      title: t("byGender"),
      head: [t("group"), ...countHead],
      rows: byGender,
      total: sum(byGender),
      chart: [0, 1, 2],
    },
    {
      id: "by-region",
      title: t("byRegion"),
      head: [t("group"), ...countHead],
      rows: byRegion,
      total: sum(byRegion),
      chart: [0, 1, 2],
    },
    {
      id: "attendance-by-category",
      title: t("attendanceByCategory"),
      ...perDay("byCategory", categories, labels.category),
    },
    {
      id: "attendance-by-gender",
      title: t("attendanceByGender"),
      ...perDay("byGender", genders, labels.gender),
    },
    {
      id: "gender-summary",
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
