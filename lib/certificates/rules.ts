import { eventHasEnded } from "@/lib/events/rules";
import type { InstrumentKind } from "@/lib/generated/prisma/enums";

/**
 * Attended enough for a certificate: a confirmed participant present on at
 * least the event's minimum number of days, once the event's last day is over
 * (until then attendance is not complete); an event without a minimum gives none.
 */
export function attendedForCertificate({
  status,
  daysAttended,
  minDays,
  lastDayEndsAt,
  now,
}: {
  status: string;
  daysAttended: number;
  minDays: number | null;
  lastDayEndsAt: Date | undefined;
  now: Date;
}): boolean {
  return (
    minDays !== null &&
    status === "CONFIRMED" &&
    daysAttended >= minDays &&
    eventHasEnded({ lastDayEndsAt, now })
  );
}

/** The instruments a certificate may wait for, in the order the participant's page names them. */
export const certificateInstruments = ["POST_TEST", "FEEDBACK"] as const satisfies readonly InstrumentKind[];

export type CertificateInstrument = (typeof certificateInstruments)[number];

/** What an event's certificate waits for besides attendance. */
export function requiredInstruments(event: {
  certificateRequiresPostTest: boolean;
  certificateRequiresFeedback: boolean;
}): CertificateInstrument[] {
  return certificateInstruments.filter((kind) =>
    kind === "POST_TEST" ? event.certificateRequiresPostTest : event.certificateRequiresFeedback,
  );
}

export type CertificateStanding = {
  qualifies: boolean;
  /** What is still to be submitted by someone who attended enough: their page says so. Empty otherwise. */
  missing: CertificateInstrument[];
};

/**
 * The one answer to "may this participant have a certificate": attended
 * enough (`attendedForCertificate`) and submitted every instrument the event
 * requires (`submitted`: a response of theirs, or an anonymous survey's ballot).
 */
export function certificateStanding({
  required,
  submitted,
  ...attendance
}: Parameters<typeof attendedForCertificate>[0] & {
  required: readonly CertificateInstrument[];
  submitted: readonly InstrumentKind[];
}): CertificateStanding {
  if (!attendedForCertificate(attendance)) return { qualifies: false, missing: [] };
  const missing = required.filter((kind) => !submitted.includes(kind));
  return { qualifies: missing.length === 0, missing };
}

/** How many of those who attended enough miss each instrument: a bulk send says whom it skipped, and why. */
export function countMissing(standings: readonly CertificateStanding[]) {
  const skipped = standings.filter((standing) => standing.missing.length > 0);
  return {
    skipped: skipped.length,
    withoutPostTest: skipped.filter((standing) => standing.missing.includes("POST_TEST")).length,
    withoutFeedback: skipped.filter((standing) => standing.missing.includes("FEEDBACK")).length,
  };
}
