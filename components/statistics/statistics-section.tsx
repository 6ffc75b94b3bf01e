import { StatisticsBarChart } from "@/components/statistics/bar-chart";
import type { StatisticsTable } from "@/lib/statistics/tables";

/** One table of figures, with its chart above it when it has one. */
export function StatisticsSection({
  table,
  chartLabel,
  totalLabel,
}: {
  table: StatisticsTable;
  chartLabel: string;
  totalLabel: string;
}) {
  const headingId = `${table.id}-title`;
  return (
    <section
      aria-labelledby={headingId}
      className={`min-w-0 space-y-3 rounded-lg border border-stone-200 bg-white p-4 ${table.head.length > 5 ? "xl:col-span-2" : ""}`}
    >
      <h2 id={headingId} className="text-lg font-semibold">
        {table.title}
      </h2>
      {table.chart && table.rows.length > 0 && (
        <StatisticsBarChart
          label={chartLabel}
          rows={table.rows.map((row) => ({
            name: row.name,
            ...Object.fromEntries(table.chart?.map((index) => [`v${index}`, row.values[index] ?? 0]) ?? []),
          }))}
          series={table.chart.map((index) => ({ key: `v${index}`, label: table.head[index + 1] ?? "" }))}
        />
      )}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard (axe: scrollable-region-focusable). */}
      <section className="overflow-x-auto" aria-labelledby={headingId} tabIndex={0}>
        <table className="w-full text-left text-sm" data-testid={table.id}>
          <caption className="sr-only">{table.title}</caption>
          <thead className="bg-stone-100">
            <tr>
              {table.head.map((heading, index) => (
                <th key={heading} scope="col" className={`p-2 ${index > 0 ? "text-right" : ""}`}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.name} className="border-t border-stone-200">
                <th scope="row" className="p-2 font-normal">
                  {row.name}
                </th>
                {row.values.map((value, index) => (
                  <td key={table.head[index + 1]} className="p-2 text-right tabular-nums">
                    {value}
                  </td>
                ))}
              </tr>
            ))}
            {table.total && (
              <tr className="border-t-2 border-stone-300 font-semibold">
                <th scope="row" className="p-2">
                  {totalLabel}
                </th>
                {table.total.map((value, index) => (
                  <td key={table.head[index + 1]} className="p-2 text-right tabular-nums">
                    {value}
                  </td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </section>
    </section>
  );
}
