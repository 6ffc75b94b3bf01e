/** The logframe indicators as one table: a row per indicator, the whole event then each sex. */
export function IndicatorsTable({
  title,
  note,
  head,
  rows,
}: {
  title: string;
  note: string;
  head: string[];
  rows: { id: string; name: string; cells: (string | null)[] }[];
}) {
  return (
    <section aria-labelledby="indicators-title" className="space-y-2">
      <h3 id="indicators-title" className="font-semibold">
        {title}
      </h3>
      <p className="text-sm text-stone-600">{note}</p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a table that scrolls sideways on a phone must be reachable by keyboard (axe: scrollable-region-focusable). */}
      <div className="overflow-x-auto" tabIndex={0}>
        <table className="w-full text-left text-sm" data-testid="indicators">
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
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-t border-stone-200" data-indicator={row.id}>
                <th scope="row" className="px-1 py-2 font-normal">
                  {row.name}
                </th>
                {row.cells.map((cell, index) => (
                  <td key={head[index + 1]} className="whitespace-nowrap px-1 py-2 text-right tabular-nums">
                    {cell ?? "—"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
