import { z } from "zod";
import type { InstrumentKind } from "@/lib/generated/prisma/enums";

// An event's outcome instruments (docs/decisions/032-outcome-instruments.md):
// the kinds, their addresses, and their settings as an organizer saves them.

export const instrumentKinds = [
  "PRE_TEST",
  "POST_TEST",
  "FEEDBACK",
] as const satisfies readonly InstrumentKind[];

/** The participant's address of each instrument, under `/r/<token>/`. */
export const instrumentPaths = {
  PRE_TEST: "pre-test",
  POST_TEST: "post-test",
  FEEDBACK: "feedback",
} as const satisfies Record<InstrumentKind, string>;

export type InstrumentPath = (typeof instrumentPaths)[InstrumentKind];

export function kindOfPath(path: string): InstrumentKind | undefined {
  return instrumentKinds.find((kind) => instrumentPaths[kind] === path);
}

export const instrumentKindSchema = z.enum(instrumentKinds);

const localDateTime = z.union([
  z.literal("").transform(() => undefined),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { error: "invalidDate" }),
]);

/**
 * An instrument's settings: when it opens and closes (wall-clock times in
 * the event's time zone; empty: opened and closed by the buttons), a feedback
 * survey's anonymity and satisfaction question, a post-test's threshold and
 * whether it asks the pre-test's questions.
 */
export const instrumentSettingsSchema = z
  .object({
    opensAt: localDateTime.default(""),
    closesAt: localDateTime.default(""),
    anonymous: z.boolean().default(false),
    sharesPreTestQuestions: z.boolean().default(false),
    improvementThreshold: z.coerce
      .number({ error: "invalidNumber" })
      .refine(Number.isFinite, { error: "invalidNumber" })
      .gt(0, { error: "tooSmall" })
      .max(1000, { error: "tooLarge" })
      .default(1),
    satisfactionQuestionId: z.union([z.literal(""), z.uuid({ error: "invalidChoice" })]).default(""),
  })
  .superRefine((input, ctx) => {
    if (input.closesAt && !input.opensAt)
      ctx.addIssue({ code: "custom", message: "required", path: ["opensAt"] });
    if (input.opensAt && input.closesAt && input.closesAt <= input.opensAt)
      ctx.addIssue({ code: "custom", message: "tooEarly", path: ["closesAt"] });
  });

export type InstrumentSettings = z.output<typeof instrumentSettingsSchema>;

/** The organizer's buttons: open now, or close now. */
export const instrumentSwitchSchema = z.object({ to: z.enum(["open", "close"]) });

/** What the room's QR page opens: the instruments answered in the room, at the seminar's end. */
export const roomKinds: readonly InstrumentKind[] = ["POST_TEST", "FEEDBACK"];

/** The room's QR page: a check-in code (as typed: spaces and dashes go) and a last name. */
export const roomLookupSchema = z.object({
  code: z.string().trim().min(1, { error: "required" }).max(20, { error: "tooLong" }),
  lastName: z.string().trim().min(1, { error: "required" }).max(100, { error: "tooLong" }),
});
