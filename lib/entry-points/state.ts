import type { FormValues } from "@/lib/forms/form-data";

// What a server action answers (lib/entry-points/action.ts), as the forms
// that render it know it: shared by the server and the browser.

/** The state before the form was ever submitted. */
export type Idle = { status: "idle" };
export const idle: Idle = { status: "idle" };

/** What the layer itself answers, whatever the action. */
export type ActionFailure =
  | { status: "invalid"; fieldErrors: Record<string, string>; values: FormValues }
  | { status: "failed"; code: "bad_request" | "server_error" }
  | { status: "failed"; code: "rate_limited"; retryAfterSeconds: number };

export type ActionState<Result> = Idle | ActionFailure | Result;

/** Messages of "actions.done" in lib/i18n/messages. */
export type DoneMessage =
  | "saved"
  | "noteSaved"
  | "letterQueued"
  | "bulkChanged"
  | "written"
  | "certificatesSaved"
  | "certificatesQueued"
  | "certificatesQueuedSkipping"
  | "letterRetried"
  | "letterNotRetried"
  | "statusChanged"
  | "imageRemoved"
  | "handoutRemoved"
  | "registrationStatusChanged"
  | "emailCorrected"
  | "testMessageQueued";

/**
 * Something was done; the message says what, with the figures it names. No
 * message: the page itself shows the change (a ticked attendance cell).
 */
export type Done = { status: "done"; message?: DoneMessage; figures?: Record<string, number> };

export function done(message?: DoneMessage, figures?: Record<string, number>): Done {
  return { status: "done", message, figures };
}

/** Messages of "actions.refused" in lib/i18n/messages. */
export type RefusedMessage =
  | "dayNotBegun"
  | "noSeat"
  | "sameStatus"
  | "statusNotAllowed"
  | "emailUnchanged"
  | "emailTaken"
  | "notOfEvent"
  | "reminderTooSoon"
  | "instrumentNotOpen"
  | "noPostTest"
  | "noFeedbackSurvey"
  | "roomNotFound";

/** The action was understood and refused by a rule; the message says which. */
export type Refused = { status: "refused"; message: RefusedMessage };

export function refused(message: RefusedMessage): Refused {
  return { status: "refused", message };
}
