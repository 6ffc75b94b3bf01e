import "server-only";
import { qualifiesForCertificate } from "@/lib/certificates/rules";
import { db } from "@/lib/db";
import { eventHasEnded } from "@/lib/events/rules";
import { compareByRussianName } from "@/lib/registrations/names";

/** One registration as its certificate needs it, and whether it qualifies now. */
export async function getCertificateOfRegistration({
  registrationId,
  now = new Date(),
}: {
  registrationId: string;
  now?: Date;
}) {
  const registration = await db.registration.findUnique({
    where: { id: registrationId },
    include: {
      event: {
        include: {
          days: { orderBy: { startsAt: "asc" } },
          parties: { where: { role: "ORGANIZER" }, orderBy: { position: "asc" } },
        },
      },
      certificate: true,
      _count: { select: { attendance: true } },
    },
  });
  if (!registration) return null;
  const qualifies = qualifiesForCertificate({
    status: registration.status,
    daysAttended: registration._count.attendance,
    minDays: registration.event.certificateMinDays,
    lastDayEndsAt: registration.event.days.at(-1)?.endsAt,
    now,
  });
  return { registration, qualifies };
}

/**
 * The certificate a verification code names, while its holder still
 * qualifies (attendance corrected, a registration cancelled or the threshold
 * raised withdraw it); null otherwise.
 */
export async function findValidCertificate({ code, now = new Date() }: { code: string; now?: Date }) {
  const certificate = await db.certificate.findUnique({
    where: { code },
    include: {
      registration: {
        include: {
          event: { include: { days: { orderBy: { startsAt: "asc" } } } },
          _count: { select: { attendance: true } },
        },
      },
    },
  });
  if (!certificate) return null;
  const { registration } = certificate;
  const qualifies = qualifiesForCertificate({
    status: registration.status,
    daysAttended: registration._count.attendance,
    minDays: registration.event.certificateMinDays,
    lastDayEndsAt: registration.event.days.at(-1)?.endsAt,
    now,
  });
  return qualifies ? certificate : null;
}

/** For the staff's documents page: the event's settings and who qualifies, by name. */
export async function getCertificateOverview({ eventId, now = new Date() }: { eventId: string; now?: Date }) {
  const [event, confirmed] = await Promise.all([
    db.event.findUnique({
      where: { id: eventId },
      select: {
        certificateMinDays: true,
        certificateHours: true,
        days: { orderBy: { endsAt: "desc" }, take: 1, select: { endsAt: true } },
      },
    }),
    db.registration.findMany({
      where: { eventId, status: "CONFIRMED" },
      select: {
        id: true,
        status: true,
        lastName: true,
        firstName: true,
        patronymic: true,
        certificate: { select: { code: true } },
        _count: { select: { attendance: true } },
      },
    }),
  ]);
  if (!event) return null;
  const { days, ...settings } = event;
  const lastDayEndsAt = days[0]?.endsAt;
  const holders = confirmed
    .filter((registration) =>
      qualifiesForCertificate({
        status: registration.status,
        daysAttended: registration._count.attendance,
        minDays: event.certificateMinDays,
        lastDayEndsAt,
        now,
      }),
    )
    .sort(compareByRussianName)
    .map(({ _count, ...registration }) => ({ ...registration, daysAttended: _count.attendance }));
  return {
    ...settings,
    confirmed: confirmed.length,
    holders,
    lastDayEndsAt,
    ended: eventHasEnded({ lastDayEndsAt, now }),
  };
}
