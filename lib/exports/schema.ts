import { z } from "zod";
import { MAX_QUESTIONS } from "@/lib/questions/schema";

// What a person exporting an event's registrations chooses: the format, the
// CSV separator and the columns, fixed and one per question of the event.
// The export address and the preferences remembered on the staff account
// are read here.

export const exportColumns = [
  "number",
  "lastName",
  "firstName",
  "patronymic",
  "organization",
  "position",
  "category",
  "region",
  "gender",
  "email",
  "phone",
  "status",
  "needsAccommodation",
  "dietaryNeeds",
  "accessibilityNeeds",
  "createdAt",
  "daysAttended",
] as const;
export type ExportColumn = (typeof exportColumns)[number];

export const exportFormats = ["xlsx", "csv"] as const;
export const exportSeparators = ["comma", "semicolon"] as const;

/**
 * An export's choices for one event: the fixed columns chosen, in the
 * export's order, and the event's questions chosen (their ids), in the
 * questions' order; each question is one column after the fixed ones.
 */
export type ExportOptions = {
  format: (typeof exportFormats)[number];
  separator: (typeof exportSeparators)[number];
  columns: ExportColumn[];
  questionIds: string[];
};

const format = z.enum(exportFormats).catch("xlsx");
const separator = z.enum(exportSeparators).catch("semicolon");
const keys = z.array(z.string()).catch([]);

/**
 * The choices in an export address, for an event whose questions have these
 * ids: `columns` holds fixed columns by name and question columns by id.
 * A key that is neither a fixed column nor one of these questions is
 * dropped; none chosen means every column.
 */
export function exportOptionsSchema(questionIds: readonly string[] = []) {
  return z
    .object({ format, separator, columns: keys })
    .transform(({ columns: chosen, ...rest }): ExportOptions => {
      const columns = exportColumns.filter((column) => chosen.includes(column));
      const questions = questionIds.filter((id) => chosen.includes(id));
      const none = columns.length === 0 && questions.length === 0;
      return {
        ...rest,
        columns: none ? [...exportColumns] : columns,
        questionIds: none ? [...questionIds] : questions,
      };
    });
}

/**
 * The choices remembered on a staff account for the next export, of any
 * event. The questions are remembered by those left out, so that another
 * event's questions, or new ones, are chosen by default. Written before
 * questions existed, a preference has no `leftOut`: every question is chosen.
 */
export const exportPreferencesSchema = z.object({
  format,
  separator,
  /** None remembered: every fixed column (an empty list is a choice: questions only). */
  columns: z.array(z.string()).catch(() => [...exportColumns]),
  leftOut: z.array(z.uuid()).max(MAX_QUESTIONS).catch([]),
});
export type ExportPreferences = z.infer<typeof exportPreferencesSchema>;

/** The remembered choices applied to an event whose questions have these ids. */
export function preferredOptions(stored: unknown, questionIds: readonly string[]): ExportOptions {
  const { leftOut, columns, ...rest } = exportPreferencesSchema.parse(stored ?? {});
  return exportOptionsSchema(questionIds).parse({
    ...rest,
    columns: [...columns, ...questionIds.filter((id) => !leftOut.includes(id))],
  });
}

/** What to remember of an export of an event whose questions have these ids. */
export function preferencesOf(options: ExportOptions, questionIds: readonly string[]): ExportPreferences {
  return {
    format: options.format,
    separator: options.separator,
    columns: options.columns,
    leftOut: questionIds.filter((id) => !options.questionIds.includes(id)),
  };
}

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * The options in an export address: `format=csv&separator=comma&columns=number,lastName`
 * (or one `columns` per column, as a form sends its checkboxes), for an
 * event whose questions have these ids.
 */
export function parseExportOptions(params: SearchParams, questionIds: readonly string[] = []): ExportOptions {
  const all = (key: string) =>
    params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat();
  return exportOptionsSchema(questionIds).parse({
    format: all("format")[0],
    separator: all("separator")[0],
    columns: all("columns").flatMap((value) => value.split(",")),
  });
}

/** `migration-strategy-seminar-2026-11-26.xlsx`: the event's slug and the day of the export. */
export function exportFileName({
  slug,
  date,
  suffix,
  format,
}: {
  slug: string;
  date: string;
  suffix?: string;
  format: "xlsx" | "csv" | "pdf";
}): string {
  return `${[slug, suffix, date].filter(Boolean).join("-")}.${format}`;
}
