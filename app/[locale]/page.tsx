import { getTranslations, setRequestLocale } from "next-intl/server";
import { EventCard } from "@/components/events/event-card";
import { listPublicEvents } from "@/lib/events/data";
import type { Locale } from "@/lib/i18n/routing";

// Seats and event lists change with every registration.
export const dynamic = "force-dynamic";

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const locale = (await params).locale as Locale;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const { upcoming, past } = await listPublicEvents();
  return (
    <div className="space-y-10">
      <h1 className="text-2xl font-semibold sm:text-3xl">{t("title")}</h1>
      <section aria-labelledby="upcoming" className="space-y-4">
        <h2 id="upcoming" className="text-lg font-semibold text-stone-700">
          {t("upcoming")}
        </h2>
        {upcoming.length === 0 ? (
          <p className="text-stone-600">{t("noUpcoming")}</p>
        ) : (
          <ul className="space-y-4">
            {upcoming.map((event) => (
              <li key={event.id}>
                <EventCard event={event} locale={locale} prominent />
              </li>
            ))}
          </ul>
        )}
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past" className="space-y-4">
          <h2 id="past" className="text-lg font-semibold text-stone-700">
            {t("past")}
          </h2>
          <ul className="space-y-3">
            {past.map((event) => (
              <li key={event.id}>
                <EventCard event={event} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
