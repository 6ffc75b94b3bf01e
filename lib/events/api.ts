import type { PublicEvent } from "@/lib/events/data";
import { registrationState } from "@/lib/events/rules";
import type { HandoutListing } from "@/lib/handouts/data";
import { handoutPath } from "@/lib/handouts/schema";
import { type ProgrammeSession, programmeByDay } from "@/lib/programme/rules";
import { type EventForm, type QuestionDefinition, SCALE_MAX, SCALE_MIN } from "@/lib/questions/schema";

/** A localized text with every language a client may show, Russian where a translation is missing. */
const everyLanguage = (text: { ru: string; ky?: string; en?: string }) => ({
  ru: text.ru,
  ky: text.ky || text.ru,
  en: text.en || text.ru,
});

/** A public handout as a client lists it: its download address, never its bytes. */
function handoutForApi(handout: HandoutListing) {
  return {
    title: everyLanguage(handout.title),
    fileName: handout.fileName,
    type: handout.contentType,
    size: handout.size,
    url: handoutPath({ id: handout.id }),
  };
}

/** The programme per day: every day of the event, its sessions in reading order, each with its public handouts. */
function programmeForApi(event: PublicEvent, sessions: ProgrammeSession[], handouts: HandoutListing[]) {
  return programmeByDay(event.days, sessions).map(({ day, sessions: daySessions }) => ({
    date: day.date.toISOString().slice(0, 10),
    sessions: daySessions.map((session) => ({
      startsAt: session.startsAt.toISOString(),
      endsAt: session.endsAt.toISOString(),
      kind: session.kind,
      title: everyLanguage(session.title),
      room: session.room,
      speakers: session.speakers.map(({ name, organization, country }) => ({ name, organization, country })),
      handouts: handouts.filter((handout) => handout.sessionId === session.id).map(handoutForApi),
    })),
  }));
}

/** An event's question as a client needs it to ask it: what to send in `answers`, and what is left. */
function questionForApi(question: QuestionDefinition, placesTaken: Readonly<Record<string, number>>) {
  const [min, max] =
    question.type === "NUMBER"
      ? [question.minNumber, question.maxNumber]
      : question.type === "DATE"
        ? [question.minDate, question.maxDate]
        : question.type === "SCALE"
          ? [SCALE_MIN, SCALE_MAX]
          : [null, null];
  return {
    id: question.id,
    type: question.type,
    required: question.required,
    label: question.label,
    help: question.help,
    min,
    max,
    options: question.options.map((option) => ({
      id: option.id,
      label: option.label,
      placesLeft: option.places === null ? null : Math.max(0, option.places - (placesTaken[option.id] ?? 0)),
    })),
    showIf: question.condition,
  };
}

/** The public JSON form of an event (GET /api/events/<slug>, documented in the README). */
export function eventSummaryForApi({
  event,
  form,
  placesTaken,
  sessions,
  handouts,
  now = new Date(),
}: {
  event: PublicEvent;
  form: EventForm;
  placesTaken: Readonly<Record<string, number>>;
  sessions: ProgrammeSession[];
  /** The event's public handouts. */
  handouts: HandoutListing[];
  now?: Date;
}) {
  return {
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    timeZone: event.timeZone,
    venue: { name: event.venueName, address: event.venueAddress },
    days: event.days.map((day) => ({
      date: day.date.toISOString().slice(0, 10),
      startsAt: day.startsAt.toISOString(),
      endsAt: day.endsAt.toISOString(),
    })),
    registration: {
      state: registrationState({ event, lastDayEndsAt: event.days.at(-1)?.endsAt, now }),
      opensAt: event.registrationOpensAt?.toISOString() ?? null,
      closesAt: event.registrationClosesAt?.toISOString() ?? null,
      requiresApproval: event.requiresApproval,
    },
    seats: {
      capacity: event.capacity,
      reserved: event.seats.quotas,
      left: { total: event.seats.total, byCategory: event.seats.byCategory },
    },
    /** How the built-in fields are asked (REQUIRED, OPTIONAL, HIDDEN) and the event's own wording of two. */
    fields: form.fields,
    regions: form.regions,
    questions: form.questions.map((question) => questionForApi(question, placesTaken)),
    /** The travel group, when the event asks it: the dates it accepts, and whether it asks for a passport number. */
    travel: form.travel && { from: form.travel.from, to: form.travel.to, passport: form.travel.passport },
    programme: programmeForApi(event, sessions, handouts),
    /** The public handouts of the event as a whole (a session's are under the session). */
    handouts: handouts.filter((handout) => handout.sessionId === null).map(handoutForApi),
  };
}
