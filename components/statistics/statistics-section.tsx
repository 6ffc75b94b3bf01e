import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { StatisticsBarChart } from "@/components/statistics/bar-chart";
import { BarList } from "@/components/statistics/bar-list";
import type { StatisticsTable } from "@/lib/statistics/tables";

/** One table of figures, with what it counts, and its chart above it when it has one. */
export async function StatisticsSection({
  table,
  heading: Heading = "h2",
  children,
}: {
  table: StatisticsTable;
  heading?: "h2" | "h3";
  /** More about the same figures, under the table. */
  children?: ReactNode;
}) {
  const t = await getTranslations("admin.statistics");
  const chartLabel = t("chartOf", { title: table.title });
  const headingId = `${table.id}-title`;
  return (
    <section
      aria-labelledby={headingId}
      className={`min-w-0 space-y-3 rounded-lg border border-stone-200 bg-white p-3 sm:p-4 ${table.head.length > 5 ? "xl:col-span-2" : ""}`}
    >
      <Heading id={headingId} className="text-lg font-semibold">
        {table.title}
      </Heading>
      {table.note && <p className="text-sm text-stone-600">{table.note}</p>}
      {table.chart && table.rows.length > 0 && (
        <StatisticsBarChart
          label={chartLabel}
          rows={table.rows.map((row) => ({
            name: row.name,
            ...Object.fromEntries(
              table.chart?.map((index) => [`v${index}`, row.values[index] ?? null]) ?? [],
            ),
          }))}
          max={table.percent ? 100 : undefined}
          series={table.chart.map((index) => ({ key: `v${index}`, label: table.head[index + 1] ?? "" }))}
        />
      )}
      {table.bars !== undefined && (
        <BarList
          label={chartLabel}
          rows={table.rows.map((row) => ({ name: row.name, value: row.values[table.bars ?? 0] ?? 0 }))}
        />
      )}
      <FiguresTable table={table} labelledBy={headingId} />
      {children}
    </section>
  );
}

/**
 * The figures themselves; rows of one group under the group's name. The
 * headings are single long words ("Зарегистрировано", "Присутствовали") that
 * cannot wrap: small type and narrow padding let every table fit its panel at
 * 1280 px, and the panel scrolls sideways, never cuts, where it cannot.
 */
export async function FiguresTable({ table, labelledBy }: { table: StatisticsTable; labelledBy: string }) {
  const t = await getTranslations("admin.statistics");
  // "19 700", "33,3" in Russian and Kyrgyz; "19,700", "33.3" in English.
  const number = new Intl.NumberFormat(await getLocale());
  const groups = [...new Set(table.rows.map((row) => row.group))];
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard (axe: scrollable-region-focusable).
    <section className="overflow-x-auto" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="w-full text-left text-sm" data-testid={table.id}>
        <caption className="sr-only">{table.title}</caption>
        <thead className="bg-stone-100">
          <tr>
            {table.head.map((heading, index) => (
              <th key={heading} scope="col" className={`px-1 py-2 text-xs ${index > 0 ? "text-right" : ""}`}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group ?? ""}>
            {group !== undefined && (
              <tr className="border-t-2 border-stone-300 bg-stone-50">
                <th scope="rowgroup" colSpan={table.head.length} className="p-2 font-semibold">
                  {group}
                </th>
              </tr>
            )}
            {table.rows
              .filter((row) => row.group === group)
              .map((row) => (
                <tr key={row.name} className="border-t border-stone-200">
                  <th
                    scope="row"
                    className={`px-1 py-2 font-normal ${group !== undefined ? "pl-3 sm:pl-4" : ""}`}
                  >
                    {row.name}
                  </th>
                  {row.values.map((value, index) => (
                    <td key={table.head[index + 1]} className="px-1 py-2 text-right tabular-nums">
                      {value === null ? "—" : number.format(value)}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        ))}
        {table.total && (
          <tfoot>
            <tr className="border-t-2 border-stone-300 font-semibold">
              <th scope="row" className="px-1 py-2">
                {t("total")}
              </th>
              {table.total.map((value, index) => (
                <td key={table.head[index + 1]} className="px-1 py-2 text-right tabular-nums">
                  {number.format(value)}
                </td>
              ))}
            </tr>
          </tfoot>
        )}
      </table>
    </section>
  );
}
