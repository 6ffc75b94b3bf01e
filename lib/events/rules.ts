import { TZDate } from "@date-fns/tz";

// Whether an event takes registrations now: one decision for the event page,
// the form, the JSON API and the allocation.

export type RegistrationState = "open" | "not_yet" | "closed" | "past";

export function registrationState({
  event,
  lastDayEndsAt,
  now,
}: {
  event: { status: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null };
  lastDayEndsAt: Date | undefined;
  now: Date;
}): RegistrationState {
  if (eventHasEnded({ lastDayEndsAt, now })) return "past";
  if (event.status !== "PUBLISHED") return "closed";
  if (event.registrationOpensAt && now < event.registrationOpensAt) return "not_yet";
  if (event.registrationClosesAt && now >= event.registrationClosesAt) return "closed";
  return "open";
}

// When an event's days count as begun and the event as over: one decision
// for the door, the attendance page, the signature sheet and certificates.
// A day begins at midnight of its date in the event's zone, not at its
// programme's first hour: people queue at the registration desk before the
// opening session, and the door must take them.

/** The instant from which a day's attendance may be marked: the start of its date in the event's zone. */
export function dayBeginsAt({ startsAt, timeZone }: { startsAt: Date; timeZone: string }): Date {
  return zonedInstant({ date: zonedParts(startsAt, timeZone).date, time: "00:00", timeZone });
}

/** Whether a day has begun: before that, nobody can have been present, and nothing is marked. */
export function dayHasBegun({ startsAt, timeZone, now }: { startsAt: Date; timeZone: string; now: Date }) {
  return dayBeginsAt({ startsAt, timeZone }) <= now;
}

/** Whether the event's last day is over: registration is past, and attendance complete enough for certificates. */
export function eventHasEnded({ lastDayEndsAt, now }: { lastDayEndsAt: Date | undefined; now: Date }) {
  return lastDayEndsAt !== undefined && lastDayEndsAt <= now;
}

/** The instant a wall-clock time ("2026-12-24", "09:00") names in a time zone. */
export function zonedInstant({
  date,
  time,
  timeZone,
}: {
  date: string;
  time: string;
  timeZone: string;
}): Date {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new TZDate(year, month - 1, day, hours, minutes, timeZone);
}

/** The wall-clock date and time of an instant in a time zone, as a form shows them. */
export function zonedParts(instant: Date, timeZone: string): { date: string; time: string } {
  const local = new TZDate(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    date: `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`,
    time: `${pad(local.getHours())}:${pad(local.getMinutes())}`,
  };
}

/** A calendar day ("2026-12-24") as the DATE column holds it: midnight UTC. */
export function calendarDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
