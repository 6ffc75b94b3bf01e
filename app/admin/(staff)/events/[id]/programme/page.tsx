import { getLocale, getTranslations } from "next-intl/server";
import { SessionForm, type SessionInitial, SpeakerForm } from "@/components/admin/programme-editor";
import { ActionForm } from "@/components/forms/action-form";
import { HandoutUploadForm } from "@/components/handouts/handout-upload-form";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { zonedParts } from "@/lib/events/rules";
import { announceHandoutsAction, removeHandoutAction } from "@/lib/handouts/actions";
import { listHandouts } from "@/lib/handouts/data";
import { fileSizeText, handoutPath, handoutVisibilities } from "@/lib/handouts/schema";
import { formatTime, formatWeekdayDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { deleteSessionAction, saveSessionAction, saveSpeakerAction } from "@/lib/programme/actions";
import { getProgrammeSessions, listSpeakers } from "@/lib/programme/data";
import { overlapWarnings, programmeByDay } from "@/lib/programme/rules";
import { countryChoices, countryName } from "@/lib/programme/schema";
import { requireStaffEvent } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function EventProgrammePage({ params }: PageProps<"/admin/events/[id]/programme">) {
  const { id } = await params;
  const { event } = await requireStaffEvent({ id, permission: "event.content" });
  const [t, locale, sessions, speakers, handouts] = await Promise.all([
    getTranslations("admin.programme"),
    getLocale() as Promise<Locale>,
    getProgrammeSessions({ eventId: event.id }),
    listSpeakers(),
    listHandouts({ eventId: event.id, visibilities: handoutVisibilities }),
  ]);
  const where = { locale, timeZone: event.timeZone };
  const local = (instant: Date) => zonedParts(instant, event.timeZone).time;
  const days = event.days.map((day) => ({
    id: day.id,
    label: formatWeekdayDate(day.startsAt, where),
    hours: `${local(day.startsAt)}–${local(day.endsAt)}`,
  }));
  const countries = countryChoices(locale);
  const speakerChoices = speakers.map((speaker) => ({
    id: speaker.id,
    label: [speaker.name, speaker.organization, speaker.country && countryName(speaker.country, locale)]
      .filter(Boolean)
      .join(", "),
  }));
  const clashes = overlapWarnings(sessions);
  const sessionChoices = sessions.map((session) => ({
    id: session.id,
    label: `${formatWeekdayDate(session.startsAt, where)}, ${formatTime(session.startsAt, where)} — ${session.title.ru}`,
  }));
  const sessionLabel = new Map(sessionChoices.map((choice) => [choice.id, choice.label]));
  const blankSession = (dayId: string, start: string): SessionInitial => ({
    dayId,
    kind: "SESSION",
    start,
    end: "",
    title: null,
    description: null,
    room: "",
    speakerIds: [],
  });
  return (
    <div className="space-y-10">
      <PageHeader title={t("heading")}>
        <p className="text-stone-600">{t("intro")}</p>
      </PageHeader>
      {clashes.length > 0 && (
        <Notice tone="warning">
          {t("overlaps")}{" "}
          {clashes.map(([first, second]) => `«${first.title.ru}» / «${second.title.ru}»`).join("; ")}
        </Notice>
      )}
      {programmeByDay(event.days, sessions).map(({ day, sessions: daySessions }) => (
        <section key={day.id} aria-labelledby={`day-${day.id}`} className="space-y-3">
          <h2 id={`day-${day.id}`} className="text-xl font-semibold">
            {formatWeekdayDate(day.startsAt, where)}{" "}
            <span className="font-normal text-stone-600">
              {local(day.startsAt)}–{local(day.endsAt)}
            </span>
          </h2>
          {daySessions.length === 0 && <p className="text-stone-600">{t("emptyDay")}</p>}
          <ul className="space-y-2">
            {daySessions.map((session) => (
              <li key={session.id} className="rounded-lg border border-stone-200 bg-white">
                <details>
                  <summary className="flex min-h-11 cursor-pointer flex-wrap items-baseline gap-x-3 p-3">
                    <span className="tabular-nums">
                      {formatTime(session.startsAt, where)}–{formatTime(session.endsAt, where)}
                    </span>
                    <span className="font-medium">{session.title.ru}</span>
                    <span className="text-sm text-stone-600">{t(`kinds.${session.kind}`)}</span>
                  </summary>
                  <div className="space-y-4 border-t border-stone-200 p-3">
                    <SessionForm
                      action={saveSessionAction.bind(null, { eventId: event.id, sessionId: session.id })}
                      days={days}
                      speakers={speakerChoices}
                      submitLabel={t("save")}
                      initial={{
                        dayId: session.dayId,
                        kind: session.kind,
                        start: local(session.startsAt),
                        end: local(session.endsAt),
                        title: session.title,
                        description: session.description,
                        room: session.room ?? "",
                        speakerIds: session.speakers.map((speaker) => speaker.id),
                      }}
                    />
                    <ActionForm
                      action={deleteSessionAction.bind(null, { eventId: event.id, sessionId: session.id })}
                    >
                      <Button type="submit" variant="danger">
                        {t("remove")}
                      </Button>
                    </ActionForm>
                  </div>
                </details>
              </li>
            ))}
          </ul>
          <details className="rounded-lg border border-dashed border-stone-300 bg-white">
            <summary className="min-h-11 cursor-pointer p-3 font-medium text-brand-700">{t("add")}</summary>
            <div className="border-t border-stone-200 p-3">
              <SessionForm
                action={saveSessionAction.bind(null, { eventId: event.id })}
                days={days}
                speakers={speakerChoices}
                submitLabel={t("add")}
                adds
                initial={blankSession(day.id, local(daySessions.at(-1)?.endsAt ?? day.startsAt))}
              />
            </div>
          </details>
        </section>
      ))}
      <Panel id="handouts" title={t("handouts.heading")}>
        {handouts.length === 0 && <p className="text-stone-600">{t("handouts.none")}</p>}
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white empty:hidden">
          {handouts.map((handout) => (
            <li key={handout.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
              <div className="space-y-0.5">
                <a href={handoutPath({ id: handout.id })} className="font-medium text-brand-700 underline">
                  {handout.title.ru}
                </a>
                <p className="text-sm text-stone-600">
                  {handout.fileName} · {fileSizeText(handout.size, locale)} ·{" "}
                  {t(`handouts.visibilities.${handout.visibility}`)} ·{" "}
                  {(handout.sessionId && sessionLabel.get(handout.sessionId)) ?? t("handouts.wholeEvent")}
                </p>
              </div>
              <ActionForm action={removeHandoutAction.bind(null, event.id)}>
                <input type="hidden" name="handoutId" value={handout.id} />
                <Button
                  type="submit"
                  variant="secondary"
                  aria-label={t("handouts.removeNamed", { name: handout.title.ru })}
                >
                  {t("handouts.remove")}
                </Button>
              </ActionForm>
            </li>
          ))}
        </ul>
        {handouts.some((handout) => handout.visibility !== "STAFF") && (
          <div className="space-y-2">
            <p className="text-sm text-stone-600">{t("handouts.announceHint")}</p>
            <ActionForm action={announceHandoutsAction.bind(null, event.id)}>
              <Button type="submit" variant="secondary">
                {t("handouts.announce")}
              </Button>
            </ActionForm>
          </div>
        )}
        <details className="rounded-lg border border-dashed border-stone-300 bg-white">
          <summary className="min-h-11 cursor-pointer p-3 font-medium text-brand-700">
            {t("handouts.add")}
          </summary>
          <div className="border-t border-stone-200 p-3">
            <HandoutUploadForm eventId={event.id} sessions={sessionChoices} />
          </div>
        </details>
      </Panel>
      <Panel id="speakers" title={t("speakers")} hint={t("speakersIntro")}>
        <ul className="space-y-2">
          {speakers.map((speaker) => (
            <li key={speaker.id} className="rounded-lg border border-stone-200 bg-white">
              <details>
                <summary className="min-h-11 cursor-pointer p-3">
                  <span className="font-medium">{speaker.name}</span>
                  {speaker.organization && <span className="text-stone-600">, {speaker.organization}</span>}
                  <span className="text-sm text-stone-600">
                    {" "}
                    · {t("sessionCount", { count: speaker.sessionCount })}
                  </span>
                </summary>
                <div className="border-t border-stone-200 p-3">
                  <SpeakerForm
                    action={saveSpeakerAction.bind(null, { eventId: event.id, speakerId: speaker.id })}
                    submitLabel={t("save")}
                    countries={countries}
                    initial={{
                      name: speaker.name,
                      organization: speaker.organization ?? "",
                      country: speaker.country ?? "",
                      bio: speaker.bio,
                    }}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <details className="rounded-lg border border-dashed border-stone-300 bg-white">
          <summary className="min-h-11 cursor-pointer p-3 font-medium text-brand-700">
            {t("addSpeaker")}
          </summary>
          <div className="border-t border-stone-200 p-3">
            <SpeakerForm
              action={saveSpeakerAction.bind(null, { eventId: event.id })}
              submitLabel={t("addSpeaker")}
              countries={countries}
              adds
              initial={{ name: "", organization: "", country: "", bio: null }}
            />
          </div>
        </details>
      </Panel>
    </div>
  );
}
