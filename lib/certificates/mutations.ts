import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { generateCertificateCode } from "@/lib/certificates/codes";
import { qualifiesForCertificate } from "@/lib/certificates/rules";
import type { CertificateSettings } from "@/lib/certificates/schema";
import { db } from "@/lib/db";
import { queueLetter } from "@/lib/emails/queue";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** The event's last day, whose end certificates wait for. */
const lastDay = { orderBy: { endsAt: "desc" }, take: 1, select: { endsAt: true } } as const;

export async function saveCertificateSettings({
  eventId,
  settings,
  actor,
}: {
  eventId: string;
  settings: CertificateSettings;
  actor: Actor;
}): Promise<{ ok: true } | { ok: false; reason: "not_found" | "more_days_than_event" }> {
  return db.$transaction(async (tx) => {
    const days = await tx.eventDay.count({ where: { eventId } });
    if (settings.minDays !== null && settings.minDays > days)
      return { ok: false, reason: "more_days_than_event" };
    const { count } = await tx.event.updateMany({
      where: { id: eventId },
      data: { certificateMinDays: settings.minDays, certificateHours: settings.hours },
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
      include: {
        event: { select: { certificateMinDays: true, days: lastDay } },
        _count: { select: { attendance: true } },
      },
    });
    if (
      !registration ||
      !qualifiesForCertificate({
        status: registration.status,
        daysAttended: registration._count.attendance,
        minDays: registration.event.certificateMinDays,
        lastDayEndsAt: registration.event.days[0]?.endsAt,
        now,
      })
    ) {
      return null;
    }
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
 * who qualified since. Returns how many letters were queued.
 */
export async function queueCertificateLetters({
  eventId,
  actor,
  now = new Date(),
}: {
  eventId: string;
  actor: Actor;
  now?: Date;
}): Promise<number> {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { certificateMinDays: true, days: lastDay },
    });
    if (!event) return 0;
    const confirmed = await tx.registration.findMany({
      where: { eventId, status: "CONFIRMED" },
      select: {
        id: true,
        eventId: true,
        status: true,
        email: true,
        locale: true,
        _count: { select: { attendance: true } },
      },
    });
    const qualified = confirmed.filter((registration) =>
      qualifiesForCertificate({
        status: registration.status,
        daysAttended: registration._count.attendance,
        minDays: event.certificateMinDays,
        lastDayEndsAt: event.days[0]?.endsAt,
        now,
      }),
    );
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
      data: { queued },
    });
    return queued;
  });
}
