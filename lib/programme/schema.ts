import { z } from "zod";
import { localizedInputSchema } from "@/lib/events/schema";
import type { SessionKind } from "@/lib/generated/prisma/enums";
import { lines, optionalText, text } from "@/lib/registrations/schema";

// An event's programme as organizers edit it and everyone reads it
// (docs/decisions/031-programme.md): sessions per day at local times in the
// event's zone, and speakers shared by every event.

export const sessionKinds = [
  "SESSION",
  "BREAK",
  "MEAL",
  "EXCURSION",
] as const satisfies readonly SessionKind[];

/** Kinds whose sessions are led by someone: a break or a meal lists no speakers. */
export const ledKinds = ["SESSION", "EXCURSION"] as const satisfies readonly SessionKind[];

export const MAX_SPEAKERS_PER_SESSION = 20;

/**
 * Two-letter region codes the runtime names that are no country: unions
 * (EU, EZ, UN), "Outlying Oceania", the pseudo-locales' regions of
 * browsers ("Pseudo-Accents", "Pseudo-Bidi") and "Unknown Region".
 */
const notCountries = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);

/** The ISO 3166-1 alpha-2 codes that name a country or territory, as the runtime knows them. */
export const countryCodes: readonly string[] = (() => {
  const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const letters = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ"];
  return letters
    .flatMap((first) => letters.map((second) => `${first}${second}`))
    .filter((code) => !notCountries.has(code) && names.of(code) !== undefined);
})();

/** Where the runtime's names are not the ones used here: in Kyrgyzstan, Russian says «Кыргызстан». */
const countryNameOverrides: Record<string, Record<string, string>> = { ru: { KG: "Кыргызстан" } };

/** A country's name in a language ("BG" → "Болгария"). */
export function countryName(code: string, locale: string): string {
  return (
    countryNameOverrides[locale]?.[code] ??
    new Intl.DisplayNames([locale, "ru"], { type: "region" }).of(code) ??
    code
  );
}

/**
 * Every country as [code, name] in a language, ordered by name. Made on the
 * server and handed to the speaker's form: a browser's own names and
 * ordering differ from Node's, and a list made in both would not hydrate.
 */
export function countryChoices(locale: string): [string, string][] {
  return countryCodes
    .map((code): [string, string] => [code, countryName(code, locale)])
    .sort((a, b) => a[1].localeCompare(b[1], locale));
}

const localTime = z
  .string({ error: "invalidTime" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "invalidTime" });

/** A text of several lines in three languages, all optional; a translation without Russian is refused. */
const optionalLocalized = (max: number) =>
  z
    .object({
      ru: lines(max).optional(),
      ky: lines(max).optional(),
      en: lines(max).optional(),
    })
    .default({})
    .superRefine((value, ctx) => {
      if (!value.ru && (value.ky || value.en))
        ctx.addIssue({ code: "custom", message: "required", path: ["ru"] });
    })
    .transform(({ ru, ky, en }) => (ru ? { ru, ...(ky ? { ky } : {}), ...(en ? { en } : {}) } : undefined));

/**
 * One session as an organizer saves it: its day (one of the event's), local
 * times on that day, texts, room and speakers in their order. Whether the
 * times fit the day's hours is checked against the day when it is saved.
 */
export const sessionInputSchema = z
  .object({
    dayId: z.uuid({ error: "invalidChoice" }),
    kind: z.enum(sessionKinds, { error: "invalidChoice" }),
    start: localTime,
    end: localTime,
    title: localizedInputSchema(200),
    description: optionalLocalized(2000),
    room: optionalText({ max: 100 }),
    speakerIds: z
      .array(z.uuid({ error: "invalidChoice" }))
      .max(MAX_SPEAKERS_PER_SESSION, { error: "tooMany" })
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, { error: "duplicate" }),
  })
  .superRefine((session, ctx) => {
    if (session.end <= session.start)
      ctx.addIssue({ code: "custom", message: "endBeforeStart", path: ["end"] });
  });

export type SessionInput = z.output<typeof sessionInputSchema>;

/** A speaker as an organizer creates or corrects one: the same person across events. */
export const speakerInputSchema = z.object({
  name: text({ max: 200 }),
  organization: optionalText({ max: 300 }),
  country: z.preprocess(
    (value) => (typeof value === "string" ? value.trim().toUpperCase() || undefined : value),
    z
      .string()
      .refine((code) => countryCodes.includes(code), { error: "invalidChoice" })
      .optional(),
  ),
  bio: optionalLocalized(1000),
});

export type SpeakerInput = z.output<typeof speakerInputSchema>;
