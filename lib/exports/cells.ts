import type { ExportLabels } from "@/lib/exports/labels";
import type { ExportColumn } from "@/lib/exports/schema";
import { type AnswerRow, answerText } from "@/lib/questions/rules";
import type { QuestionDefinition } from "@/lib/questions/schema";

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
  /** The answers to the questions exported, by question id. */
  answers: Map<string, AnswerRow>;
};

/** A question of the event as an export's column; an archived one still has its answers. */
export type ExportQuestion = QuestionDefinition & { archived: boolean };

export type Cell = string | number | Date | null;

// A CSV cell a spreadsheet would read as a formula (or a DDE command) when
// its text starts with one of these (the full-width forms too: some
// spreadsheets fold them). OWASP's advice: make it text with a quote. The
// .xlsx needs none: every text there is a string cell (exceljs writes a
// formula only when given one), which no spreadsheet evaluates — a quote
// would only show in the cell, before a phone's "+".
const FORMULA_CHARS = "=+\\-@\\t\\r\\0\\uFF1D\\uFF0B\\uFF0D\\uFF20";

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
 * One column of a sheet: its header, its width in the .xlsx, whether it
 * holds dates, and the reader of its cell, chosen once per export, not once
 * per cell: an export has millions of cells.
 */
export type SheetColumn = {
  header: string;
  width: number;
  /** Where the column holds dates: the wall clock to the minute, or calendar days. */
  dates: "minute" | "day" | null;
  cell: (row: ExportRow) => Cell;
};

const WIDTHS: Record<ExportColumn, number> = {
  number: 7,
  lastName: 18,
  firstName: 16,
  patronymic: 18,
  organization: 34,
  position: 26,
  category: 24,
  region: 20,
  gender: 12,
  email: 30,
  phone: 18,
  status: 16,
  needsAccommodation: 10,
  dietaryNeeds: 26,
  accessibilityNeeds: 26,
  createdAt: 17,
  daysAttended: 10,
};

/** A question's header may be a sentence: its column is no wider than this. */
const MAX_WIDTH = 40;

/** The fixed columns chosen, then one per question chosen, in the questions' order. */
export function sheetColumns({
  columns,
  questions = [],
  labels,
}: {
  columns: readonly ExportColumn[];
  questions?: readonly ExportQuestion[];
  labels: ExportLabels;
}): SheetColumn[] {
  return [
    ...columns.map((column) => ({
      header: labels.column(column),
      width: WIDTHS[column],
      dates: column === "createdAt" ? ("minute" as const) : null,
      cell: cellReader(column, labels),
    })),
    ...questions.map((question) => ({
      header: labels.question(question),
      width: question.type === "LONG_TEXT" ? 34 : 20,
      dates: question.type === "DATE" ? ("day" as const) : null,
      cell: answerReader(question, labels),
    })),
  ].map((column) => ({
    ...column,
    width: Math.min(Math.max(column.width, column.header.length + 2), MAX_WIDTH),
  }));
}

/** The cells of a row for these columns. */
export function rowCells(columns: readonly SheetColumn[]): (row: ExportRow) => Cell[] {
  return (row) => columns.map((column) => column.cell(row));
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

/**
 * An answer's cell, typed: a number a number, a date a calendar day (a Date
 * at midnight UTC), yes/no and the options chosen as the reader's words (a
 * multiple choice in one cell, its options' labels separated by "; ", as
 * answerText writes them everywhere).
 */
function answerReader(question: ExportQuestion, labels: ExportLabels): (row: ExportRow) => Cell {
  const words = { locale: labels.locale, yes: labels.yes, no: labels.no };
  return (row) => {
    const answer = row.answers.get(question.id);
    if (!answer) return null;
    if (answer.numberValue !== null) return answer.numberValue;
    if (answer.dateValue !== null) return new Date(`${answer.dateValue}T00:00:00Z`);
    if (answer.textValue !== null) return answer.textValue;
    return answerText(question, answer, words);
  };
}
