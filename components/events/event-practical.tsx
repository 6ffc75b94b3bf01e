import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import type { PublicEvent } from "@/lib/events/data";
import { localize } from "@/lib/events/schema";
import { formatTime, formatWeekdayDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { mapLink } from "@/lib/images/rules";

type PracticalEvent = Pick<
  PublicEvent,
  "slug" | "timeZone" | "days" | "venueName" | "venueAddress" | "venueLatitude" | "venueLongitude"
>;

/** The event's days as an .ics file in the reader's language: a file, so a plain link. */
export async function CalendarLink({ slug, locale }: { slug: string; locale: Locale }) {
  const t = await getTranslations("event");
  return (
    <a href={`/api/events/${slug}/calendar.ics?lang=${locale}`} className={buttonClass("secondary")} download>
      {t("calendar")}
    </a>
  );
}

/**
 * When and where: each day with its hours, the venue with its map link, and
 * (where asked) the calendar file. The one home of this block, on the
 * event's page, after registering and on the participant's page.
 */
export async function EventPractical({
  event,
  locale,
  calendar = false,
}: {
  event: PracticalEvent;
  locale: Locale;
  calendar?: boolean;
}) {
  const t = await getTranslations("event");
  const zone = { locale, timeZone: event.timeZone };
  const venue = localize(event.venueName, locale);
  const address = localize(event.venueAddress, locale);
  return (
    <section
      aria-labelledby="event-days"
      className="rounded-lg border border-stone-200 bg-white p-4"
      data-testid="event-practical"
    >
      <h2 id="event-days" className="font-semibold">
        {t("programme")}
      </h2>
      <ul className="mt-2 space-y-1">
        {event.days.map((day) => (
          <li key={day.id}>
            {/* Inline-block: ::first-letter capitalizes the weekday only in a block. */}
            <span className="inline-block first-letter:uppercase">
              {formatWeekdayDate(day.startsAt, zone)}
            </span>
            , {t("dayTime", { start: formatTime(day.startsAt, zone), end: formatTime(day.endsAt, zone) })}
          </li>
        ))}
      </ul>
      <h2 className="mt-4 font-semibold">{t("venue")}</h2>
      <p>{venue}</p>
      <p className="text-sm text-stone-600">{address}</p>
      <a
        href={mapLink({
          latitude: event.venueLatitude,
          longitude: event.venueLongitude,
          address: `${venue}, ${address}`,
        })}
        className="mt-1 inline-block text-sm text-brand-700 underline"
        rel="noopener noreferrer"
      >
        {t("map")}
      </a>
      {calendar && (
        <div className="mt-4">
          <CalendarLink slug={event.slug} locale={locale} />
        </div>
      )}
    </section>
  );
}
