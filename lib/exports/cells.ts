import { zonedParts } from "@/lib/events/rules";
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
  createdAt: Date;
  attendance: { eventDayId: string }[];
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
 * An instant as the wall-clock time of the event's zone, as a Date whose UTC
 * fields hold it: spreadsheets have no zones and show exactly these fields.
 */
export function wallClock(instant: Date, timeZone: string): Date {
  const { date, time } = zonedParts(instant, timeZone);
  return new Date(`${date}T${time}:00Z`);
}

export function cellValue(
  column: ExportColumn,
  row: ExportRow,
  { labels, timeZone }: { labels: ExportLabels; timeZone: string },
): Cell {
  switch (column) {
    case "number":
      return row.number;
    case "status":
      return labels.status(row.status);
    case "category":
      return labels.category(row.category);
    case "region":
      return labels.region(row.region);
    case "gender":
      return labels.gender(row.gender);
    case "needsAccommodation":
      return row.needsAccommodation ? labels.yes : labels.no;
    case "createdAt":
      return wallClock(row.createdAt, timeZone);
    case "daysAttended":
      return row.attendance.length;
    default:
      return row[column];
  }
}
