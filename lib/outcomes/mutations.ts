import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { fieldErrors } from "@/lib/forms/field-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InstrumentKind } from "@/lib/generated/prisma/enums";
import { awaitingAnswer, getParticipantInstrument, openAt, type Respondent } from "@/lib/outcomes/data";
import { type InstrumentWindow, instrumentState, switchedWindow } from "@/lib/outcomes/rules";
import type { InstrumentSettings } from "@/lib/outcomes/schema";
import { copyQuestions } from "@/lib/questions/mutations";
import { answerRows, answersSchema } from "@/lib/questions/rules";
import { ACTIVE_STATUSES } from "@/lib/registrations/rules";

// Writes of an event's outcome instruments and of their responses
// (docs/decisions/032-outcome-instruments.md).

type Tx = Prisma.TransactionClient;

/** An event's instrument of a kind, made (closed, without questions) the first time the organizer opens its editor. */
export async function ensureInstrument({ eventId, kind }: { eventId: string; kind: InstrumentKind }) {
  return db.instrument.upsert({
    where: { eventId_kind: { eventId, kind } },
    create: { eventId, kind, sharesPreTestQuestions: kind === "POST_TEST" },
    update: {},
    select: { id: true },
  });
}

export type InstrumentChange =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> };

/**
 * An instrument's settings. A survey with responses keeps its anonymity (the
 * responses' foreign key on (instrument, anonymous) refuses the change too);
 * the satisfaction question must be one of its scales.
 */
export async function saveInstrumentSettings({
  instrumentId,
  eventId,
  input,
  window,
  actor,
}: {
  instrumentId: string;
  eventId: string;
  input: InstrumentSettings;
  /** The opening and closing instants the wall-clock times name. */
  window: InstrumentWindow;
  actor: Actor;
}): Promise<InstrumentChange> {
  return db.$transaction(async (tx) => {
    const instrument = await tx.instrument.findFirst({
      where: { id: instrumentId, eventId },
      select: { kind: true, anonymous: true, _count: { select: { responses: true } } },
    });
    if (!instrument) return { ok: false, reason: "not_found" } as const;
    const feedback = instrument.kind === "FEEDBACK";
    const anonymous = feedback && input.anonymous;
    const errors: Record<string, string> = {};
    if (anonymous !== instrument.anonymous && instrument._count.responses > 0)
      errors.anonymous = "anonymityLocked";
    if (feedback && input.satisfactionQuestionId) {
      const scale = await tx.question.count({
        where: { id: input.satisfactionQuestionId, instrumentId, type: "SCALE", archivedAt: null },
      });
      if (scale === 0) errors.satisfactionQuestionId = "invalidChoice";
    }
    if (Object.keys(errors).length > 0) return { ok: false, reason: "invalid", fieldErrors: errors } as const;
    await tx.instrument.update({
      where: { id: instrumentId },
      data: {
        ...window,
        anonymous,
        sharesPreTestQuestions: instrument.kind === "POST_TEST" && input.sharesPreTestQuestions,
        improvementThreshold: input.improvementThreshold,
        satisfactionQuestionId: (feedback && input.satisfactionQuestionId) || null,
      },
    });
    await audit(tx, { actor, eventId, kind: instrument.kind, action: "event.instrument_saved" });
    return { ok: true } as const;
  });
}

/** The organizer's buttons: the instrument opens now, or closes now. */
export async function switchInstrument({
  instrumentId,
  eventId,
  to,
  actor,
  now = new Date(),
}: {
  instrumentId: string;
  eventId: string;
  to: "open" | "close";
  actor: Actor;
  now?: Date;
}): Promise<InstrumentChange> {
  return db.$transaction(async (tx) => {
    const instrument = await tx.instrument.findFirst({
      where: { id: instrumentId, eventId },
      select: { kind: true, opensAt: true, closesAt: true },
    });
    if (!instrument) return { ok: false, reason: "not_found" } as const;
    await tx.instrument.update({ where: { id: instrumentId }, data: switchedWindow(instrument, to, now) });
    if (to === "open") await queueOpenedLetters({ tx, instrumentId, now });
    await audit(tx, {
      actor,
      eventId,
      kind: instrument.kind,
      action: to === "open" ? "event.instrument_opened" : "event.instrument_closed",
    });
    return { ok: true } as const;
  });
}

/**
 * Queues "it is open" to every participant an open post-test or survey
 * awaits (`awaitingAnswer`: confirmed, present on a day, not yet answered),
 * once per participant and instrument: the outbox's unique dedupe key makes
 * a second opening, the worker's next check or one after a restart queue
 * nothing new. Of one instrument (its "open" button, in its transaction) or
 * of every event's (the worker's periodic check, for instruments that open
 * by time and participants marked present since). Returns how many were queued.
 */
export async function queueOpenedLetters({
  tx = db,
  instrumentId,
  now = new Date(),
}: {
  tx?: Tx;
  instrumentId?: string;
  now?: Date;
} = {}): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO outbox_message (id, event_id, registration_id, template, locale, to_address, payload, dedupe_key)
    SELECT gen_random_uuid(), r.event_id, r.id, 'instrument-opened', r.locale, r.email,
      jsonb_build_object('kind', i.kind), 'instrument-opened:' || i.id || ':' || r.id
    FROM instrument i
    JOIN event e ON e.id = i.event_id AND e.status IN ('PUBLISHED', 'CLOSED')
    JOIN registration r ON ${awaitingAnswer}
    WHERE i.kind IN ('POST_TEST', 'FEEDBACK') AND ${openAt(now)}
      ${instrumentId ? Prisma.sql`AND i.id = ${instrumentId}::uuid` : Prisma.empty}
      AND NOT EXISTS (SELECT 1 FROM outbox_message o WHERE o.dedupe_key = 'instrument-opened:' || i.id || ':' || r.id)
    ON CONFLICT (dedupe_key) DO NOTHING`;
}

/** The least time between two reminders of one instrument. */
export const REMINDER_INTERVAL_MS = 60 * 60_000;

export type RemindResult =
  | { ok: true; queued: number }
  | { ok: false; reason: "not_found" | "not_open" | "too_soon" };

/**
 * A reminder to everyone an open instrument still awaits, at most once an
 * hour: the instrument's `reminded_at` is set by one UPDATE only if the last
 * reminder is an hour old, so of two organizers pressing at once the second
 * waits for the first's row and then finds it too recent.
 */
export async function remindInstrument({
  eventId,
  kind,
  actor,
  now = new Date(),
}: {
  eventId: string;
  kind: InstrumentKind;
  actor: Actor;
  now?: Date;
}): Promise<RemindResult> {
  return db.$transaction(async (tx) => {
    const instrument = await tx.instrument.findUnique({
      where: { eventId_kind: { eventId, kind } },
      select: { id: true, opensAt: true, closesAt: true },
    });
    if (!instrument) return { ok: false, reason: "not_found" } as const;
    if (instrumentState(instrument, now) !== "open") return { ok: false, reason: "not_open" } as const;
    const since = new Date(now.getTime() - REMINDER_INTERVAL_MS);
    const marked = await tx.$executeRaw`
      UPDATE instrument SET reminded_at = ${now}
      WHERE id = ${instrument.id}::uuid AND (reminded_at IS NULL OR reminded_at <= ${since})`;
    if (marked === 0) return { ok: false, reason: "too_soon" } as const;
    const queued = await tx.$executeRaw`
      INSERT INTO outbox_message (id, event_id, registration_id, template, locale, to_address, payload)
      SELECT gen_random_uuid(), r.event_id, r.id, 'instrument-reminder', r.locale, r.email,
        jsonb_build_object('kind', i.kind)
      FROM instrument i JOIN registration r ON ${awaitingAnswer}
      WHERE i.id = ${instrument.id}::uuid`;
    await recordAudit(tx, {
      actor,
      action: "event.instrument_reminded",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { kind, queued },
    });
    return { ok: true, queued } as const;
  });
}

async function audit(
  tx: Tx,
  { actor, eventId, kind, action }: { actor: Actor; eventId: string; kind: InstrumentKind; action: string },
) {
  await recordAudit(tx, { actor, action, entityType: "event", entityId: eventId, eventId, data: { kind } });
}

/**
 * An event's instruments given to its copy with their settings and
 * questions, closed (the copy's dates are its own) and without responses.
 */
export async function copyInstruments(tx: Tx, { from, to }: { from: string; to: string }) {
  const instruments = await tx.instrument.findMany({ where: { eventId: from } });
  for (const instrument of instruments) {
    const copy = await tx.instrument.create({
      data: {
        eventId: to,
        kind: instrument.kind,
        anonymous: instrument.anonymous,
        sharesPreTestQuestions: instrument.sharesPreTestQuestions,
        improvementThreshold: instrument.improvementThreshold,
      },
    });
    const newId = await copyQuestions(tx, {
      from: { instrumentId: instrument.id },
      to: { instrumentId: copy.id },
    });
    const satisfaction = instrument.satisfactionQuestionId && newId.get(instrument.satisfactionQuestionId);
    if (satisfaction)
      await tx.instrument.update({ where: { id: copy.id }, data: { satisfactionQuestionId: satisfaction } });
  }
}

export type SubmitResponseResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_open" | "closed" | "already_answered" | "not_allowed" }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> };

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The day a response came, as stored: midnight UTC of today (UTC), nothing finer. */
function dayOf(now: Date): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
}

/**
 * A participant's answers to an instrument, by their personal link, checked
 * against its questions as registration answers are (whoever calls this).
 * Once per participant: a second submission is refused (the unique index on
 * (instrument, registration), or for an anonymous survey the ballot's key).
 * An anonymous response is stored with no registration and only its day;
 * the ballot that records that the participant answered names no response.
 * Nothing is stored unless the instrument is open at the moment of the
 * transaction (its row read FOR SHARE, so a "close" waits or comes first).
 */
export async function submitResponse({
  kind,
  answers,
  now = new Date(),
  ...respondent
}: Respondent & {
  kind: InstrumentKind;
  answers: unknown;
  now?: Date;
}): Promise<SubmitResponseResult> {
  const found = await getParticipantInstrument({ ...respondent, kind, now });
  if (!found) return { ok: false, reason: "not_found" };
  const { registration, instrument, questions } = found;
  if (!(ACTIVE_STATUSES as readonly string[]).includes(registration.status))
    return { ok: false, reason: "not_allowed" };
  const parsed = answersSchema(questions).safeParse(answers);
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(fieldErrors(parsed.error)).map(([path, error]) => [`answers.${path}`, error]),
    );
    return { ok: false, reason: "invalid", fieldErrors: errors };
  }
  const rows = answerRows(questions, parsed.data);
  try {
    return await db.$transaction(async (tx) => {
      const [window] = await tx.$queryRaw<InstrumentWindow[]>`
        SELECT opens_at AS "opensAt", closes_at AS "closesAt" FROM instrument WHERE id = ${instrument.id}::uuid FOR SHARE`;
      if (!window) return { ok: false, reason: "not_found" } as const;
      if (window.closesAt && window.closesAt <= now) return { ok: false, reason: "closed" } as const;
      if (!window.opensAt || window.opensAt > now) return { ok: false, reason: "not_open" } as const;
      if (instrument.anonymous) {
        await tx.instrumentBallot.create({
          data: { instrumentId: instrument.id, registrationId: registration.id },
        });
      }
      const response = await tx.instrumentResponse.create({
        data: {
          instrumentId: instrument.id,
          anonymous: instrument.anonymous,
          registrationId: instrument.anonymous ? null : registration.id,
          submittedOn: dayOf(now),
        },
        select: { id: true },
      });
      await tx.instrumentAnswer.createMany({
        data: rows.map((row) => ({
          responseId: response.id,
          questionId: row.questionId,
          textValue: row.textValue,
          numberValue: row.numberValue,
          dateValue: row.dateValue ? new Date(`${row.dateValue}T00:00:00Z`) : null,
          booleanValue: row.booleanValue,
        })),
      });
      await tx.instrumentAnswerOption.createMany({
        data: rows.flatMap((row) =>
          row.optionIds.map((optionId) => ({
            responseId: response.id,
            questionId: row.questionId,
            optionId,
          })),
        ),
      });
      return { ok: true } as const;
    });
  } catch (error) {
    // A second submission, perhaps at the same moment as the first.
    if (isUniqueViolation(error)) return { ok: false, reason: "already_answered" };
    throw error;
  }
}
