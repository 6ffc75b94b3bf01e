import "server-only";
import { randomUUID } from "node:crypto";
import { type Actor, participantActor, recordAudit, systemActor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { queueLetter } from "@/lib/emails/queue";
import { statusLetter } from "@/lib/emails/templates";
import { type LocalizedText, localize } from "@/lib/events/schema";
import { fieldErrors } from "@/lib/forms/field-errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Locale, ParticipantCategory, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { getEventForm, getPlacesTaken } from "@/lib/questions/data";
import { replaceAnswers } from "@/lib/questions/mutations";
import { answerRows, fullChoices, limitedChoices, registrationCheckSchema } from "@/lib/questions/rules";
import type { Answers, EventForm, FormFields, QuestionDefinition } from "@/lib/questions/schema";
import { fullName } from "@/lib/registrations/names";
import {
  ACTIVE_STATUSES,
  type AllocatedStatus,
  canChangeStatus,
  choosePromotions,
  participantCategories,
  type SeatPlan,
  type SeatsTaken,
  seatsLeft,
} from "@/lib/registrations/rules";
import {
  CONSENT_VERSION,
  type ErrorKey,
  normalizeEmail,
  type RegistrationInput,
  type RegistrationUpdate,
} from "@/lib/registrations/schema";
import { generateCheckInCode, hashToken, manageToken } from "@/lib/registrations/tokens";
import { replaceParticipantTravel, travelColumns } from "@/lib/travel/mutations";
import type { TravelAsked } from "@/lib/travel/schema";

// Every change that takes or frees a seat runs in one transaction that first
// locks the event's row (SELECT … FOR UPDATE). Concurrent registrations,
// cancellations and promotions for one event therefore happen one after
// another, each seeing the seats the previous one left; the arithmetic itself
// lives in rules.ts. Letters and audit entries are written in the same
// transaction (docs/decisions/004-seat-allocation.md). A new registration
// does all of it in one statement, the database's register_participant()
// (docs/decisions/026-registration-in-one-statement.md).

type Tx = Prisma.TransactionClient;

// Two hundred people pressing "Register" at once queue for the event's lock
// and for a pooled connection: let them wait rather than fail.
const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

type LockedEvent = {
  id: string;
  status: string;
  capacity: number;
  requiresApproval: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
};

async function lockEvent(tx: Tx, where: { slug: string } | { id: string }): Promise<LockedEvent | undefined> {
  const condition = "slug" in where ? Prisma.sql`slug = ${where.slug}` : Prisma.sql`id = ${where.id}::uuid`;
  const [event] = await tx.$queryRaw<LockedEvent[]>`
    SELECT id, status::text AS status, capacity, requires_approval AS "requiresApproval",
           registration_opens_at AS "registrationOpensAt", registration_closes_at AS "registrationClosesAt"
    FROM event WHERE ${condition}
    FOR UPDATE`;
  return event;
}

/**
 * The event's seat plan and the seats taken (kept per sector by a trigger,
 * less the one registration `except`), in one round trip. Called after
 * lockEvent(), as a statement of its own: under READ COMMITTED a statement
 * sees what was committed before it began, so only a statement issued once
 * the lock is held sees the seats the previous holder took.
 */
async function seatState(
  tx: Tx,
  event: LockedEvent,
  { except }: { except?: string } = {},
): Promise<{ plan: SeatPlan; taken: SeatsTaken }> {
  const [row] = await tx.$queryRaw<
    { quotas: SeatPlan["quotas"] | null; taken: Partial<SeatsTaken> | null }[]
  >`
    SELECT
      (SELECT json_object_agg(category, seats) FROM category_quota WHERE event_id = ${event.id}::uuid) AS quotas,
      (SELECT json_object_agg(c.category, c.confirmed - (
         SELECT count(*)::int FROM registration r
         WHERE r.id = ${except ?? null}::uuid AND r.status = 'CONFIRMED' AND r.category = c.category))
       FROM confirmed_seats c WHERE c.event_id = ${event.id}::uuid) AS taken`;
  const taken = Object.fromEntries(
    participantCategories.map((category) => [category, row?.taken?.[category] ?? 0]),
  ) as SeatsTaken;
  return { plan: { capacity: event.capacity, quotas: row?.quotas ?? {} }, taken };
}

/** Answers that do not meet the event's questions, or take an option with no place left. */
export type InvalidAnswers = { ok: false; reason: "invalid"; fieldErrors: Record<string, ErrorKey> };

export type CreateRegistrationResult =
  | { ok: true; registrationId: string; status: RegistrationStatus; manageToken: string }
  | { ok: false; reason: "not_found" | "not_yet" | "closed" | "past" | "already_registered" }
  | InvalidAnswers;

/**
 * A registration checked against its event's form, whoever sent it (the
 * form's action has checked it already; the JSON API and the tests have
 * not): the built-in fields as the event asks them, and the answers. At the
 * door, staff may leave required questions for later.
 */
function checkAgainstForm(
  form: EventForm,
  input: RegistrationUpdate,
  { requireAnswers = true }: { requireAnswers?: boolean } = {},
): { ok: true; answers: Answers } | InvalidAnswers {
  const parsed = registrationCheckSchema(form, { requireAnswers }).safeParse(input);
  if (parsed.success) return { ok: true, answers: parsed.data.answers };
  const errors = fieldErrors<ErrorKey>(parsed.error);
  return {
    ok: false,
    reason: "invalid",
    fieldErrors: Object.fromEntries(
      // Keyed by question: an option of a multiple choice ("answers.<id>.1") is its question's error.
      Object.entries(errors).map(([path, key]) => [path.split(".").slice(0, 2).join("."), key]),
    ),
  };
}

/**
 * A built-in field as stored: what the person gave, or nothing when they
 * left an optional one empty; a field the event no longer asks keeps what
 * was given when it did.
 */
function asStored(mode: FormFields["phone"], value: string | undefined): string | null | undefined {
  return mode === "HIDDEN" ? undefined : (value ?? null);
}

/**
 * Under the event's lock: the limited options the answers take must each
 * have a place left (docs/decisions/016-registration-questions.md). One
 * query, and only when a limited option is chosen.
 */
async function checkPlaces(
  tx: Tx,
  {
    questions,
    answers,
    registrationId,
    held,
  }: { questions: QuestionDefinition[]; answers: Answers; registrationId?: string; held?: string[] },
): Promise<InvalidAnswers | undefined> {
  const chosen = limitedChoices(questions, answers);
  if (chosen.length === 0) return undefined;
  const taken = await getPlacesTaken(
    { optionIds: chosen.map((place) => place.optionId), except: registrationId },
    tx,
  );
  const errors = fullChoices({ chosen, taken, held });
  return Object.keys(errors).length > 0 ? { ok: false, reason: "invalid", fieldErrors: errors } : undefined;
}

export async function createRegistration({
  slug,
  input,
  locale,
  actor = participantActor,
  atTheDoor = false,
  form: given,
  now = new Date(),
}: {
  slug: string;
  input: RegistrationInput;
  locale: Locale;
  /** The event's form, when the caller has read it already (the JSON API); read here otherwise. */
  form?: EventForm;
  actor?: Actor;
  /** An organizer registering a walk-in on the day: the registration window does not apply, the seats do. */
  atTheDoor?: boolean;
  now?: Date;
}): Promise<CreateRegistrationResult> {
  const email = input.email.trim();
  // Read before the lock: the form changes only in its editors, which take the same lock.
  const form = given ?? (await getEventForm({ slug }));
  if (!form) return { ok: false, reason: "not_found" };
  const checked = checkAgainstForm(form, input, { requireAnswers: !atTheDoor });
  if (!checked.ok) return checked;
  for (let attempt = 1; ; attempt++) {
    const id = randomUUID();
    try {
      return await insertRegistration({
        id,
        slug,
        input,
        questions: form.questions,
        travelAsked: form.travel,
        answers: checked.answers,
        email,
        locale,
        actor,
        atTheDoor,
        now,
      });
    } catch (error) {
      // The unique index on (event, normalized email) decides duplicates, even
      // between two requests that arrive together.
      if (isUniqueViolation(error, "email_normalized")) {
        await sendManageLink({ slug, email, locale });
        return { ok: false, reason: "already_registered" };
      }
      // Two people drew the same check-in code: draw again.
      if (attempt < 3 && isUniqueViolation(error, "check_in_code")) continue;
      throw error;
    }
  }
}

type RegisterOutcome = {
  outcome: "created" | "not_found" | "not_yet" | "closed" | "past" | "option_full";
  allocated: AllocatedStatus | null;
  full_options: string[] | null;
};

/**
 * The registration in one statement, register_participant() in the database
 * (docs/decisions/026-registration-in-one-statement.md): the answers, then
 * under the event's lock the window, the options' places and the seat, the
 * registration, its letter and its audit entry. No round trip to this
 * process while the lock is held, so the event's queue moves at the
 * database's pace, however busy this process is.
 */
async function insertRegistration({
  id,
  slug,
  input,
  questions,
  travelAsked,
  answers,
  email,
  locale,
  actor,
  atTheDoor,
  now,
}: {
  id: string;
  slug: string;
  input: RegistrationInput;
  questions: QuestionDefinition[];
  travelAsked: TravelAsked | null;
  answers: Answers;
  email: string;
  locale: Locale;
  actor: Actor;
  atTheDoor: boolean;
  now: Date;
}): Promise<CreateRegistrationResult> {
  const chosen = limitedChoices(questions, answers);
  const token = manageToken(id);
  // The registration's columns, by name: jsonb_populate_record() reads them.
  const registration = {
    id,
    category: input.category,
    last_name: input.lastName,
    first_name: input.firstName,
    patronymic: input.patronymic,
    organization: input.organization,
    position: input.position,
    region: input.region,
    email,
    email_normalized: normalizeEmail(email),
    phone: input.phone,
    gender: input.gender,
    needs_accommodation: input.needsAccommodation,
    dietary_needs: input.dietaryNeeds,
    accessibility_needs: input.accessibilityNeeds,
    locale,
    consent_at: now,
    consent_version: CONSENT_VERSION,
    manage_token_hash: hashToken(token),
    check_in_code: generateCheckInCode(),
  };
  // The travel is written in the same statement, once the registration is:
  // nothing goes back to this process while the event's lock is held.
  const travel =
    input.travel && travelAsked
      ? travelColumns({ travel: input.travel, timeZone: travelAsked.timeZone })
      : null;
  const [result] = await db.$queryRaw<RegisterOutcome[]>`
    WITH registered AS MATERIALIZED (
      SELECT outcome, allocated, full_options FROM register_participant(
        ${slug}, ${JSON.stringify(registration)}::jsonb, ${JSON.stringify(answerRows(questions, answers))}::json,
        ${chosen.map((place) => place.optionId)}::uuid[], ${atTheDoor}, ${JSON.stringify(statusLetter)}::jsonb,
        ${actor.type}, ${actor.staffId ?? null}::uuid)
    ), travel AS (
      INSERT INTO registration_travel
      SELECT t.* FROM registered, jsonb_populate_record(null::registration_travel, ${JSON.stringify(travel ?? {})}::jsonb
        || jsonb_build_object('registration_id', ${id}::uuid, 'event_id', (SELECT id FROM event WHERE slug = ${slug}),
                              'updated_at', now())) t
      WHERE registered.outcome = 'created' AND ${travel !== null}
    )
    SELECT outcome, allocated, full_options FROM registered`;
  if (!result) throw new Error("register_participant() returned no row");
  switch (result.outcome) {
    case "created":
      if (!result.allocated) throw new Error("register_participant() allocated no status");
      return { ok: true, registrationId: id, status: result.allocated, manageToken: token };
    case "option_full": {
      const full = new Set(result.full_options);
      const fieldErrors = Object.fromEntries(
        chosen
          .filter((place) => full.has(place.optionId))
          .map((place) => [`answers.${place.questionId}`, "optionFull" as const]),
      );
      return { ok: false, reason: "invalid", fieldErrors };
    }
    default:
      return { ok: false, reason: result.outcome };
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // P2002 from Prisma's own queries; P2010 from a raw one (register_participant()),
  // with the driver's kind of error beside the index's name.
  const meta = JSON.stringify(error.meta ?? {});
  const unique =
    error.code === "P2002" || (error.code === "P2010" && meta.includes("UniqueConstraintViolation"));
  return unique && meta.includes(column);
}

/**
 * Someone registered with an address that is already registered: the owner of
 * the address gets their management link again (at most once an hour), and
 * the person at the form learns nothing about whether it was registered.
 */
async function sendManageLink({ slug, email, locale }: { slug: string; email: string; locale: Locale }) {
  const registration = await db.registration.findFirst({
    where: { event: { slug }, emailNormalized: normalizeEmail(email) },
  });
  if (!registration) return;
  const hour = new Date().toISOString().slice(0, 13);
  await db.$transaction(async (tx) => {
    await queueLetter(tx, {
      template: "manage-link",
      registration: { ...registration, locale },
      dedupeKey: `manage-link:${registration.id}:${hour}`,
    });
  });
}

/**
 * Confirms waiting registrations while seats allow, first come first served;
 * not those an organizer has just put on the waiting list (`except`).
 */
async function promoteWaitlist(tx: Tx, event: LockedEvent, now: Date, except: string[] = []) {
  const waiting = await tx.registration.findMany({
    where: { eventId: event.id, status: "WAITLISTED", id: { notIn: except } },
    orderBy: { number: "asc" },
  });
  if (waiting.length === 0) return;
  const promoted = choosePromotions({ ...(await seatState(tx, event)), waiting });
  for (const registration of promoted) {
    await tx.registration.update({
      where: { id: registration.id },
      data: { status: "CONFIRMED", statusChangedAt: now },
    });
    await queueLetter(tx, { template: "registration-promoted", registration });
    await recordAudit(tx, {
      actor: systemActor,
      action: "registration.promoted",
      entityType: "registration",
      entityId: registration.id,
      eventId: event.id,
      data: { from: "WAITLISTED", to: "CONFIRMED" },
    });
  }
}

export type ChangeResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_active" | "category_full" }
  | InvalidAnswers;

/** A participant reaches their registration by its secret token, staff by its id. */
export type RegistrationTarget = { token: string } | { id: string };

/**
 * The registration, with its event locked, if it can still be changed. Read
 * again once the lock is held: a concurrent cancellation may have won.
 */
async function lockActiveRegistration(tx: Tx, target: RegistrationTarget) {
  const found = await tx.registration.findUnique({
    where: "token" in target ? { manageTokenHash: hashToken(target.token) } : { id: target.id },
  });
  const event = found && (await lockEvent(tx, { id: found.eventId }));
  if (!found || !event) return { ok: false, reason: "not_found" } as const;
  const registration = await tx.registration.findUniqueOrThrow({ where: { id: found.id } });
  if (!(ACTIVE_STATUSES as readonly string[]).includes(registration.status)) {
    return { ok: false, reason: "not_active" } as const;
  }
  return { ok: true, event, registration } as const;
}

export async function cancelRegistration({
  token,
  actor = participantActor,
  now = new Date(),
}: {
  token: string;
  actor?: Actor;
  now?: Date;
}): Promise<ChangeResult> {
  return db.$transaction(async (tx) => {
    const locked = await lockActiveRegistration(tx, { token });
    if (!locked.ok) return locked;
    const { event, registration } = locked;
    await tx.registration.update({
      where: { id: registration.id },
      data: { status: "CANCELLED", statusChangedAt: now },
    });
    await queueLetter(tx, { template: "registration-cancelled", registration });
    await recordAudit(tx, {
      actor,
      action: "registration.cancelled",
      entityType: "registration",
      entityId: registration.id,
      eventId: event.id,
      data: { from: registration.status, to: "CANCELLED" },
    });
    if (registration.status === "CONFIRMED") await promoteWaitlist(tx, event, now);
    return { ok: true } as const;
  }, TRANSACTION_OPTIONS);
}

/**
 * The participant's own edit, or an organizer's; a move to a full sector is
 * refused, and so is an answer that takes an option with no place left.
 */
export async function updateRegistration({
  target,
  input,
  actor = participantActor,
  now = new Date(),
}: {
  target: RegistrationTarget;
  input: RegistrationUpdate;
  actor?: Actor;
  now?: Date;
}): Promise<ChangeResult> {
  return db.$transaction(async (tx) => {
    const locked = await lockActiveRegistration(tx, target);
    if (!locked.ok) return locked;
    const { event, registration } = locked;
    const form = await getEventForm({ eventId: event.id });
    if (!form) return { ok: false, reason: "not_found" } as const;
    const { questions, fields } = form;
    const checked = checkAgainstForm(form, input);
    if (!checked.ok) return checked;
    const movesSeat = registration.status === "CONFIRMED" && input.category !== registration.category;
    if (movesSeat && !(await hasSeatFor(tx, event, input.category, registration.id))) {
      return { ok: false, reason: "category_full" } as const;
    }
    const held = await tx.registrationAnswerOption.findMany({
      where: { registrationId: registration.id },
      select: { optionId: true },
    });
    const full = await checkPlaces(tx, {
      questions,
      answers: checked.answers,
      registrationId: registration.id,
      held: held.map((option) => option.optionId),
    });
    if (full) return full;
    await tx.registration.update({
      where: { id: registration.id },
      data: {
        category: input.category,
        lastName: input.lastName,
        firstName: input.firstName,
        patronymic: asStored(fields.patronymic, input.patronymic),
        organization: input.organization,
        position: asStored(fields.position, input.position),
        region: input.region,
        phone: asStored(fields.phone, input.phone),
        gender: input.gender,
        needsAccommodation: fields.needs === "HIDDEN" ? undefined : input.needsAccommodation,
        dietaryNeeds: asStored(fields.needs, input.dietaryNeeds),
        accessibilityNeeds: asStored(fields.needs, input.accessibilityNeeds),
      },
    });
    // Travel only where the form asks it now: what was given while it did stays.
    if (form.travel) {
      await replaceParticipantTravel(tx, {
        registrationId: registration.id,
        eventId: event.id,
        travel: input.travel,
        timeZone: form.travel.timeZone,
      });
    }
    // Only the answers to the questions asked now: those to archived questions stay.
    await replaceAnswers(tx, {
      registrationId: registration.id,
      questionIds: questions.map((question) => question.id),
      rows: answerRows(questions, checked.answers),
    });
    await recordAudit(tx, {
      actor,
      action: "registration.updated",
      entityType: "registration",
      entityId: registration.id,
      eventId: event.id,
      data: { fields: changedFields(registration, input) },
    });
    // The seat left behind in the old category may go to someone waiting.
    if (movesSeat) await promoteWaitlist(tx, event, now);
    return { ok: true } as const;
  }, TRANSACTION_OPTIONS);
}

async function hasSeatFor(tx: Tx, event: LockedEvent, category: ParticipantCategory, movingId: string) {
  const { plan, taken } = await seatState(tx, event, { except: movingId });
  const left = seatsLeft(plan, taken);
  return left.byCategory[category] > 0;
}

/** The fixed fields an edit changed (answers and travel are replaced as a whole, and not named). */
function changedFields(before: Record<string, unknown>, after: RegistrationUpdate): string[] {
  return Object.entries(after)
    .filter(
      ([field, value]) => field !== "answers" && field !== "travel" && (before[field] ?? undefined) !== value,
    )
    .map(([field]) => field);
}

/** Why a registration was left as it was: no seat in its sector, already in that status, or a change not allowed. */
export type SkipReason = "no_seat" | "same_status" | "not_allowed";

/** A registration a change of status left alone, named for the organizer who asked. */
export type SkippedChange = {
  id: string;
  name: string;
  category: ParticipantCategory;
  status: RegistrationStatus;
  reason: SkipReason;
};

export type BulkChangeResult = {
  changed: string[];
  skipped: SkippedChange[];
  /** Ids that are not this event's registrations (a stale or forged page). */
  notFound: string[];
};

/**
 * An organizer's change of status for many registrations at once, taken in
 * arrival order under the event's lock: a confirmation takes a seat only if
 * its sector has one, so no number of organizers clicking at once can exceed
 * the seats. Each change is told to the participant and audited; seats freed
 * go to the waiting list. One registration's page uses it too, so the list
 * and the page follow the same rules.
 */
export async function changeRegistrationStatuses({
  eventId,
  registrationIds,
  to,
  actor,
  now = new Date(),
}: {
  eventId: string;
  registrationIds: string[];
  to: Exclude<RegistrationStatus, "PENDING">;
  actor: Actor;
  now?: Date;
}): Promise<BulkChangeResult> {
  return db.$transaction(async (tx) => {
    const event = await lockEvent(tx, { id: eventId });
    if (!event) return { changed: [], skipped: [], notFound: registrationIds };
    const registrations = await tx.registration.findMany({
      where: { eventId, id: { in: registrationIds } },
      orderBy: { number: "asc" },
    });
    const { plan, taken } = await seatState(tx, event);
    const changed: string[] = [];
    const skipped: SkippedChange[] = [];
    const skip = (registration: (typeof registrations)[number], reason: SkipReason) =>
      skipped.push({
        id: registration.id,
        name: fullName(registration),
        category: registration.category,
        status: registration.status,
        reason,
      });
    let freedSeat = false;
    for (const registration of registrations) {
      if (!canChangeStatus(registration.status, to)) {
        skip(registration, registration.status === to ? "same_status" : "not_allowed");
        continue;
      }
      if (to === "CONFIRMED") {
        if (seatsLeft(plan, taken).byCategory[registration.category] === 0) {
          skip(registration, "no_seat");
          continue;
        }
        taken[registration.category] += 1;
      }
      if (registration.status === "CONFIRMED") {
        taken[registration.category] -= 1;
        freedSeat = true;
      }
      await tx.registration.update({
        where: { id: registration.id },
        data: { status: to, statusChangedAt: now },
      });
      await queueLetter(tx, { template: statusLetter[to], registration });
      await recordAudit(tx, {
        actor,
        action: "registration.status_changed",
        entityType: "registration",
        entityId: registration.id,
        eventId,
        data: { from: registration.status, to },
      });
      changed.push(registration.id);
    }
    if (freedSeat) await promoteWaitlist(tx, event, now, changed);
    const found = new Set(registrations.map((registration) => registration.id));
    return { changed, skipped, notFound: registrationIds.filter((id) => !found.has(id)) };
  }, TRANSACTION_OPTIONS);
}

/** One registration's change of status, from its page: the list's rules, under the same lock. */
export async function changeRegistrationStatus({
  registrationId,
  to,
  actor,
}: {
  registrationId: string;
  to: Exclude<RegistrationStatus, "PENDING">;
  actor: Actor;
}): Promise<{ ok: true } | { ok: false; reason: SkipReason | "not_found" }> {
  const found = await db.registration.findUnique({
    where: { id: registrationId },
    select: { eventId: true },
  });
  if (!found) return { ok: false, reason: "not_found" };
  const result = await changeRegistrationStatuses({
    eventId: found.eventId,
    registrationIds: [registrationId],
    to,
    actor,
  });
  if (result.changed.length === 1) return { ok: true };
  return { ok: false, reason: result.skipped[0]?.reason ?? "not_found" };
}

export type EmailCorrection =
  | { ok: true }
  | { ok: false; reason: "not_found" | "unchanged" | "already_registered" };

/**
 * Staff correct a mistyped address: the new address gets the registration's
 * current letter again (its link included). The audit entry says that the
 * address changed, not what it was or became: the audit log holds no personal
 * data, and the registration's letters, each with its address, say where
 * every letter went. The unique index on (event,
 * normalized email) refuses an address another registration of the event has.
 */
export async function correctRegistrationEmail({
  registrationId,
  email,
  actor,
}: {
  registrationId: string;
  email: string;
  actor: Actor;
}): Promise<EmailCorrection> {
  const address = email.trim();
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.registration.findUnique({ where: { id: registrationId } });
      if (!before || before.anonymizedAt) return { ok: false, reason: "not_found" } as const;
      if (before.email === address) return { ok: false, reason: "unchanged" } as const;
      const registration = await tx.registration.update({
        where: { id: registrationId },
        data: { email: address, emailNormalized: normalizeEmail(address) },
      });
      await queueLetter(tx, { template: statusLetter[registration.status], registration });
      await recordAudit(tx, {
        actor,
        action: "registration.email_corrected",
        entityType: "registration",
        entityId: registrationId,
        eventId: registration.eventId,
        data: { field: "email" },
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error, "email_normalized")) return { ok: false, reason: "already_registered" };
    throw error;
  }
}

/**
 * Within a transaction that changes an event's seats (its capacity or
 * sectors): locks the event first, runs the change, then gives the seats it
 * freed to the waiting list.
 */
export async function changeSeatsOfEvent<T>(
  tx: Tx,
  { eventId, now = new Date() }: { eventId: string; now?: Date },
  change: () => Promise<T>,
): Promise<T | undefined> {
  if (!(await lockEvent(tx, { id: eventId }))) return undefined;
  const result = await change();
  const event = await lockEvent(tx, { id: eventId });
  if (event) await promoteWaitlist(tx, event, now);
  return result;
}

/** The organizers' note on a registration; the audit log says that it changed, not what it says. */
export async function setInternalNote({ id, note, actor }: { id: string; note: string; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const registration = await tx.registration.update({
      where: { id },
      data: { internalNote: note || null },
      select: { eventId: true },
    });
    await recordAudit(tx, {
      actor,
      action: "registration.note_changed",
      entityType: "registration",
      entityId: id,
      eventId: registration.eventId,
    });
  });
}

/** Queues again the letter of the registration's current status, or its management link. */
export async function resendLetter({
  id,
  kind,
  actor,
}: {
  id: string;
  kind: "status" | "manage-link";
  actor: Actor;
}) {
  await db.$transaction(async (tx) => {
    const registration = await tx.registration.findUniqueOrThrow({ where: { id } });
    const template = kind === "status" ? statusLetter[registration.status] : "manage-link";
    await queueLetter(tx, { template, registration });
    await recordAudit(tx, {
      actor,
      action: "registration.letter_resent",
      entityType: "registration",
      entityId: id,
      eventId: registration.eventId,
      data: { template },
    });
  });
}

/**
 * An organizer's letter to some of an event's registrations, each in the
 * participant's language (Russian where that one was left empty); returns
 * how many were written to. Placeholders are filled in when it is rendered.
 */
export async function writeToRegistrations({
  eventId,
  registrationIds,
  subject,
  message,
  actor,
}: {
  eventId: string;
  registrationIds: string[];
  subject: LocalizedText;
  message: LocalizedText;
  actor: Actor;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const registrations = await tx.registration.findMany({ where: { eventId, id: { in: registrationIds } } });
    for (const registration of registrations) {
      const { locale } = registration;
      await queueLetter(tx, {
        template: "organizer-message",
        registration,
        payload: { subject: localize(subject, locale), message: localize(message, locale) },
      });
      await recordAudit(tx, {
        actor,
        action: "registration.message_sent",
        entityType: "registration",
        entityId: registration.id,
        eventId,
      });
    }
    return registrations.length;
  }, TRANSACTION_OPTIONS);
}

/**
 * The letter `writeToRegistrations` would send one registration of the
 * event, sent instead to the staff member who asks, to read before sending
 * it. False when the registration is not the event's.
 */
export async function sendTestMessage({
  eventId,
  registrationId,
  subject,
  message,
  to,
  actor,
}: {
  eventId: string;
  registrationId: string;
  subject: LocalizedText;
  message: LocalizedText;
  /** The staff member's own address. */
  to: string;
  actor: Actor;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findFirst({ where: { id: registrationId, eventId } });
    if (!registration) return false;
    const { locale } = registration;
    await queueLetter(tx, {
      template: "organizer-message",
      registration: { ...registration, email: to },
      payload: { subject: localize(subject, locale), message: localize(message, locale) },
    });
    await recordAudit(tx, {
      actor,
      action: "registration.test_message_sent",
      entityType: "registration",
      entityId: registration.id,
      eventId,
    });
    return true;
  });
}
