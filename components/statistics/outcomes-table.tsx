import { TextFiguresTable } from "@/components/statistics/text-figures-table";
import type { GroupOutcome, Rate } from "@/lib/outcomes/rules";

export type OutcomesTableLabels = {
  group: string;
  participants: string;
  preAnswered: string;
  postAnswered: string;
  averagePre: string;
  averagePost: string;
  averageGain: string;
  improved: string;
  satisfied: string;
  total: string;
};

/** A share as the donor report writes it: "67% (2 / 3)", or "—" when there is nothing to count. */
function rateText(rate: Rate): string {
  return rate.percent === null ? "—" : `${Math.round(rate.percent)}% (${rate.count} / ${rate.of})`;
}

function numberText(value: number | null, locale: string, suffix = ""): string {
  return value === null
    ? "—"
    : `${value.toLocaleString(locale, { maximumFractionDigits: 1, signDisplay: suffix ? "auto" : "exceptZero" })}${suffix}`;
}

/**
 * One split of an event's outcomes (by sector, by gender, sector × gender):
 * a row per group, the whole event as the total, every figure of those who
 * attended at least one day.
 */
export function OutcomesTable({
  id,
  title,
  rows,
  total,
  labels,
  locale,
}: {
  id: string;
  title: string;
  rows: { name: string; outcome: GroupOutcome }[];
  total: GroupOutcome;
  labels: OutcomesTableLabels;
  locale: string;
}) {
  const head = [
    labels.group,
    labels.participants,
    labels.preAnswered,
    labels.postAnswered,
    labels.averagePre,
    labels.averagePost,
    labels.averageGain,
    labels.improved,
    labels.satisfied,
  ];
  const cells = (outcome: GroupOutcome) => [
    String(outcome.participants),
    rateText(outcome.preAnswered),
    rateText(outcome.postAnswered),
    numberText(outcome.averagePre, locale, "%"),
    numberText(outcome.averagePost, locale, "%"),
    numberText(outcome.averageGain, locale),
    rateText(outcome.improved),
    rateText(outcome.satisfied),
  ];
  return (
    <TextFiguresTable
      id={id}
      title={title}
      head={head}
      rows={rows.map(({ name, outcome }) => ({ key: name, name, cells: cells(outcome) }))}
      total={{ name: labels.total, cells: cells(total) }}
    />
  );
}
