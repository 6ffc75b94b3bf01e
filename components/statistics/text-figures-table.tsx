/**
 * Figures already written as text ("67% (2 / 3)", "+1,5"), in a table
 * under its heading that scrolls sideways on a phone, reachable by keyboard;
 * "—" where a cell has nothing to count. Each row is marked with its key
 * (`data-key`), for those who look for one row.
 */
export function TextFiguresTable({
  id,
  title,
  note,
  head,
  rows,
  total,
}: {
  id: string;
  title: string;
  note?: string;
  head: string[];
  rows: { key: string; name: string; cells: (string | null)[] }[];
  total?: { name: string; cells: (string | null)[] };
}) {
  const row = (key: string, name: string, cells: (string | null)[], className: string) => (
    <tr key={key} className={className} data-key={key}>
      <th scope="row" className="px-1 py-2 font-normal">
        {name}
      </th>
      {cells.map((cell, index) => (
        <td key={head[index + 1]} className="whitespace-nowrap px-1 py-2 text-right tabular-nums">
          {cell ?? "—"}
        </td>
      ))}
    </tr>
  );
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-2">
      <h3 id={`${id}-title`} className="font-semibold">
        {title}
      </h3>
      {note && <p className="text-sm text-stone-600">{note}</p>}
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
          <tbody>
            {rows.map((each) => row(each.key, each.name, each.cells, "border-t border-stone-200"))}
          </tbody>
          {total && (
            <tfoot>
              {row("total", total.name, total.cells, "border-t-2 border-stone-300 font-semibold")}
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}
