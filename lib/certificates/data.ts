import "server-only";
import {
  type CertificateStanding,
  certificateInstruments,
  certificateStanding,
  countMissing,
  requiredInstruments,
} from "@/lib/certificates/rules";
import { db } from "@/lib/db";
import { eventHasEnded } from "@/lib/events/rules";
import type { InstrumentKind } from "@/lib/generated/prisma/enums";
import { compareByRussianName } from "@/lib/registrations/names";

/** Of an event, what its certificates are decided by: the days to attend, the instruments required, its last day. */
export const certificateEventSelect = {
  certificateMinDays: true,
  certificateRequiresPostTest: true,
  certificateRequiresFeedback: true,
  days: { orderBy: { endsAt: "desc" }, take: 1, select: { endsAt: true } },
} as const;

const certificateKinds: InstrumentKind[] = [...certificateInstruments];

const submittedSelect = {
  select: { instrument: { select: { kind: true } } },
  where: { instrument: { kind: { in: certificateKinds } } },
} as const;

/** Of a registration (with its status), what its certificate is decided by: days present, instruments submitted. */
export const certificateRegistrationInclude = {
  _count: { select: { attendance: true } },
  instrumentResponses: submittedSelect,
  ballots: submittedSelect,
} as const;

type StandingEvent = {
  certificateMinDays: number | null;
  certificateRequiresPostTest: boolean;
  certificateRequiresFeedback: boolean;
  days: { endsAt: Date }[];
};

type StandingRegistration = {
  status: string;
  _count: { attendance: number };
  instrumentResponses: { instrument: { kind: InstrumentKind } }[];
  ballots: { instrument: { kind: InstrumentKind } }[];
};

/** `certificateStanding` of a registration read with the selects above. */
export function standingOf(
  registration: StandingRegistration,
  event: StandingEvent,
  now: Date,
): CertificateStanding {
  return certificateStanding({
    status: registration.status,
    daysAttended: registration._count.attendance,
    minDays: event.certificateMinDays,
    lastDayEndsAt: event.days[0]?.endsAt,
    now,
    required: requiredInstruments(event),
    submitted: [...registration.instrumentResponses, ...registration.ballots].map(
      (item) => item.instrument.kind,
    ),
  });
}

/** One registration as its certificate needs it, whether it qualifies now, and what it still misses. */
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
      ...certificateRegistrationInclude,
    },
  });
  if (!registration) return null;
  const { event } = registration;
  const standing = standingOf(registration, { ...event, days: event.days.slice(-1) }, now);
  return { registration, ...standing };
}

/**
 * The certificate a verification code names, while its holder still
 * qualifies (attendance corrected, a registration cancelled, the threshold
 * raised or an instrument required withdraw it); null otherwise.
 */
export async function findValidCertificate({ code, now = new Date() }: { code: string; now?: Date }) {
  const certificate = await db.certificate.findUnique({
    where: { code },
    include: {
      registration: {
        include: {
          event: { include: { days: { orderBy: { startsAt: "asc" } } } },
          ...certificateRegistrationInclude,
        },
      },
    },
  });
  if (!certificate) return null;
  const { registration } = certificate;
  const { event } = registration;
  const { qualifies } = standingOf(registration, { ...event, days: event.days.slice(-1) }, now);
  return qualifies ? certificate : null;
}

/** For the staff's documents page: the event's settings, who qualifies by name, and who misses an instrument. */
export async function getCertificateOverview({ eventId, now = new Date() }: { eventId: string; now?: Date }) {
  const [event, confirmed, instruments] = await Promise.all([
    db.event.findUnique({
      where: { id: eventId },
      select: { ...certificateEventSelect, certificateHours: true },
    }),
    db.registration.findMany({
      where: { eventId, status: "CONFIRMED" },
      select: {
        id: true,
        lastName: true,
        firstName: true,
        patronymic: true,
        certificate: { select: { code: true } },
        status: true,
        ...certificateRegistrationInclude,
      },
    }),
    db.instrument.findMany({
      where: { eventId, kind: { in: certificateKinds } },
      select: { kind: true },
    }),
  ]);
  if (!event) return null;
  const { days, ...settings } = event;
  const lastDayEndsAt = days[0]?.endsAt;
  const standings = confirmed.map((registration) => ({
    registration,
    standing: standingOf(registration, event, now),
  }));
  const holders = standings
    .filter(({ standing }) => standing.qualifies)
    .map(({ registration }) => registration)
    .sort(compareByRussianName)
    .map(({ id, lastName, firstName, patronymic, certificate, _count }) => ({
      id,
      lastName,
      firstName,
      patronymic,
      certificate,
      daysAttended: _count.attendance,
    }));
  return {
    ...settings,
    /** The instruments the event has, which a certificate may require. */
    instruments: instruments.map((instrument) => instrument.kind),
    confirmed: confirmed.length,
    holders,
    /** Those who attended enough but miss a required instrument. */
    missing: countMissing(standings.map(({ standing }) => standing)),
    lastDayEndsAt,
    ended: eventHasEnded({ lastDayEndsAt, now }),
  };
}
