/**
 * A certificate goes to a confirmed participant present on at least the
 * event's minimum number of days; an event without a minimum gives none.
 */
export function qualifiesForCertificate({
  status,
  daysAttended,
  minDays,
}: {
  status: string;
  daysAttended: number;
  minDays: number | null;
}): boolean {
  return minDays !== null && status === "CONFIRMED" && daysAttended >= minDays;
}
