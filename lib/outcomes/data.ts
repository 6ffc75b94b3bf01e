import "server-only";
import { normalizeCode } from "@/lib/check-in/rules";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InstrumentKind } from "@/lib/generated/prisma/enums";
import {
  type Chosen,
  instrumentState,
  type OutcomeParticipant,
  roomNameMatches,
  type Score,
  scoreResponse,
} from "@/lib/outcomes/rules";
import { instrumentKinds, roomKinds } from "@/lib/outcomes/schema";
import { getInstrumentQuestions } from "@/lib/questions/data";
import type { AnswerRow } from "@/lib/questions/rules";
import { unidentifyingAnswerTypes } from "@/lib/questions/schema";
import { compareByRussianName } from "@/lib/registrations/names";
import { hashToken } from "@/lib/registrations/tokens";

// Reads of an event's outcome instruments and of their responses
// (docs/decisions/032-outcome-instruments.md).

const instrumentSelect = {
  id: true,
  eventId: true,
  kind: true,
  opensAt: true,
  closesAt: true,
  anonymous: true,
  sharesPreTestQuestions: true,
  improvementThreshold: true,
  satisfactionQuestionId: true,
} as const;

/**
 * SQL, of an instrument `i` and a registration `r`: the participant is asked
 * to answer it and has not yet. Confirmed, and for a post-test or survey
 * present on at least one day; no response of theirs (a named one) and no
 * ballot (an anonymous one). Who gets the "it is open" letter and the
 * reminders (docs/decisions/039-instrument-letters.md).
 */
export const awaitingAnswer = Prisma.sql`r.event_id = i.event_id AND r.status = 'CONFIRMED'
  AND (i.kind = 'PRE_TEST' OR EXISTS (SELECT 1 FROM attendance a WHERE a.registration_id = r.id))
  AND NOT EXISTS (SELECT 1 FROM instrument_response x WHERE x.instrument_id = i.id AND x.registration_id = r.id)
  AND NOT EXISTS (SELECT 1 FROM instrument_ballot b WHERE b.instrument_id = i.id AND b.registration_id = r.id)`;

/** SQL: instrument `i` is open at `now` (as `instrumentState` says). */
export function openAt(now: Date) {
  return Prisma.sql`i.opens_at <= ${now} AND (i.closes_at IS NULL OR i.closes_at > ${now})`;
}

/** How many participants each of an event's instruments still awaits (`awaitingAnswer`): its reminder's reach. */
export async function countAwaitingAnswer({
  eventId,
}: {
  eventId: string;
}): Promise<Partial<Record<InstrumentKind, number>>> {
  const rows = await db.$queryRaw<{ kind: InstrumentKind; count: number }[]>`
    SELECT i.kind, count(r.id)::int AS count
    FROM instrument i JOIN registration r ON ${awaitingAnswer}
    WHERE i.event_id = ${eventId}::uuid
    GROUP BY i.kind`;
  return Object.fromEntries(rows.map((row) => [row.kind, row.count]));
}

/** An event's instruments, by kind, with how many responded to each: for its editor. */
export async function getInstruments({ eventId }: { eventId: string }) {
  const rows = await db.instrument.findMany({
    where: { eventId },
    select: { ...instrumentSelect, remindedAt: true, _count: { select: { responses: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, responses: _count.responses }));
}

export type InstrumentRow = Awaited<ReturnType<typeof getInstruments>>[number];

/**
 * The instrument whose questions an instrument asks: its own, or, for a
 * post-test that shares them, the pre-test's (a pre/post pair scores
 * question by question). Undefined when it shares them and there is no pre-test.
 */
export async function questionSource(instrument: {
  eventId: string;
  kind: InstrumentKind;
  id: string;
  sharesPreTestQuestions: boolean;
}): Promise<string | undefined> {
  if (instrument.kind !== "POST_TEST" || !instrument.sharesPreTestQuestions) return instrument.id;
  const pre = await db.instrument.findUnique({
    where: { eventId_kind: { eventId: instrument.eventId, kind: "PRE_TEST" } },
    select: { id: true },
  });
  return pre?.id;
}

/** Who answers: the participant of a personal link, or of a registration found in the room (its pass checked). */
export type Respondent = { token: string } | { registrationId: string };

/**
 * An instrument as a participant opens it with their personal link (or the
 * room's pass): their registration, its state now, its questions, and whether
 * they answered it already. Undefined for an unknown link or an event
 * without this instrument.
 */
export async function getParticipantInstrument({
  kind,
  now = new Date(),
  ...respondent
}: Respondent & {
  kind: InstrumentKind;
  now?: Date;
}) {
  const registration = await db.registration.findUnique({
    where:
      "token" in respondent
        ? { manageTokenHash: hashToken(respondent.token) }
        : { id: respondent.registrationId },
    select: { id: true, status: true, eventId: true },
  });
  if (!registration) return undefined;
  const instrument = await db.instrument.findUnique({
    where: { eventId_kind: { eventId: registration.eventId, kind } },
    select: instrumentSelect,
  });
  if (!instrument) return undefined;
  const source = await questionSource(instrument);
  const [{ questions, key }, answered] = await Promise.all([
    source ? getInstrumentQuestions({ instrumentId: source }) : { questions: [], key: {} },
    instrument.anonymous
      ? db.instrumentBallot.count({ where: { instrumentId: instrument.id, registrationId: registration.id } })
      : db.instrumentResponse.count({
          where: { instrumentId: instrument.id, registrationId: registration.id },
        }),
  ]);
  return {
    registration,
    instrument,
    state: instrumentState(instrument, now),
    questions,
    key,
    answered: answered > 0,
  };
}

export type ParticipantInstrument = NonNullable<Awaited<ReturnType<typeof getParticipantInstrument>>>;

/** Which of an event's instruments a registration can open now, and which it answered: its page's links. */
export async function getInstrumentLinks({
  registrationId,
  eventId,
  now = new Date(),
}: {
  registrationId: string;
  eventId: string;
  now?: Date;
}) {
  const rows = await db.instrument.findMany({
    where: { eventId },
    select: {
      kind: true,
      opensAt: true,
      closesAt: true,
      responses: { where: { registrationId }, select: { id: true } },
      ballots: { where: { registrationId }, select: { instrumentId: true } },
    },
  });
  return rows.map((row) => ({
    kind: row.kind,
    state: instrumentState(row, now),
    answered: row.responses.length + row.ballots.length > 0,
  }));
}

type StoredChoices = { answers: { questionId: string; options: { optionId: string }[] }[] };

/** The options a stored response chose, per question, as scoring reads them. */
function chosenIn(response: StoredChoices): Chosen {
  return Object.fromEntries(
    response.answers.map((answer) => [answer.questionId, answer.options.map((option) => option.optionId)]),
  );
}

/** The score of a test's stored response, by the key of the questions it asks. */
async function scoreOf(instrument: Parameters<typeof questionSource>[0], response: StoredChoices) {
  const source = await questionSource(instrument);
  const { key } = source ? await getInstrumentQuestions({ instrumentId: source }) : { key: {} };
  return scoreResponse(key, chosenIn(response));
}

/**
 * A registration's side of the event's instruments, for its staff page:
 * whether it answered each, and a test's score. Of an anonymous survey only
 * that it answered (its ballot).
 */
export async function getRegistrationOutcomes({
  registrationId,
  eventId,
}: {
  registrationId: string;
  eventId: string;
}) {
  const instruments = await db.instrument.findMany({
    where: { eventId },
    select: {
      ...instrumentSelect,
      responses: {
        where: { registrationId },
        select: { answers: { select: { questionId: true, options: { select: { optionId: true } } } } },
      },
      ballots: { where: { registrationId }, select: { instrumentId: true } },
    },
  });
  return Promise.all(
    instrumentKinds.flatMap((kind) => {
      const instrument = instruments.find((candidate) => candidate.kind === kind);
      if (!instrument) return [];
      const [response] = instrument.responses;
      return [
        (async () => ({
          kind,
          anonymous: instrument.anonymous,
          answered: response !== undefined || instrument.ballots.length > 0,
          score: response && kind !== "FEEDBACK" ? await scoreOf(instrument, response) : null,
        }))(),
      ];
    }),
  );
}

/**
 * What an event's outcomes are counted from (lib/outcomes/rules.ts): each
 * registration's sector, gender, whether it attended a day, its pre- and
 * post-test scores and its named rating; an anonymous survey's ratings apart,
 * tied to no one; and the post-test's threshold.
 */
export async function getOutcomeParticipants({ eventId }: { eventId: string }) {
  const [instruments, registrations] = await Promise.all([
    db.instrument.findMany({ where: { eventId }, select: instrumentSelect }),
    db.registration.findMany({
      where: { eventId },
      select: { id: true, category: true, gender: true, _count: { select: { attendance: true } } },
    }),
  ]);
  const of = (kind: InstrumentKind) => instruments.find((instrument) => instrument.kind === kind);
  const responsesOf = async (instrumentId: string | undefined) =>
    instrumentId
      ? db.instrumentResponse.findMany({
          where: { instrumentId },
          select: {
            registrationId: true,
            answers: {
              select: { questionId: true, numberValue: true, options: { select: { optionId: true } } },
            },
          },
        })
      : [];
  const scores = async (kind: "PRE_TEST" | "POST_TEST") => {
    const instrument = of(kind);
    const source = instrument && (await questionSource(instrument));
    if (!instrument || !source) return new Map<string, Score>();
    const [{ key }, responses] = await Promise.all([
      getInstrumentQuestions({ instrumentId: source }),
      responsesOf(instrument.id),
    ]);
    return new Map(
      responses.flatMap((response) => {
        if (!response.registrationId) return [];
        const chosen = Object.fromEntries(
          response.answers.map((answer) => [
            answer.questionId,
            answer.options.map((option) => option.optionId),
          ]),
        );
        return [[response.registrationId, scoreResponse(key, chosen)] as const];
      }),
    );
  };
  const survey = of("FEEDBACK");
  const [pre, post, feedback, ballots] = await Promise.all([
    scores("PRE_TEST"),
    scores("POST_TEST"),
    responsesOf(survey?.id),
    survey?.anonymous
      ? db.instrumentBallot.findMany({ where: { instrumentId: survey.id }, select: { registrationId: true } })
      : [],
  ]);
  const ratingOf = (response: (typeof feedback)[number]) =>
    response.answers.find((answer) => answer.questionId === survey?.satisfactionQuestionId)?.numberValue ??
    null;
  const named = new Map(
    feedback.flatMap((response) =>
      response.registrationId ? [[response.registrationId, response] as const] : [],
    ),
  );
  const answeredSurvey = new Set([...named.keys(), ...ballots.map((ballot) => ballot.registrationId)]);
  const people: OutcomeParticipant[] = registrations.map((registration) => {
    const response = named.get(registration.id);
    return {
      category: registration.category,
      gender: registration.gender,
      attended: registration._count.attendance > 0,
      pre: pre.get(registration.id) ?? null,
      post: post.get(registration.id) ?? null,
      rating: response ? ratingOf(response) : null,
      gaveFeedback: answeredSurvey.has(registration.id),
    };
  });
  return {
    people,
    threshold: of("POST_TEST")?.improvementThreshold ?? 1,
    /** An anonymous survey's ratings, tied to no one; null for a named survey or none. */
    anonymousRatings: survey?.anonymous
      ? feedback.flatMap((response) => {
          const rating = ratingOf(response);
          return rating === null ? [] : [rating];
        })
      : null,
  };
}

/**
 * A registration's own (named) responses, with their questions' labels, the
 * options chosen by their labels: for the personal-data download. An
 * anonymous survey's response names no one and is not among them.
 */
export async function getResponsesToShow({ registrationId }: { registrationId: string }) {
  const responses = await db.instrumentResponse.findMany({
    where: { registrationId },
    // Pre-test, post-test, survey: the kinds' order.
    orderBy: { instrument: { kind: "asc" } },
    select: {
      submittedOn: true,
      instrument: { select: { kind: true } },
      answers: {
        orderBy: { question: { position: "asc" } },
        select: {
          questionId: true,
          textValue: true,
          numberValue: true,
          dateValue: true,
          booleanValue: true,
          question: { select: { label: true } },
          options: { select: { option: { select: { label: true } } } },
        },
      },
    },
  });
  return responses.map((response) => ({
    instrument: response.instrument.kind,
    submittedOn: response.submittedOn.toISOString().slice(0, 10),
    answers: response.answers.map((answer) => ({
      questionId: answer.questionId,
      question: answer.question.label,
      answer:
        answer.options.length > 0
          ? answer.options.map((chosen) => chosen.option.label)
          : (answer.textValue ?? answer.numberValue ?? answer.dateValue ?? answer.booleanValue),
    })),
  }));
}

/**
 * Each of an event's instruments with one row per response, for the
 * statistics file. `personal` (the reader holds `event.contacts`): a named
 * response carries its participant's name, and every answer is there.
 * Otherwise, and always for an anonymous survey, a row names no one, and
 * only answers that identify no one (choices, yes/no, scales) are kept.
 * A named row has its sector and gender; an anonymous one neither. Rows
 * without a name are in the order of their random ids, which says nothing
 * of who answered when.
 */
export async function getResponseSheets({ eventId, personal }: { eventId: string; personal: boolean }) {
  const instruments = await db.instrument.findMany({ where: { eventId }, select: instrumentSelect });
  return Promise.all(
    instrumentKinds.flatMap((kind) => {
      const instrument = instruments.find((candidate) => candidate.kind === kind);
      if (!instrument) return [];
      return [
        (async () => {
          const source = await questionSource(instrument);
          const { questions, key } = source
            ? await getInstrumentQuestions({ instrumentId: source })
            : { questions: [], key: {} };
          const shown = personal && !instrument.anonymous;
          const asked = questions.filter(
            (question) => personal || (unidentifyingAnswerTypes as readonly string[]).includes(question.type),
          );
          const responses = await db.instrumentResponse.findMany({
            where: { instrumentId: instrument.id },
            orderBy: { id: "asc" },
            select: {
              answers: {
                where: { questionId: { in: asked.map((question) => question.id) } },
                select: {
                  questionId: true,
                  textValue: true,
                  numberValue: true,
                  dateValue: true,
                  booleanValue: true,
                  options: { select: { optionId: true } },
                },
              },
              registration: {
                select: { lastName: true, firstName: true, patronymic: true, category: true, gender: true },
              },
            },
          });
          const rows = responses.map((response) => {
            const answers: AnswerRow[] = response.answers.map((answer) => ({
              questionId: answer.questionId,
              textValue: answer.textValue,
              numberValue: answer.numberValue,
              dateValue: answer.dateValue?.toISOString().slice(0, 10) ?? null,
              booleanValue: answer.booleanValue,
              optionIds: answer.options.map((option) => option.optionId),
            }));
            const person = response.registration;
            return {
              person: shown && person ? person : null,
              category: person?.category ?? null,
              gender: person?.gender ?? null,
              score: kind === "FEEDBACK" ? null : scoreResponse(key, chosenIn(response)),
              answers: new Map(answers.map((answer) => [answer.questionId, answer])),
            };
          });
          if (shown)
            rows.sort((a, b) => (a.person && b.person ? compareByRussianName(a.person, b.person) : 0));
          return { kind, anonymous: instrument.anonymous, questions: asked, rows };
        })(),
      ];
    }),
  );
}

export type ResponseSheet = Awaited<ReturnType<typeof getResponseSheets>>[number];

/** What the outcomes' PDF summary names at its top: the event, its days and place, its organizers and funders. */
export async function getSummaryEvent({ eventId }: { eventId: string }) {
  return db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      slug: true,
      title: true,
      timeZone: true,
      venueName: true,
      venueAddress: true,
      days: { orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true } },
      parties: {
        where: { role: { in: ["ORGANIZER", "FUNDER"] } },
        orderBy: { position: "asc" },
        select: { role: true, name: true },
      },
    },
  });
}

export type SummaryEvent = NonNullable<Awaited<ReturnType<typeof getSummaryEvent>>>;

/**
 * The confirmed registration of an event that a check-in code and a last
 * name name together (`roomNameMatches`), for the room's QR page; null when
 * they do not, whichever of the two is wrong.
 */
export async function findRoomRegistration({
  slug,
  code,
  lastName,
}: {
  slug: string;
  code: string;
  lastName: string;
}): Promise<string | null> {
  const registration = await db.registration.findFirst({
    where: { event: { slug }, checkInCode: normalizeCode(code), status: "CONFIRMED" },
    select: { id: true, lastName: true },
  });
  return registration && roomNameMatches(registration.lastName, lastName) ? registration.id : null;
}

/** The event and the instruments a room pass opens: the post-test and the feedback survey, their state and whether answered. */
export async function getRoomInstruments({
  registrationId,
  now = new Date(),
}: {
  registrationId: string;
  now?: Date;
}) {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    select: { id: true, status: true, eventId: true, event: { select: { slug: true, title: true } } },
  });
  if (!registration) return null;
  const links = await getInstrumentLinks({ registrationId, eventId: registration.eventId, now });
  return { registration, instruments: links.filter((link) => roomKinds.includes(link.kind)) };
}
