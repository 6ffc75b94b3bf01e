// The letters Kattoo sends. Each is an outbox row naming one of these; the
// worker renders it from the registration as it is when the letter goes out.

export const letterTemplates = [
  "registration-pending",
  "registration-confirmed",
  "registration-waitlisted",
  "registration-promoted",
  "registration-declined",
  "registration-cancelled",
  "manage-link",
  "reminder",
  "organizer-message",
  "certificate",
  "handouts-online",
  "instrument-opened",
  "instrument-reminder",
] as const;

export type LetterTemplate = (typeof letterTemplates)[number];

/** The letter that tells a participant their registration entered a status. */
export const statusLetter = {
  PENDING: "registration-pending",
  CONFIRMED: "registration-confirmed",
  WAITLISTED: "registration-waitlisted",
  DECLINED: "registration-declined",
  CANCELLED: "registration-cancelled",
} as const satisfies Record<string, LetterTemplate>;
