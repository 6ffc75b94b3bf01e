import { z } from "zod";
import { localeSchema } from "@/lib/i18n/routing";

export const MAX_BLANK_ROWS = 100;

/** The columns an organizer may add to the sheet, in the order they are printed: what donors ask to see. */
export const extraSheetColumns = ["phone", "email", "gender", "category", "region"] as const;
export type ExtraSheetColumn = (typeof extraSheetColumns)[number];

/**
 * The signature sheet's query string: which day, how many blank rows for
 * walk-ins, which language, and the extra columns (`columns=phone,email`, or
 * one `columns` per column, as the page's checkboxes send them). An unknown
 * column is refused rather than ignored, so a mistyped link does not print
 * a sheet that silently lacks what the donor asked for.
 */
export const signatureSheetQuerySchema = z.object({
  day: z.uuid(),
  blank: z.coerce.number().int().min(0).max(MAX_BLANK_ROWS).default(0),
  lang: localeSchema.default("ru"),
  columns: z
    .preprocess(
      (value) =>
        [value ?? []]
          .flat()
          .flatMap((each) => (typeof each === "string" ? each.split(",").filter(Boolean) : [each])),
      z.array(z.enum(extraSheetColumns)).max(20),
    )
    .transform((chosen) => extraSheetColumns.filter((column) => chosen.includes(column))),
});

export type SignatureSheetQuery = z.infer<typeof signatureSheetQuerySchema>;
