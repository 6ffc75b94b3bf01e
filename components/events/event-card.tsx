import { getTranslations } from "next-intl/server";
import { localize } from "@/lib/events/schema";
import { formatDateRange } from "@/lib/i18n/dates";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

type CardEvent = {
  slug: string;
  title: unknown;
  summary: unknown;
  venueName: unknown;
  timeZone: string;
  days: { startsAt: Date; endsAt: Date }[];
};

export async function EventCard({
  event,
  locale,
  prominent = false,
}: {
  event: CardEvent;
  locale: Locale;
  prominent?: boolean;
}) {
  const t = await getTranslations("home");
  const first = event.days[0];
  const last = event.days.at(-1);
  return (
    <article className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm sm:p-6">
      {first && last && (
        <p className="text-sm font-medium text-brand-700">
          {formatDateRange(first.startsAt, last.endsAt, { locale, timeZone: event.timeZone })} ·{" "}
          {localize(event.venueName, locale)}
        </p>
      )}
      <h3 className={prominent ? "mt-1 text-xl font-semibold" : "mt-1 font-semibold"}>
        <Link href={`/events/${event.slug}`} className="hover:underline">
          {localize(event.title, locale)}
        </Link>
      </h3>
      {prominent && (
        <>
          <p className="mt-2 text-stone-700">{localize(event.summary, locale)}</p>
          <Link
            href={`/events/${event.slug}`}
            className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700"
          >
            {t("more")}
          </Link>
        </>
      )}
    </article>
  );
}
