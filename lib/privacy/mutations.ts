import "server-only";
import { type Actor, recordAudit, systemActor } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unidentifyingAnswerTypes } from "@/lib/questions/schema";

// Erasure keeps each registration as an anonymous count: its status,
// sector, gender, region, days attended and history stay, so statistics do
// not change; every text that names or reaches the person goes (their
// passport number too, docs/decisions/042-logistics.md). The letters
// keep their template, status and times, not their address or contents.

/** Anonymizes these registrations (those not yet anonymized) and their letters; returns how many. */
async function anonymize(tx: Prisma.TransactionClient, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  await tx.$executeRaw`
    UPDATE mailbox_message SET to_address = '', subject = '', html = '', text = '', raw = ''
    WHERE outbox_message_id IN (SELECT id FROM outbox_message WHERE registration_id = ANY(${ids}::uuid[]))`;
  // A letter not yet sent would go to no one: it fails rather than waits.
  await tx.$executeRaw`
    UPDATE outbox_message SET to_address = '', payload = '{}', last_error = NULL,
      status = CASE WHEN status IN ('QUEUED', 'SENDING') THEN 'FAILED'::"OutboxStatus" ELSE status END
    WHERE registration_id = ANY(${ids}::uuid[])`;
  await tx.$executeRaw`
    DELETE FROM registration_answer a USING question q
    WHERE q.id = a.question_id AND a.registration_id = ANY(${ids}::uuid[])
      AND q.type::text <> ALL(${[...unidentifyingAnswerTypes]}::text[])`;
  // Their named answers to the tests and surveys, by the same rule (an
  // anonymous survey's responses name no registration: nothing to find).
  await tx.$executeRaw`
    DELETE FROM instrument_answer a USING question q, instrument_response r
    WHERE q.id = a.question_id AND r.id = a.response_id AND r.registration_id = ANY(${ids}::uuid[])
      AND q.type::text <> ALL(${[...unidentifyingAnswerTypes]}::text[])`;
  // Travel keeps what the figures count (region, dates, nights, rooms, amounts);
  // where they came from, whom they named and their passport go.
  await tx.$executeRaw`
    UPDATE registration_travel SET from_settlement = NULL, shares_with = NULL, passport_number = NULL,
      roommate_id = NULL, updated_at = now()
    WHERE registration_id = ANY(${ids}::uuid[])`;
  // The placeholder address is unique per registration, so (event, email) stays unique.
  return tx.$executeRaw`
    UPDATE registration SET
      last_name = '', first_name = '', patronymic = NULL, organization = '', position = '', phone = '',
      email = 'erased-' || id || '@erased.invalid', email_normalized = 'erased-' || id || '@erased.invalid',
      dietary_needs = NULL, accessibility_needs = NULL, internal_note = NULL,
      manage_token_hash = 'erased-' || id, anonymized_at = now(), updated_at = now()
    WHERE id = ANY(${ids}::uuid[]) AND anonymized_at IS NULL`;
}

/** An admin erases one participant's personal data on request. */
export async function eraseRegistration({
  registrationId,
  actor,
}: {
  registrationId: string;
  actor: Actor;
}): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findUnique({
      where: { id: registrationId },
      select: { eventId: true },
    });
    if (!registration || (await anonymize(tx, [registrationId])) === 0) return false;
    await recordAudit(tx, {
      actor,
      action: "registration.erased",
      entityType: "registration",
      entityId: registrationId,
      eventId: registration.eventId,
    });
    return true;
  });
}

/** An admin took a copy of one participant's data. */
export async function recordParticipantDataExport({
  registrationId,
  eventId,
  actor,
}: {
  registrationId: string;
  eventId: string;
  actor: Actor;
}) {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: "registration.data_exported",
      entityType: "registration",
      entityId: registrationId,
      eventId,
    }),
  );
}

const RETENTION_BATCH = 500;

/**
 * The retention job: anonymizes the registrations of every event whose last
 * day ended more than its retention period ago. Idempotent: what is
 * anonymized is not found again, so a second run (or a second worker) finds
 * nothing to do. Returns how many registrations it anonymized.
 */
export async function anonymizeExpiredRegistrations({
  now = new Date(),
}: {
  now?: Date;
} = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const anonymized = await db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<{ id: string; eventId: string }[]>`
        SELECT r.id, r.event_id AS "eventId"
        FROM registration r JOIN event e ON e.id = r.event_id
        WHERE r.anonymized_at IS NULL AND e.retention_days IS NOT NULL
          AND (SELECT max(d.ends_at) FROM event_day d WHERE d.event_id = e.id)
              + make_interval(days => e.retention_days) < ${now}
        ORDER BY r.event_id
        LIMIT ${RETENTION_BATCH}
        FOR UPDATE OF r SKIP LOCKED`;
      const count = await anonymize(
        tx,
        due.map((row) => row.id),
      );
      for (const eventId of new Set(due.map((row) => row.eventId))) {
        await recordAudit(tx, {
          actor: systemActor,
          action: "event.retention_anonymized",
          entityType: "event",
          entityId: eventId,
          eventId,
          data: { registrations: due.filter((row) => row.eventId === eventId).length },
        });
      }
      return count;
    });
    total += anonymized;
    if (anonymized < RETENTION_BATCH) return total;
  }
}
