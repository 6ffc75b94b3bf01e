import { z } from "zod";
import { unknownPlaceholders } from "@/lib/emails/rules";
import { localeSchema } from "@/lib/i18n/routing";

// An organizer's message to participants, written in ru / ky / en: Russian
// required, a language left empty falls back to it. Placeholders are checked
// here, for the form and the server alike.

const messageText = (max: number) =>
  z
    .string({ error: "required" })
    .trim()
    .max(max, { error: "tooLong" })
    .refine((text) => unknownPlaceholders(text).length === 0, { error: "unknownPlaceholder" });

const localizedMessageText = (max: number) =>
  z.object({
    ru: messageText(max).min(1, { error: "required" }),
    ky: messageText(max).optional(),
    en: messageText(max).optional(),
  });

export const organizerMessageFields = {
  subject: localizedMessageText(150),
  message: localizedMessageText(5000),
};

/** The longest paragraph of an event's own wording in a letter, per language (a CHECK holds the same). */
export const WORDING_MAX = 2000;

const wordingText = z.string().trim().max(WORDING_MAX, { error: "tooLong" }).optional();

/**
 * An event's own paragraph in one letter, in ru / ky / en, plain text: left
 * empty, the letter has none; written, it needs its Russian, which a language
 * left empty falls back to.
 */
const letterWording = z
  .object({ ru: wordingText, ky: wordingText, en: wordingText })
  .refine(({ ru, ky, en }) => Boolean(ru) || !(ky || en), { path: ["ru"], error: "required" });

/** The event's own wording of its confirmation and waiting-list letters, as the editor saves or previews it. */
export const letterWordingSchema = z.object({
  confirmation: letterWording,
  waitlist: letterWording,
  intent: z.enum(["save", "preview"]).default("save"),
  /** The language the preview is shown in. */
  language: localeSchema.default("ru"),
});

export type LetterWordingInput = z.output<typeof letterWordingSchema>;
