import { z } from "zod";

// What a door phone sends: marks made (perhaps offline) and undos, in the
// order they were made. Each mark carries an id made on the phone, so a
// resend is recognised and never makes a second row.

export const CHECK_IN_CODE_PATTERN = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{7}$/;

export const markOperationSchema = z.object({
  kind: z.literal("mark"),
  clientMarkId: z.uuid(),
  registrationId: z.uuid(),
  eventDayId: z.uuid(),
  /** When the phone recorded it; the server keeps it unless it lies in the future. */
  markedAt: z.iso.datetime(),
  /** Someone not confirmed, let in by an organizer. */
  admit: z.boolean().default(false),
});

export const undoOperationSchema = z.object({
  kind: z.literal("undo"),
  clientMarkId: z.uuid(),
  /** When the undo was tapped, which may be long before an offline phone sends it. */
  requestedAt: z.iso.datetime(),
});

export const checkInBatchSchema = z.object({
  eventId: z.uuid(),
  operations: z
    .array(z.discriminatedUnion("kind", [markOperationSchema, undoOperationSchema]))
    .min(1)
    .max(50),
});

export type MarkOperation = z.infer<typeof markOperationSchema>;
export type UndoOperation = z.infer<typeof undoOperationSchema>;
export type CheckInOperation = MarkOperation | UndoOperation;

export type OperationResult =
  | { clientMarkId: string; status: "recorded" | "undone" }
  | { clientMarkId: string; status: "already_present"; markedAt: string; markedBy: string | null }
  | { clientMarkId: string; status: "not_confirmed" | "not_found" | "not_begun" | "expired" | "forbidden" };

/** The door's copy of an event's participants and marks, kept on the phone for offline use. */
export type Roster = {
  fetchedAt: string;
  participants: RosterParticipant[];
  marks: RosterMark[];
};

export type RosterParticipant = {
  id: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  organization: string;
  code: string;
  status: "PENDING" | "CONFIRMED" | "WAITLISTED" | "DECLINED" | "CANCELLED";
};

export type RosterMark = {
  registrationId: string;
  eventDayId: string;
  markedAt: string;
  markedBy: string | null;
  clientMarkId: string | null;
};

export const rosterQuerySchema = z.object({ eventId: z.uuid() });

/** An organizer's change of one cell of the attendance grid. */
export const attendanceCellSchema = z.object({
  eventId: z.uuid(),
  registrationId: z.uuid(),
  eventDayId: z.uuid(),
  present: z.enum(["1", "0"]).transform((value) => value === "1"),
});
