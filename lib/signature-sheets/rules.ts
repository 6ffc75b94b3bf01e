/** Once the day is over, or anyone was marked present, the sheet shows who came. */
export function showsPresence({
  dayEndsAt,
  attendanceCount,
  now,
}: {
  dayEndsAt: Date;
  attendanceCount: number;
  now: Date;
}): boolean {
  return attendanceCount > 0 || dayEndsAt <= now;
}
