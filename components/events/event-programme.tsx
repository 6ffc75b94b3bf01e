import { getTranslations } from "next-intl/server";
import { HandoutLinks } from "@/components/handouts/handout-links";
import type { PublicEvent } from "@/lib/events/data";
import { localize } from "@/lib/events/schema";
import type { HandoutListing } from "@/lib/handouts/data";
import { formatTime, formatWeekdayDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { type ProgrammeSession, programmeByDay } from "@/lib/programme/rules";
import { countryName } from "@/lib/programme/schema";

/** Who leads a session, as a reader takes it in: "Name (Organization, Country)". */
function speakerLine(speaker: ProgrammeSession["speakers"][number], locale: Locale) {
  const about = [speaker.organization, speaker.country && countryName(speaker.country, locale)].filter(
    Boolean,
  );
  return about.length > 0 ? `${speaker.name} (${about.join(", ")})` : speaker.name;
}

/**
 * The programme per day, one column on a phone: the time on its own line
 * above the title, the room and the speakers under it. Texts in the reader's
 * language, Russian where a translation is missing. A session's handouts
 * are listed under it; the event's own after the last day. */
export async function EventProgramme({
  event,
  sessions,
  handouts,
  locale,
}: {
  event: PublicEvent;
  sessions: ProgrammeSession[];
  handouts: HandoutListing[];
  locale: Locale;
}) {
  if (sessions.length === 0 && handouts.length === 0) return null;
  const ofSession = (id: string | null) => handouts.filter((handout) => handout.sessionId === id);
  const t = await getTranslations("event.schedule");
  const where = { locale, timeZone: event.timeZone };
  return (
    <section id="programme" aria-labelledby="programme-heading" className="space-y-4" data-testid="programme">
      <h2 id="programme-heading" className="text-xl font-semibold">
        {t("heading")}
      </h2>
      {programmeByDay(event.days, sessions)
        .filter((day) => day.sessions.length > 0)
        .map(({ day, sessions: daySessions }) => (
          <section key={day.id} aria-labelledby={`programme-${day.id}`} className="space-y-2">
            <h3 id={`programme-${day.id}`} className="font-semibold">
              {formatWeekdayDate(day.startsAt, where)}
            </h3>
            <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {daySessions.map((session) => (
                <li
                  key={session.id}
                  className={`space-y-1 p-3 sm:grid sm:grid-cols-[7rem_1fr] sm:gap-x-4 sm:space-y-0 ${
                    session.kind === "SESSION" ? "" : "bg-stone-50"
                  }`}
                >
                  <p className="text-sm font-medium tabular-nums text-stone-700">
                    <time dateTime={session.startsAt.toISOString()}>
                      {formatTime(session.startsAt, where)}
                    </time>
                    –<time dateTime={session.endsAt.toISOString()}>{formatTime(session.endsAt, where)}</time>
                  </p>
                  <div className="space-y-1">
                    <p className="font-medium">
                      {localize(session.title, locale)}
                      {session.kind !== "SESSION" && (
                        <span className="ml-2 rounded bg-stone-200 px-1.5 text-xs font-normal text-stone-700">
                          {t(`kinds.${session.kind}`)}
                        </span>
                      )}
                    </p>
                    {session.description && (
                      <p className="text-sm text-stone-700">{localize(session.description, locale)}</p>
                    )}
                    {session.room && (
                      <p className="text-sm text-stone-600">
                        {t("room")}: {session.room}
                      </p>
                    )}
                    {session.speakers.length > 0 && (
                      <p className="text-sm text-stone-700">
                        <span className="sr-only">{t("speakers")}: </span>
                        {session.speakers.map((speaker) => speakerLine(speaker, locale)).join("; ")}
                      </p>
                    )}
                    <HandoutLinks handouts={ofSession(session.id)} locale={locale} />
                  </div>
                </li>
              ))}
            </ol>
          </section>
        ))}
      {ofSession(null).length > 0 && (
        <section aria-labelledby="programme-materials" className="space-y-2">
          <h3 id="programme-materials" className="font-semibold">
            {t("eventMaterials")}
          </h3>
          <HandoutLinks handouts={ofSession(null)} locale={locale} />
        </section>
      )}
    </section>
  );
}
