import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { SelectAllCheckbox } from "@/components/ui/select-all-checkbox";

export type Column<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Classes of the column's cells, its header's too (alignment, no wrapping). */
  className?: string;
  /** Classes of its header alone, after `className`. */
  headerClassName?: string;
  /** The cell that names its row: a row header (`th scope="row"`) for screen readers. */
  rowHeader?: boolean;
  testId?: string;
};

/**
 * A first column of checkboxes, inside a form: each row's box sends its key
 * as `ids` when ticked, every row shown sends it as `onPage`, and the
 * header's box ("every row of this page", `everyOnPage`) ticks them all.
 */
export type Selection<Row> = { all: string; row: (row: Row) => string };

/**
 * Rows in columns, in a box that scrolls sideways on a narrow screen rather
 * than cut a column off; `empty` in its place when there are no rows, and
 * `footer`'s cells (the totals) under the last. With `stacked`, a phone shows
 * each row as a card read top to bottom instead, its header for screen
 * readers only: for rows of a few long cells that would not fit side by side.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  empty,
  footer,
  caption,
  selection,
  stacked = false,
  testId,
  rowTestId,
}: {
  columns: readonly (Column<Row> | false)[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  empty: ReactNode;
  footer?: ReactNode;
  /** The table's name, shown above it. */
  caption?: ReactNode;
  /** The label of the header's box and of each row's. */
  selection?: Selection<Row>;
  stacked?: boolean;
  testId?: string;
  rowTestId?: string;
}) {
  if (rows.length === 0) return <p>{empty}</p>;
  const shown = columns.filter((column): column is Column<Row> => column !== false);
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className={cn("w-full text-left text-sm", stacked && "max-sm:block")} data-testid={testId}>
        {caption && <caption className="p-3 text-left font-semibold">{caption}</caption>}
        <thead className={cn("bg-stone-100", stacked && "max-sm:sr-only")}>
          <tr>
            {selection && (
              <th scope="col" className="w-8 p-2">
                <SelectAllCheckbox label={selection.all} />
              </th>
            )}
            {shown.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={cn("p-2", column.className, column.headerClassName)}
              >
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className={cn(stacked && "max-sm:block")}>
          {rows.map((row, index) => (
            <tr
              key={rowKey(row)}
              className={cn("border-t border-stone-200 align-top", stacked && "max-sm:block max-sm:py-2")}
              data-testid={rowTestId}
            >
              {selection && (
                <td className="p-2">
                  <input
                    type="checkbox"
                    name="ids"
                    value={rowKey(row)}
                    aria-label={selection.row(row)}
                    className="size-5 accent-brand-600"
                  />
                  <input type="hidden" name="onPage" value={rowKey(row)} />
                </td>
              )}
              {shown.map((column) => {
                const Cell = column.rowHeader ? "th" : "td";
                return (
                  <Cell
                    key={column.key}
                    scope={column.rowHeader ? "row" : undefined}
                    className={cn(
                      "p-2",
                      column.rowHeader && "font-normal",
                      stacked && "max-sm:block max-sm:py-0.5",
                      column.className,
                    )}
                    data-testid={column.testId}
                  >
                    {column.cell(row, index)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer && (
          <tfoot className="border-t-2 border-stone-300 font-semibold">
            <tr>{footer}</tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
