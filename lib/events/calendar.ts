import { createEvents, type EventAttributes } from "ics";
import { localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";

type CalendarEvent = {
  id: string;
  title: unknown;
  summary: unknown;
  venueName: unknown;
  venueAddress: unknown;
  contactEmail: string | null;
  days: { startsAt: Date; endsAt: Date }[];
  parties: { role: string; name: unknown }[];
};

/**
 * The event as an iCalendar file: one entry per day, in UTC, so every
 * calendar shows it at the right hour in the reader's own zone.
 */
export function eventCalendar({
  event,
  locale,
  url,
}: {
  event: CalendarEvent;
  locale: Locale;
  url: string;
}): string {
  const title = localize(event.title, locale);
  const organizer = event.parties.find((party) => party.role === "ORGANIZER");
  const entries: EventAttributes[] = event.days.map((day, index) => ({
    uid: `${event.id}-day-${index + 1}@kattoo`,
    title: event.days.length > 1 ? `${title} (${index + 1}/${event.days.length})` : title,
    start: day.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: day.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    location: `${localize(event.venueName, locale)}, ${localize(event.venueAddress, locale)}`,
    description: `${localize(event.summary, locale)}\n\n${url}`,
    url,
    productId: "kattoo",
    calName: title,
    ...(event.contactEmail && organizer
      ? { organizer: { name: localize(organizer.name, locale), email: event.contactEmail } }
      : {}),
  }));
  const { error, value } = createEvents(entries);
  if (error || !value) throw error ?? new Error("The calendar could not be made.");
  return value;
}
