import { z } from "zod";
import type { Locale } from "@/lib/i18n/routing";

// Texts an organizer writes per language. Russian is required; a missing
// Kyrgyz or English text falls back to Russian.
export const localizedTextSchema = z.object({
  ru: z.string().trim().min(1),
  ky: z.string().trim().optional(),
  en: z.string().trim().optional(),
});

export type LocalizedText = z.infer<typeof localizedTextSchema>;

export function localize(text: unknown, locale: Locale): string {
  const parsed = localizedTextSchema.parse(text);
  return parsed[locale] || parsed.ru;
}
