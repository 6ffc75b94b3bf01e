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
// text starts with one of these. OWASP's advice: make it text with a quote.
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** The one guard against formula injection, for both formats. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
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
