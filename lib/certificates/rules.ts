import { eventHasEnded } from "@/lib/events/rules";

/**
 * A certificate goes to a confirmed participant present on at least the
 * event's minimum number of days, once the event's last day is over (until
 * then attendance is not complete); an event without a minimum gives none.
 */
export function qualifiesForCertificate({
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
