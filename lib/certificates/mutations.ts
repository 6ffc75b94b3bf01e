import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { generateCertificateCode } from "@/lib/certificates/codes";
import { certificateEventSelect, certificateRegistrationInclude, standingOf } from "@/lib/certificates/data";
import { countMissing } from "@/lib/certificates/rules";
import type { CertificateSettings } from "@/lib/certificates/schema";
import { db } from "@/lib/db";
import { queueLetter } from "@/lib/emails/queue";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

export async function saveCertificateSettings({
  eventId,
  settings,
  actor,
}: {
  eventId: string;
  settings: CertificateSettings;
  actor: Actor;
}): Promise<
  | { ok: true }
  | { ok: false; reason: "not_found" | "more_days_than_event" }
  | { ok: false; reason: "no_instrument"; field: "requiresPostTest" | "requiresFeedback" }
> {
  return db.$transaction(async (tx) => {
    const days = await tx.eventDay.count({ where: { eventId } });
    if (settings.minDays !== null && settings.minDays > days)
      return { ok: false, reason: "more_days_than_event" };
    // An instrument the event does not have could never be submitted: no one would get a certificate.
    const instruments = await tx.instrument.findMany({ where: { eventId }, select: { kind: true } });
    const has = (kind: string) => instruments.some((instrument) => instrument.kind === kind);
    if (settings.requiresPostTest && !has("POST_TEST"))
      return { ok: false, reason: "no_instrument", field: "requiresPostTest" };
    if (settings.requiresFeedback && !has("FEEDBACK"))
      return { ok: false, reason: "no_instrument", field: "requiresFeedback" };
    const { count } = await tx.event.updateMany({
      where: { id: eventId },
      data: {
        certificateMinDays: settings.minDays,
        certificateHours: settings.hours,
        certificateRequiresPostTest: settings.requiresPostTest,
        certificateRequiresFeedback: settings.requiresFeedback,
      },
    });
    if (count === 0) return { ok: false, reason: "not_found" };
    await recordAudit(tx, {
      actor,
      action: "event.certificates_changed",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: settings,
    });
    return { ok: true };
  });
}

/**
 * Gives each of the registrations a certificate unless it has one. Concurrent
 * callers may race: the unique registration id keeps the first code, and
 * only the insert that won is recorded as an issue.
 */
async function issueCertificates(
  tx: Tx,
  { registrations, actor }: { registrations: { id: string; eventId: string }[]; actor: Actor },
) {
  for (const registration of registrations) {
    const { count } = await tx.certificate.createMany({
      data: [{ registrationId: registration.id, code: generateCertificateCode() }],
      skipDuplicates: true,
    });
    if (count === 0) continue;
    await recordAudit(tx, {
      actor,
      action: "certificate.issued",
      entityType: "registration",
      entityId: registration.id,
      eventId: registration.eventId,
    });
  }
}

/** The certificate of a registration that qualifies, issued now if need be; null if it does not qualify. */
export async function issueCertificate({
  registrationId,
  actor,
  now = new Date(),
}: {
  registrationId: string;
  actor: Actor;
  now?: Date;
}): Promise<{ code: string; issuedAt: Date } | null> {
  return db.$transaction(async (tx) => {
    const registration = await tx.registration.findUnique({
      where: { id: registrationId },
      select: {
        id: true,
        eventId: true,
        status: true,
        event: { select: certificateEventSelect },
        ...certificateRegistrationInclude,
      },
    });
    if (!registration || !standingOf(registration, registration.event, now).qualifies) return null;
    await issueCertificates(tx, { registrations: [registration], actor });
    return tx.certificate.findUniqueOrThrow({
      where: { registrationId },
      select: { code: true, issuedAt: true },
    });
  });
}

/**
 * Organizers: every participant who qualifies gets their certificate by
 * email, once (the letter's dedupe key); pressing again reaches only those
 * who qualified since. Returns how many letters were queued, and how many
 * who attended enough were skipped for an instrument not submitted.
 */
export async function queueCertificateLetters({
  eventId,
  actor,
  now = new Date(),
}: {
  eventId: string;
  actor: Actor;
  now?: Date;
}): Promise<{ queued: number } & ReturnType<typeof countMissing>> {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: certificateEventSelect });
    if (!event) return { queued: 0, ...countMissing([]) };
    const confirmed = await tx.registration.findMany({
      where: { eventId, status: "CONFIRMED" },
      select: {
        id: true,
        eventId: true,
        status: true,
        email: true,
        locale: true,
        ...certificateRegistrationInclude,
      },
    });
    const standings = confirmed.map((registration) => ({
      registration,
      standing: standingOf(registration, event, now),
    }));
    const qualified = standings.flatMap(({ registration, standing }) =>
      standing.qualifies ? [registration] : [],
    );
    const missing = countMissing(standings.map(({ standing }) => standing));
    await issueCertificates(tx, { registrations: qualified, actor });
    let queued = 0;
    for (const registration of qualified) {
      const isNew = await queueLetter(tx, {
        template: "certificate",
        registration,
        dedupeKey: `certificate:${registration.id}`,
      });
      if (isNew) queued++;
    }
    await recordAudit(tx, {
      actor,
      action: "event.certificates_sent",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { queued, skipped: missing.skipped },
    });
    return { queued, ...missing };
  });
}
