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

/** Draft until published; closed takes no more registrations; archived is off the lists. */
export const eventStatuses = ["DRAFT", "PUBLISHED", "CLOSED", "ARCHIVED"] as const;
export const eventStatusSchema = z.enum(eventStatuses);

const text = (max: number) => z.string({ error: "required" }).trim().max(max, { error: "tooLong" });

/** A text in three languages as an organizer types it: Russian required, the others optional. */
export const localizedInputSchema = (max: number) =>
  z.object({
    ru: text(max).min(1, { error: "required" }),
    ky: text(max).optional(),
    en: text(max).optional(),
  });

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "invalidDate" });
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "invalidTime" });
const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: "invalidDate" })
  .optional()
  .or(z.literal("").transform(() => undefined));
const seats = z.coerce
  .number({ error: "invalidNumber" })
  .int({ error: "invalidNumber" })
  .min(0, { error: "invalidNumber" })
  .max(100_000, { error: "invalidNumber" });
// An empty number field is no number, not zero (which z.coerce would make of it).
const blankAsUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optionalSeats = z.preprocess(blankAsUndefined, seats.optional());

/**
 * An event's settings, as the staff form and the server both check them.
 * Times are local to the event's time zone ("2026-12-24", "09:00").
 */
export const eventSettingsSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .min(3, { error: "invalidSlug" })
      .max(80, { error: "tooLong" })
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "invalidSlug" }),
    title: localizedInputSchema(200),
    summary: localizedInputSchema(500),
    description: localizedInputSchema(20_000),
    audience: localizedInputSchema(1000),
    venueName: localizedInputSchema(200),
    venueAddress: localizedInputSchema(300),
    timeZone: z.string().refine((zone) => Intl.supportedValuesOf("timeZone").includes(zone), {
      error: "invalidTimeZone",
    }),
    registrationOpensAt: localDateTime,
    registrationClosesAt: localDateTime,
    capacity: z.preprocess(blankAsUndefined, seats),
    quotas: z.object({
      GOVERNMENT: optionalSeats,
      LOCAL_GOVERNMENT: optionalSeats,
      CIVIL_SOCIETY: optionalSeats,
      OTHER: optionalSeats,
    }),
    requiresApproval: z.boolean().default(false),
    /** Days after the last day until personal data is anonymized; none keeps it (lib/privacy). */
    retentionDays: z.preprocess(
      blankAsUndefined,
      z.coerce
        .number({ error: "invalidNumber" })
        .int({ error: "invalidNumber" })
        .min(1, { error: "invalidNumber" })
        .max(3650, { error: "invalidNumber" })
        .optional(),
    ),
    contactEmail: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email({ error: "invalidEmail" }))
      .optional()
      .or(z.literal("").transform(() => undefined)),
    days: z
      .array(z.object({ date: localDate, start: localTime, end: localTime }))
      .min(1, { error: "required" })
      .max(14, { error: "tooLong" }),
  })
  .superRefine((event, context) => {
    const reserved = Object.values(event.quotas).reduce<number>((sum, value) => sum + (value ?? 0), 0);
    if (reserved > event.capacity)
      context.addIssue({ code: "custom", path: ["capacity"], message: "quotasExceedCapacity" });
    event.days.forEach((day, index) => {
      if (day.end <= day.start)
        context.addIssue({ code: "custom", path: ["days", index, "end"], message: "endBeforeStart" });
    });
    if (new Set(event.days.map((day) => day.date)).size !== event.days.length) {
      context.addIssue({ code: "custom", path: ["days"], message: "duplicateDays" });
    }
    if (
      event.registrationOpensAt &&
      event.registrationClosesAt &&
      event.registrationOpensAt >= event.registrationClosesAt
    ) {
      context.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "closesBeforeOpens" });
    }
  });

export type EventSettings = z.infer<typeof eventSettingsSchema>;
export type EventSettingsValues = z.input<typeof eventSettingsSchema>;
