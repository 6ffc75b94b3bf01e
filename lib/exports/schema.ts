import { z } from "zod";

// What a person exporting an event's registrations chooses: the format, the
// CSV separator and the columns. The same schema reads the export address
// and the preferences remembered on the staff account.

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

export const exportOptionsSchema = z.object({
  format: z.enum(exportFormats).catch("xlsx"),
  separator: z.enum(exportSeparators).catch("semicolon"),
  /** Known columns in the export's order; none chosen means all. */
  columns: z
    .array(z.string())
    .catch([])
    .transform((chosen) => {
      const known = exportColumns.filter((column) => chosen.includes(column));
      return known.length > 0 ? known : [...exportColumns];
    }),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export const defaultExportOptions: ExportOptions = exportOptionsSchema.parse({});

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/**
 * The options in an export address: `format=csv&separator=comma&columns=number,lastName`
 * (or one `columns` per column, as a form sends its checkboxes).
 */
export function parseExportOptions(params: SearchParams): ExportOptions {
  const all = (key: string) =>
    params instanceof URLSearchParams ? params.getAll(key) : [params[key] ?? []].flat();
  return exportOptionsSchema.parse({
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
  format: "xlsx" | "csv";
}): string {
  return `${[slug, suffix, date].filter(Boolean).join("-")}.${format}`;
}
