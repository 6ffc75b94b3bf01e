// The placeholders an organizer's message may carry, filled in per
// participant when the letter is rendered. A name outside this list is
// refused before anything is sent (lib/emails/schema.ts): a typo would
// otherwise reach every participant as it was typed.

import { type LocalizedText, localize, localizedTextSchema } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";

export const placeholders = ["firstName", "checkInCode", "manageLink", "eventTitle"] as const;
export type Placeholder = (typeof placeholders)[number];

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

const isPlaceholder = (name: string): name is Placeholder =>
  (placeholders as readonly string[]).includes(name);

/** The names between double braces that are not placeholders, in order, each once. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
  return [...new Set(names.filter((name) => !isPlaceholder(name)))];
}

/** The text with each placeholder replaced by its value; anything else is left as written. */
export function fillPlaceholders(text: string, values: Record<Placeholder, string>): string {
  return text.replace(PLACEHOLDER, (written, name: string) => (isPlaceholder(name) ? values[name] : written));
}

/**
 * An event's own paragraph of a letter as one participant reads it: in their
 * language when written, else the Russian (as every text an organizer writes
 * per language); none when the event wrote none.
 */
export function letterWording(wording: unknown, locale: Locale): string | undefined {
  const written = localizedTextSchema.safeParse(wording);
  return written.success ? localize(written.data, locale) : undefined;
}

/** An event's own paragraph as it is stored: each language, empty when not written; null without its Russian (none). */
export function storedWording(text: Partial<LocalizedText>): LocalizedText | null {
  return text.ru ? { ru: text.ru, ky: text.ky ?? "", en: text.en ?? "" } : null;
}
