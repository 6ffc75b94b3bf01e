import type { ExportLabels } from "@/lib/exports/labels";
import type { ExportColumn } from "@/lib/exports/schema";

// The value of each exported cell, typed: numbers stay numbers and dates stay
// dates in the spreadsheet. Pure, shared by the CSV and the .xlsx writers.

export type ExportRow = {
  number: number;
  status: string;
  category: string;
  region: string;
  gender: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  organization: string;
  position: string;
  email: string;
  phone: string;
  needsAccommodation: boolean;
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
  /** The wall clock of the event's zone to the minute, as a Date whose UTC fields hold it: spreadsheets have no zones. */
  createdAt: Date;
  attendedDayIds: string[];
};

export type Cell = string | number | Date | null;

// A cell a spreadsheet would read as a formula (or a DDE command) when the
// text starts with one of these (the full-width forms too: some spreadsheets
// fold them). OWASP's advice: make it text with a quote.
const FORMULA_CHARS = "=+\\-@\\t\\r\\0\\uFF1D\\uFF0B\\uFF0D\\uFF20";
const FORMULA_START = new RegExp(`^[${FORMULA_CHARS}]`);

/** The one guard against formula injection where the cell is the value: .xlsx, and each CSV field's start. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

// A CSV file is split again by whoever opens it, not always as it was
// written: Excel with Russian settings splits a comma file on ";" (and an
// English one a semicolon file on ","), and a quote opens a quoted field only
// at a cell's start. So a cell may start after any comma, semicolon or line
// break inside a field, behind any quotes; `Org;=1+2` in the comma file is a
// cell `=1+2` there. Each of those starts is guarded as a field's start is.
const CSV_CELL_START = new RegExp(`(^|[,;\\r\\n])("*)(?=[${FORMULA_CHARS}])`, "g");

/** A CSV field's text, safe however the file is split: each place a cell may start is neutralized. */
export function neutralizeCsvFormulas(text: string): string {
  return text.replace(CSV_CELL_START, "$1$2'");
}

/**
 * The cells of a row for these columns. Each column's reader is chosen once
 * per export, not once per cell: an export has millions of cells.
 */
export function rowCells(columns: readonly ExportColumn[], labels: ExportLabels): (row: ExportRow) => Cell[] {
  const readers = columns.map((column) => cellReader(column, labels));
  return (row) => readers.map((read) => read(row));
}

function cellReader(column: ExportColumn, labels: ExportLabels): (row: ExportRow) => Cell {
  switch (column) {
    case "status":
      return (row) => labels.status(row.status);
    case "category":
      return (row) => labels.category(row.category);
    case "region":
      return (row) => labels.region(row.region);
    case "gender":
      return (row) => labels.gender(row.gender);
    case "needsAccommodation":
      return (row) => (row.needsAccommodation ? labels.yes : labels.no);
    case "daysAttended":
      return (row) => row.attendedDayIds.length;
    default:
      return (row) => row[column];
  }
}
