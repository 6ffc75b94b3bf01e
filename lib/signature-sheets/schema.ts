import { z } from "zod";
import { localeSchema } from "@/lib/i18n/routing";

export const MAX_BLANK_ROWS = 100;

/** The signature sheet's query string: which day, how many blank rows for walk-ins, which language. */
export const signatureSheetQuerySchema = z.object({
  day: z.uuid(),
  blank: z.coerce.number().int().min(0).max(MAX_BLANK_ROWS).default(0),
  lang: localeSchema.default("ru"),
});

export type SignatureSheetQuery = z.infer<typeof signatureSheetQuerySchema>;
