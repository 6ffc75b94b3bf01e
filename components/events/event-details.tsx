import { getTranslations } from "next-intl/server";
import Markdown from "react-markdown";
import { CalendarLink, EventPractical } from "@/components/events/event-practical";
import { EventProgramme } from "@/components/events/event-programme";
import { StoredImage } from "@/components/images/stored-image";
import { buttonClass } from "@/components/ui/button";
import type { PublicEvent } from "@/lib/events/data";
import { registrationState } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import type { HandoutListing } from "@/lib/handouts/data";
import { formatDateTime } from "@/lib/i18n/dates";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import type { EventImageListing } from "@/lib/images/data";
import { telegramLink } from "@/lib/images/rules";
import { partyRoles } from "@/lib/images/schema";
import type { ProgrammeSession } from "@/lib/programme/rules";
import { participantCategories } from "@/lib/registrations/rules";

async function RegistrationCallout({ event, locale }: { event: PublicEvent; locale: Locale }) {
  const t = await getTranslations("event");
  const zone = { locale, timeZone: event.timeZone };
  const state = registrationState({ event, lastDayEndsAt: event.days.at(-1)?.endsAt, now: new Date() });
  const full = state === "open" && event.seats.total === 0;
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-brand-100 bg-brand-50 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div>
        <p className="font-semibold" data-testid="registration-state">
          {t(full ? "state.open_full" : `state.${state}`)}
        </p>
        {state === "open" && event.registrationClosesAt && (
          <p className="text-sm text-stone-700">
            {t("deadline", { date: formatDateTime(event.registrationClosesAt, zone) })}
          </p>
        )}
        {state === "not_yet" && event.registrationOpensAt && (
          <p className="text-sm text-stone-700">
            {t("opensAt", { date: formatDateTime(event.registrationOpensAt, zone) })}
          </p>
        )}
      </div>
      <div className="flex flex-col gap-2 sm:flex-row">
        {state === "open" && (
          <Link href={`/events/${event.slug}/register`} className={buttonClass()}>
            {t("register")}
          </Link>
        )}
        <CalendarLink slug={event.slug} locale={locale} />
      </div>
    </div>
  );
}

const partyHeadings = { ORGANIZER: "organizers", PARTNER: "partners", FUNDER: "funders" } as const;

/** The organizers' email, phone and Telegram, each a link that opens where a phone expects it. */
async function Contact({ event }: { event: PublicEvent }) {
  const t = await getTranslations("event");
  const telegram = event.contactTelegram ? telegramLink(event.contactTelegram) : null;
  if (!event.contactEmail && !event.contactPhone && !telegram) return null;
  const link = "break-all text-brand-700 underline";
  return (
    <section aria-labelledby="contact" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="contact" className="font-semibold">
        {t("contact")}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        {event.contactEmail && (
          <>
            <dt className="text-stone-700">{t("contactEmail")}</dt>
            <dd>
              <a href={`mailto:${event.contactEmail}`} className={link}>
                {event.contactEmail}
              </a>
            </dd>
          </>
        )}
        {event.contactPhone && (
          <>
            <dt className="text-stone-700">{t("contactPhone")}</dt>
            <dd>
              <a href={`tel:${event.contactPhone.replace(/[^\d+]/g, "")}`} className={link}>
                {event.contactPhone}
              </a>
            </dd>
          </>
        )}
        {telegram && (
          <>
            <dt className="text-stone-700">{t("contactTelegram")}</dt>
            <dd>
              <a href={telegram} className={link} rel="noopener noreferrer">
                @{event.contactTelegram}
              </a>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

export async function EventDetails({
  event,
  images,
  locale,
  sessions,
  handouts,
}: {
  event: PublicEvent;
  images: EventImageListing[];
  locale: Locale;
  /** The programme's sessions, shown per day after the description and audience. */
  sessions: ProgrammeSession[];
  /** The public handouts, under their sessions or after the programme. */
  handouts: HandoutListing[];
}) {
  const t = await getTranslations("event");
  const tc = await getTranslations("category");
  const cover = images.find((image) => image.kind === "COVER");
  return (
    <article className="space-y-8">
      {cover && (
        <StoredImage
          image={cover}
          alt={localize(cover.alt, locale)}
          fetchPriority="high"
          className="aspect-[2/1] h-auto w-full rounded-lg object-cover sm:aspect-[3/1]"
          data-testid="event-cover"
        />
      )}
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold leading-tight sm:text-3xl">{localize(event.title, locale)}</h1>
        <p className="text-lg text-stone-700">{localize(event.summary, locale)}</p>
        <RegistrationCallout event={event} locale={locale} />
      </header>

      <div className="grid gap-6 sm:grid-cols-2">
        <EventPractical event={event} locale={locale} />

        <section aria-labelledby="seats" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="seats" className="font-semibold">
            {t("seats")}
          </h2>
          <p className="mt-2" data-testid="seats-total">
            {t("seatsTotal", { left: event.seats.total, capacity: event.capacity })}
          </p>
          <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
            {participantCategories.map((category) => {
              const reserved = event.seats.quotas[category];
              const left = event.seats.byCategory[category];
              return (
                <div key={category} className="contents">
                  <dt className="text-stone-700">{tc(category)}</dt>
                  <dd className="text-right tabular-nums">
                    {reserved === undefined
                      ? t("seatsCategoryOpen", { left })
                      : t("seatsCategory", { left, seats: reserved })}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      </div>

      <section className="prose-kattoo space-y-4 leading-relaxed">
        <Markdown skipHtml>{localize(event.description, locale)}</Markdown>
      </section>

      <section aria-labelledby="audience">
        <h2 id="audience" className="font-semibold">
          {t("audience")}
        </h2>
        <p className="mt-1">{localize(event.audience, locale)}</p>
      </section>

      <EventProgramme event={event} sessions={sessions} handouts={handouts} locale={locale} />

      {partyRoles.map((role) => {
        const parties = event.parties.filter((party) => party.role === role);
        const logos = images.filter((image) => image.role === role);
        if (parties.length === 0 && logos.length === 0) return null;
        return (
          <section key={role} aria-labelledby={`parties-${role}`}>
            <h2 id={`parties-${role}`} className="font-semibold">
              {t(partyHeadings[role])}
            </h2>
            {logos.length > 0 && (
              <ul className="mt-2 flex flex-wrap items-center gap-x-6 gap-y-3" data-testid={`logos-${role}`}>
                {logos.map((logo) => (
                  <li key={logo.id}>
                    <StoredImage
                      image={logo}
                      alt={localize(logo.alt, locale)}
                      loading="lazy"
                      className="h-14 w-auto max-w-48 object-contain sm:h-16"
                    />
                  </li>
                ))}
              </ul>
            )}
            {parties.length > 0 && (
              <ul className="mt-2 list-disc space-y-1 pl-5">
                {parties.map((party) => (
                  <li key={party.id}>
                    {party.url ? (
                      <a href={party.url} className="text-brand-700 underline" rel="noopener noreferrer">
                        {localize(party.name, locale)}
                      </a>
                    ) : (
                      localize(party.name, locale)
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}

      <Contact event={event} />
    </article>
  );
}
