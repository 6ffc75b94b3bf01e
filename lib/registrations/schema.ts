import { z } from "zod";
import { organizerMessageFields } from "@/lib/emails/schema";
import { regionCodeSchema, submittedAnswersSchema } from "@/lib/questions/schema";
import type { TravelInput } from "@/lib/travel/schema";

// One schema for the registration form, the server action, the JSON API and
// the participant's own edit page (STYLE.md, habit 3). Error messages are
// keys of the "errors" messages, translated where they are shown.

export const categories = ["GOVERNMENT", "LOCAL_GOVERNMENT", "CIVIL_SOCIETY", "OTHER"] as const;
export const genders = ["FEMALE", "MALE", "UNDISCLOSED"] as const;

export type ErrorKey =
  | "required"
  | "tooLong"
  | "invalidText"
  | "invalidEmail"
  | "invalidPhone"
  | "invalidChoice"
  | "consentRequired"
  // The answers to an event's own questions (lib/questions/rules.ts).
  | "invalidNumber"
  | "tooSmall"
  | "tooLarge"
  | "invalidDate"
  | "tooEarly"
  | "tooLate"
  | "tooManyChoices"
  | "notAsked"
  | "tooManyAnswers"
  | "optionFull";

// Letters, digits, punctuation and spaces; no control characters. Multi-line
// fields may also hold line breaks.
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const CONTROL_BUT_NEWLINES = /(?![\n\r])\p{Cc}/u;

/** One line of text: trimmed, at most `max` characters, no control characters. */
export function line(max: number) {
  return z
    .string({ error: "required" })
    .trim()
    .max(max, { error: "tooLong" })
    .refine((value) => !CONTROL.test(value), { error: "invalidText" });
}

// A required text must say something: not only spaces, dots or invisible characters.
const MEANINGFUL = /[\p{L}\p{N}]/u;

/** Whether a given text says something (letters or digits); an empty one is checked as required, elsewhere. */
export const saysSomething = (value: string) => value === "" || MEANINGFUL.test(value);

/** A required text field: something said, at most `max` characters. */
export const text = ({ max }: { max: number }) =>
  line(max).min(1, { error: "required" }).refine(saysSomething, { error: "invalidText" });

/** An optional text field: absent when left empty. */
export const optionalText = ({ max }: { max: number }) =>
  line(max)
    .optional()
    .transform((value) => value || undefined);

/** Text of several lines: trimmed, at most `max` characters, no control characters but line breaks. */
export function lines(max: number) {
  return z
    .string({ error: "invalidText" })
    .trim()
    .max(max, { error: "tooLong" })
    .refine((value) => !CONTROL_BUT_NEWLINES.test(value), { error: "invalidText" });
}

/** A note of several lines, optional. */
export function note() {
  return lines(1000)
    .optional()
    .transform((value) => value || undefined);
}

export const emailAddress = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .max(254, { error: "tooLong" })
  .pipe(z.email({ error: "invalidEmail" }));

export const phoneNumber = z
  .string({ error: "required" })
  .trim()
  .min(1, { error: "required" })
  .regex(/^\+?[0-9][0-9 ()-]{4,30}$/, { error: "invalidPhone" });

/** A phone an event asks as optional: absent when left empty. */
export const optionalPhone = z.preprocess(
  (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
  phoneNumber.optional(),
);

export const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    // An unanswered choice arrives as undefined, "" (select) or null (radio).
    error: (issue) =>
      issue.input === undefined || issue.input === "" || issue.input === null ? "required" : "invalidChoice",
  });

/**
 * A registration in its general shape, whatever the event: the fields an
 * event may leave out are optional here, and a region is any region code.
 * The schema of one event's form (lib/questions/rules.ts,
 * registrationFormSchema) holds them to what that event asks.
 */
export const registrationSchema = z.object({
  lastName: text({ max: 100 }),
  firstName: text({ max: 100 }),
  patronymic: optionalText({ max: 100 }),
  organization: text({ max: 200 }),
  position: optionalText({ max: 200 }),
  category: choice(categories),
  region: regionCodeSchema,
  email: emailAddress,
  phone: optionalPhone,
  gender: choice(genders),
  needsAccommodation: z.boolean({ error: "invalidChoice" }).default(false),
  dietaryNeeds: note(),
  accessibilityNeeds: note(),
  consent: z.literal(true, { error: "consentRequired" }),
  /**
   * The answers to the event's own questions, in their general shape only:
   * createRegistration and updateRegistration check them against the event's
   * questions, and the form reads them with the schema built from those
   * (lib/questions/rules.ts, registrationFormSchema).
   */
  answers: submittedAnswersSchema,
});

/** The version of the consent text shown with the form; stored with each registration. */
export const CONSENT_VERSION = "2026-11-26";

/** With the travel group where the event asks it: its form's schema adds it (lib/questions/rules.ts). */
export type RegistrationInput = z.infer<typeof registrationSchema> & { travel?: TravelInput };
export type RegistrationFormValues = z.input<typeof registrationSchema>;

/** What the server accepts on top of the form: the honeypot a person never fills. */
export const registrationRequestSchema = registrationSchema.extend({
  website: z.string({ error: "invalidText" }).max(0, { error: "invalidText" }).optional(),
});

/** The details a participant may change after registering (not the email, not the consent). */
export const registrationUpdateSchema = registrationSchema.omit({ email: true, consent: true });
export type RegistrationUpdate = z.infer<typeof registrationUpdateSchema> & { travel?: TravelInput };

const ids = z.array(z.uuid()).max(500).default([]);

/**
 * The selection of the list's bulk actions: the rows ticked, or, when the
 * header's "select all" is ticked, every row of the page (its ids sent as
 * `onPage`), so that it works without JavaScript too.
 */
const selection = { ids, everyOnPage: z.boolean().default(false), onPage: ids };

/** Staff: a change of status for the selected registrations, or a letter to them. */
export const bulkChangeSchema = z
  .discriminatedUnion("to", [
    z.object({ ...selection, to: z.enum(["CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"]) }),
    z.object({
      ...selection,
      to: z.literal("MESSAGE"),
      ...organizerMessageFields,
      // Send it; or show it as the first selected participant will receive
      // it; or send that letter to oneself.
      intent: z.enum(["send", "preview", "test"]).default("send"),
    }),
  ])
  .transform(({ everyOnPage, onPage, ...change }) => ({
    ...change,
    ids: everyOnPage ? onPage : change.ids,
  }))
  .refine((change) => change.ids.length > 0, { path: ["ids"], error: "nothingSelected" });

/** Staff: one registration's change of status, from its page. */
export const statusChangeSchema = z.object({
  to: z.enum(["CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"]),
});

/** Staff: a mistyped address corrected. */
export const emailCorrectionSchema = z.object({ email: emailAddress });

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A stored registration as the edit form's initial values (the participant's page and the staff page). */
export function editFormValues(registration: {
  lastName: string;
  firstName: string;
  patronymic: string | null;
  gender: string;
  organization: string;
  position: string | null;
  category: string;
  region: string;
  phone: string | null;
  needsAccommodation: boolean;
  dietaryNeeds: string | null;
  accessibilityNeeds: string | null;
}): Record<string, string | boolean> {
  return {
    lastName: registration.lastName,
    firstName: registration.firstName,
    patronymic: registration.patronymic ?? "",
    gender: registration.gender,
    organization: registration.organization,
    position: registration.position ?? "",
    category: registration.category,
    region: registration.region,
    phone: registration.phone ?? "",
    needsAccommodation: registration.needsAccommodation,
    dietaryNeeds: registration.dietaryNeeds ?? "",
    accessibilityNeeds: registration.accessibilityNeeds ?? "",
  };
}
