import { dayHasBegun } from "@/lib/events/rules";

/**
 * Once the day has begun, the sheet shows who came: when anyone was marked
 * present, or when the day is over (nobody came). Before the day nobody can
 * have been present, whatever the table holds.
 */
export function showsPresence({
  day,
  timeZone,
  attendanceCount,
  now,
}: {
  day: { startsAt: Date; endsAt: Date };
  timeZone: string;
  attendanceCount: number;
  now: Date;
}): boolean {
  if (!dayHasBegun({ startsAt: day.startsAt, timeZone, now })) return false;
  return attendanceCount > 0 || day.endsAt <= now;
}
