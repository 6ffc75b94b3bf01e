import type { Locale } from "@/lib/i18n/routing";

// Every date a person reads is shown in the event's time zone, whatever the
// server's or the reader's zone is.

/** For times that belong to no event (the staff mailbox): where Kattoo's organizers work. */
export const STAFF_TIME_ZONE = "Asia/Bishkek";

export function formatDate(date: Date, { locale, timeZone }: { locale: Locale; timeZone: string }) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date);
}

export function formatDateTime(date: Date, { locale, timeZone }: { locale: Locale; timeZone: string }) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(date);
}

export function formatTime(date: Date, { locale, timeZone }: { locale: Locale; timeZone: string }) {
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }).format(date);
}

export function formatWeekdayDate(date: Date, { locale, timeZone }: { locale: Locale; timeZone: string }) {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone,
  }).format(date);
}

/** "2–3 May 2026" style range of an event's days. */
export function formatDateRange(
  start: Date,
  end: Date,
  { locale, timeZone }: { locale: Locale; timeZone: string },
) {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).formatRange(start, end);
}
