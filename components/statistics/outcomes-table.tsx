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
  const row = (name: string, outcome: GroupOutcome, className: string) => (
    <tr key={name} className={className}>
      <th scope="row" className="px-1 py-2 font-normal">
        {name}
      </th>
      {cells(outcome).map((cell, index) => (
        <td key={head[index + 1]} className="whitespace-nowrap px-1 py-2 text-right tabular-nums">
          {cell}
        </td>
      ))}
    </tr>
  );
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard (axe: scrollable-region-focusable). */}
      <div className="overflow-x-auto" tabIndex={0}>
        <table className="w-full text-left text-sm" data-testid={id}>
          <caption className="sr-only">{title}</caption>
          <thead className="bg-stone-100">
            <tr>
              {head.map((heading, index) => (
                <th
                  key={heading}
                  scope="col"
                  className={`px-1 py-2 text-xs ${index > 0 ? "text-right" : ""}`}
                >
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{rows.map(({ name, outcome }) => row(name, outcome, "border-t border-stone-200"))}</tbody>
          <tfoot>{row(labels.total, total, "border-t-2 border-stone-300 font-semibold")}</tfoot>
        </table>
      </div>
    </section>
  );
}
