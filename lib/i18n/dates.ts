import type { Locale } from "@/lib/i18n/routing";

// Every date a person reads is shown in the event's time zone, whatever the
// server's or the reader's zone is.

/** For times that belong to no event (the staff mailbox): where Kattoo's organizers work. */
export const STAFF_TIME_ZONE = "Asia/Bishkek";

type Where = { locale: Locale; timeZone: string };

const styles = {
  date: { dateStyle: "long" },
  dateTime: { dateStyle: "long", timeStyle: "short" },
  // 24-hour in every language: a phone's browser without Kyrgyz data would fall back to "10:00 PM".
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  weekdayDate: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

// Making a DateTimeFormat costs a fraction of a millisecond (it loads the
// locale's and the zone's data); a list of 50 dates made one each. A handful
// of locales, zones and styles: the cache stays small.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof styles, { locale, timeZone }: Where) {
  const key = `${style} ${locale} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...styles[style], timeZone });
    formatters.set(key, format);
  }
  return format;
}

export function formatDate(date: Date, where: Where) {
  return formatter("date", where).format(date);
}

export function formatDateTime(date: Date, where: Where) {
  return formatter("dateTime", where).format(date);
}

export function formatTime(date: Date, where: Where) {
  return formatter("time", where).format(date);
}

export function formatWeekdayDate(date: Date, where: Where) {
  return formatter("weekdayDate", where).format(date);
}

/** "2–3 May 2026" style range of an event's days. */
export function formatDateRange(start: Date, end: Date, where: Where) {
  return formatter("date", where).formatRange(start, end);
}
