import { z } from "zod";
import { type Locale, localeSchema } from "@/lib/i18n/routing";
import { MAX_REGIONS, regionCodeSchema } from "@/lib/questions/schema";
import { choice, optionalText, text } from "@/lib/registrations/schema";

// Travel and stay (docs/decisions/042-logistics.md): the group the
// registration form asks when the event enables it, and what organizers
// complete. Times are wall-clock times in the event's zone, as the form's
// datetime-local inputs send them ("2026-12-23T18:30"); the schema's output
// keeps that shape, so a checked input can be checked again.

export const transportMeans = ["BUS", "MINIBUS", "CAR", "TAXI", "TRAIN", "PLANE", "OTHER"] as const;
export type TransportMeans = (typeof transportMeans)[number];

/** What an event's form asks of travel: its window (dates, inclusive), its zone, whether a passport is asked. */
export type TravelAsked = {
  from: string;
  to: string;
  timeZone: string;
  passport: boolean;
  /**
   * The nights a room may be needed, each named in every language on the
   * server: a browser may lack Kyrgyz dates and would name them otherwise
   * (docs/decisions/044-server-named-words.md).
   */
  nights: { date: string; label: Record<Locale, string> }[];
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Whether "2026-12-23" (or its time after it) is a date that exists. */
const realDate = (value: string) => {
  const date = value.slice(0, 10);
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
};

const localTime = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .regex(LOCAL_TIME, { error: "invalidDate" })
  .refine(realDate, { error: "invalidDate" })
  .refine((value) => Number(value.slice(11, 13)) < 24 && Number(value.slice(14, 16)) < 60, {
    error: "invalidDate",
  });

const calendarDay = z
  .string({ error: "invalidDate" })
  .regex(DATE, { error: "invalidDate" })
  .refine(realDate, {
    error: "invalidDate",
  });

/** A passport or ID card number: letters, digits, spaces and dashes. */
const PASSPORT = /^[\p{L}0-9][\p{L}0-9 -]{3,19}$/u;

/** A form left empty: every field blank, no night ticked. */
function leftEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === "") return true;
  if (typeof value !== "object" || Array.isArray(value)) return false;
  return Object.values(value).every(
    // The browser's form sends no night ticked as nothing, react-hook-form as false.
    (field) =>
      field === undefined || field === "" || field === false || (Array.isArray(field) && field.length === 0),
  );
}

/** The group's fields, each dated one held within `window` when one is given. */
function travelFields({ regions, window }: { regions: z.ZodType<string>; window?: TravelAsked }) {
  const within = <T extends z.ZodType<string>>(schema: T) =>
    window
      ? schema
          .refine((value) => value.slice(0, 10) >= window.from, { error: "tooEarly" })
          .refine((value) => value.slice(0, 10) <= window.to, { error: "tooLate" })
      : schema;
  return z
    .object({
      fromSettlement: text({ max: 100 }),
      fromRegion: regions,
      arrivesAt: within(localTime),
      departsAt: within(localTime),
      transport: choice(transportMeans),
      nights: z
        .preprocess(
          // react-hook-form gives one checkbox as its value or false, several as a list.
          (value) =>
            value === false || value === undefined ? [] : typeof value === "string" ? [value] : value,
          z.array(within(calendarDay)).max(31, { error: "tooManyChoices" }),
        )
        .transform((nights) => [...new Set(nights)].sort()),
      sharesWith: optionalText({ max: 200 }),
      passportNumber:
        window?.passport === false
          ? notAsked
          : optionalText({ max: 20 }).refine((value) => value === undefined || PASSPORT.test(value), {
              error: "invalidText",
            }),
    })
    .refine((travel) => travel.departsAt > travel.arrivesAt, { path: ["departsAt"], error: "tooEarly" });
}

const notAsked: z.ZodType<undefined> = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.undefined({ error: "notAsked" }),
);

/** Travel in its general shape, whatever the event: any region code, any dates. */
export const travelInputSchema = z.preprocess(
  (value) => (leftEmpty(value) ? undefined : value),
  travelFields({ regions: regionCodeSchema }).optional(),
);
export type TravelInput = z.infer<typeof travelInputSchema>;

/**
 * Travel as one event's form asks it: its regions, the dates within its
 * window. Left empty, there is no travel to record; not asked, any is refused.
 */
export function travelSchema({
  asked,
  regionCodes,
}: {
  asked: TravelAsked | null;
  regionCodes: [string, ...string[]];
}) {
  if (!asked) return z.preprocess((value) => (leftEmpty(value) ? undefined : value), notAsked);
  return z.preprocess(
    (value) => (leftEmpty(value) ? undefined : value),
    travelFields({ regions: choice(regionCodes), window: asked }).optional(),
  );
}

/** An amount in soms an organizer types: a whole number, 0 or more; empty is none. */
export const somsSchema = z.preprocess(
  (value) => (value === "" || value === null ? undefined : value),
  z.coerce
    .number({ error: "invalidNumber" })
    .int({ error: "invalidNumber" })
    .min(0, { error: "tooSmall" })
    .max(10_000_000, { error: "tooLarge" })
    .optional(),
);

/** Organizers: what they complete of a participant's travel, on the registration's page. */
export const travelCompletionSchema = z.object({
  roomId: z.union([z.literal(""), z.uuid({ error: "invalidChoice" })]).default(""),
  roommateId: z.union([z.literal(""), z.uuid({ error: "invalidChoice" })]).default(""),
  farePaid: somsSchema,
  perDiemDays: z.preprocess(
    (value) => (value === "" || value === null ? undefined : value),
    z.coerce
      .number({ error: "invalidNumber" })
      .int({ error: "invalidNumber" })
      .min(0, { error: "tooSmall" })
      .max(366, { error: "tooLarge" })
      .optional(),
  ),
});
export type TravelCompletion = z.infer<typeof travelCompletionSchema>;

export const travelCompensations = ["RECEIPT", "CEILING"] as const;

/** Organizers: whether the form asks travel and a passport, and how travel is paid. */
export const logisticsSettingsSchema = z.object({
  travelEnabled: z.boolean().default(false),
  passportEnabled: z.boolean().default(false),
  travelCompensation: choice(travelCompensations),
  perDiem: z.object({
    GOVERNMENT: somsSchema,
    LOCAL_GOVERNMENT: somsSchema,
    CIVIL_SOCIETY: somsSchema,
    OTHER: somsSchema,
  }),
  /** One row per region of the event (the mutation keeps only the event's codes); an empty amount: no ceiling. */
  ceilings: z
    .array(z.object({ region: regionCodeSchema, amount: somsSchema }))
    .max(MAX_REGIONS)
    .default([]),
});
export type LogisticsSettings = z.infer<typeof logisticsSettingsSchema>;

export const hotelSchema = z.object({
  name: text({ max: 200 }),
  address: optionalText({ max: 300 }),
});

export const roomSchema = z.object({
  hotelId: z.uuid({ error: "invalidChoice" }),
  name: text({ max: 50 }),
  beds: z.coerce
    .number({ error: "invalidNumber" })
    .int({ error: "invalidNumber" })
    .min(1, { error: "tooSmall" })
    .max(50, { error: "tooLarge" }),
});

/** A stored travel as the form's values: strings as the inputs hold them; none, an empty group. */
export function travelFormValues(
  travel: {
    fromSettlement: string | null;
    fromRegion: string;
    arrivesAt: string;
    departsAt: string;
    transport: string;
    nights: string[];
    sharesWith: string | null;
    passportNumber: string | null;
  } | null,
): Record<string, string | string[]> {
  return {
    fromSettlement: travel?.fromSettlement ?? "",
    fromRegion: travel?.fromRegion ?? "",
    arrivesAt: travel?.arrivesAt ?? "",
    departsAt: travel?.departsAt ?? "",
    transport: travel?.transport ?? "",
    nights: travel?.nights ?? [],
    sharesWith: travel?.sharesWith ?? "",
    passportNumber: travel?.passportNumber ?? "",
  };
}

/** The rooming list's address: which hotel and night (the first of each when not given), which language. */
export const roomingQuerySchema = z.object({
  hotel: z.uuid().optional(),
  night: z.string().regex(DATE).refine(realDate).optional(),
  lang: localeSchema.default("ru"),
});

/** The rooming list's files: one hotel, one night (the PDF) or every night (the workbook). */
export const roomingFileQuerySchema = roomingQuerySchema.extend({ hotel: z.uuid() });

/** The register's address: one of the event's days, or none for the whole event. */
export const registerQuerySchema = z.object({
  day: z.union([z.literal(""), z.uuid()]).default(""),
  lang: localeSchema.default("ru"),
});
