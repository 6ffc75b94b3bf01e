import type { PublicEvent } from "@/lib/events/data";
import { registrationState } from "@/lib/events/rules";
import { type EventForm, type QuestionDefinition, SCALE_MAX, SCALE_MIN } from "@/lib/questions/schema";

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
  now = new Date(),
}: {
  event: PublicEvent;
  form: EventForm;
  placesTaken: Readonly<Record<string, number>>;
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
  };
}
