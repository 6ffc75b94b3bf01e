import "server-only";
import { db } from "@/lib/db";
import { zonedParts } from "@/lib/events/rules";
import type { LocalizedText } from "@/lib/events/schema";
import type { ParticipantCategory } from "@/lib/generated/prisma/enums";
import type { QuestionText } from "@/lib/questions/schema";
import { compareByRussianName, fullName } from "@/lib/registrations/names";
import {
  type BudgetPerson,
  budgetFigures,
  type Rates,
  registerAmounts,
  travelAsked,
} from "@/lib/travel/rules";

const dateOf = (night: Date) => night.toISOString().slice(0, 10);

/** An event's logistics as its pages read them: settings, rates, regions, days, hotels and rooms. */
export async function getLogistics({ eventId }: { eventId: string }) {
  const event = await db.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      slug: true,
      title: true,
      venueName: true,
      timeZone: true,
      travelEnabled: true,
      passportEnabled: true,
      travelCompensation: true,
      days: { orderBy: { startsAt: "asc" }, select: { id: true, date: true, startsAt: true, endsAt: true } },
      regions: { orderBy: { position: "asc" }, select: { code: true, label: true } },
      perDiemRates: { select: { category: true, amount: true } },
      hotels: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          address: true,
          rooms: { orderBy: { name: "asc" }, select: { id: true, name: true, beds: true } },
        },
      },
    },
  });
  if (!event) return null;
  const ceilings = await db.travelCeiling.findMany({
    where: { eventId },
    select: { region: true, amount: true },
  });
  const first = event.days[0];
  const last = event.days.at(-1);
  return {
    ...event,
    title: event.title as LocalizedText,
    venueName: event.venueName as LocalizedText,
    regions: event.regions.map((region) => ({ code: region.code, label: region.label as QuestionText })),
    window:
      first && last
        ? travelAsked({
            firstDay: dateOf(first.date),
            lastDay: dateOf(last.date),
            timeZone: event.timeZone,
            passport: event.passportEnabled,
          })
        : null,
    rates: {
      perDiem: Object.fromEntries(event.perDiemRates.map((rate) => [rate.category, rate.amount])),
      compensation: event.travelCompensation,
      ceilings: Object.fromEntries(ceilings.map((ceiling) => [ceiling.region, ceiling.amount])),
    } satisfies Rates,
  };
}

export type Logistics = NonNullable<Awaited<ReturnType<typeof getLogistics>>>;

/**
 * One registration's travel, as its participant gave it (wall-clock times in
 * the event's zone, for the form) and as organizers completed it, with the
 * room of its nights. Null without travel details.
 */
export async function getTravel({ registrationId }: { registrationId: string }) {
  const travel = await db.registrationTravel.findUnique({
    where: { registrationId },
    include: {
      registration: { select: { event: { select: { timeZone: true } } } },
      roommate: { select: { lastName: true, firstName: true, patronymic: true } },
    },
  });
  if (!travel) return null;
  const rooms = await db.roomNight.findMany({
    where: { registrationId },
    orderBy: { night: "asc" },
    select: { night: true, room: { select: { id: true, name: true, hotel: { select: { name: true } } } } },
  });
  const { timeZone } = travel.registration.event;
  const local = (instant: Date) => {
    const { date, time } = zonedParts(instant, timeZone);
    return `${date}T${time}`;
  };
  return {
    fromSettlement: travel.fromSettlement,
    fromRegion: travel.fromRegion,
    arrivesAt: local(travel.arrivesAt),
    departsAt: local(travel.departsAt),
    transport: travel.transport,
    nights: travel.nights.map(dateOf),
    sharesWith: travel.sharesWith,
    passportNumber: travel.passportNumber,
    roommateId: travel.roommateId,
    roommate: travel.roommate ? fullName(travel.roommate) : null,
    farePaid: travel.farePaid,
    perDiemDays: travel.perDiemDays,
    rooms: rooms.map((each) => ({
      night: dateOf(each.night),
      roomId: each.room.id,
      label: `${each.room.hotel.name}, ${each.room.name}`,
    })),
  };
}

export type Travel = NonNullable<Awaited<ReturnType<typeof getTravel>>>;

/** The event's other registrations that are not cancelled or declined: whom a participant may share a room with. */
export async function listRoommateChoices({ eventId, except }: { eventId: string; except: string }) {
  const people = await db.registration.findMany({
    where: { eventId, id: { not: except }, status: { in: ["CONFIRMED", "PENDING", "WAITLISTED"] } },
    select: { id: true, lastName: true, firstName: true, patronymic: true },
  });
  return people.sort(compareByRussianName).map((person) => ({ id: person.id, name: fullName(person) }));
}

const person = {
  id: true,
  lastName: true,
  firstName: true,
  patronymic: true,
  organization: true,
  gender: true,
  category: true,
} as const;

/**
 * The rooming list of one hotel on one night: each room with its beds and
 * who sleeps in it, and the confirmed participants who asked for a room that
 * night and have none yet.
 */
export async function getRoomingList({
  eventId,
  hotelId,
  night,
}: {
  eventId: string;
  hotelId: string;
  night: string;
}) {
  const date = new Date(`${night}T00:00:00Z`);
  const hotel = await db.hotel.findFirst({
    where: { id: hotelId, eventId },
    select: {
      id: true,
      name: true,
      address: true,
      rooms: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          beds: true,
          nights: { where: { night: date }, select: { registration: { select: person } } },
        },
      },
    },
  });
  if (!hotel) return null;
  const waiting = await db.registration.findMany({
    where: {
      eventId,
      status: "CONFIRMED",
      travel: { nights: { has: date } },
      roomNights: { none: { night: date } },
    },
    select: person,
  });
  return {
    hotel: { id: hotel.id, name: hotel.name, address: hotel.address },
    night,
    rooms: hotel.rooms.map((room) => ({
      id: room.id,
      name: room.name,
      beds: room.beds,
      people: room.nights.map((each) => each.registration).sort(compareByRussianName),
    })),
    waiting: waiting.sort(compareByRussianName),
  };
}

export type RoomingList = NonNullable<Awaited<ReturnType<typeof getRoomingList>>>;

/**
 * Who arrives and departs when, and from where: the confirmed participants
 * with travel details, by arrival (the minibus from Bishkek), the phone only
 * for those who may see contacts.
 */
export async function listTransport({ eventId, contacts }: { eventId: string; contacts: boolean }) {
  const rows = await db.registrationTravel.findMany({
    where: { eventId, registration: { status: "CONFIRMED" } },
    orderBy: [{ arrivesAt: "asc" }, { departsAt: "asc" }],
    select: {
      fromSettlement: true,
      fromRegion: true,
      arrivesAt: true,
      departsAt: true,
      transport: true,
      registration: { select: { ...person, phone: contacts } },
    },
  });
  return rows.map(({ registration, ...travel }) => ({
    ...travel,
    registration: { id: registration.id },
    name: fullName(registration),
    organization: registration.organization,
    phone: contacts ? (registration.phone ?? "") : null,
  }));
}

export type TransportRow = Awaited<ReturnType<typeof listTransport>>[number];

/**
 * The per-diem and travel register for the event (`dayId` null) or one of
 * its days: the confirmed participants who attended, by Russian name, with
 * the days, per-diem, travel and total the event's rates give them
 * (lib/travel/rules.ts), and the passport number where the event collects
 * it and the reader may see it. Null when the day is not the event's.
 */
export async function getRegister({
  logistics,
  dayId,
  passports,
}: {
  logistics: Logistics;
  dayId: string | null;
  passports: boolean;
}) {
  const days = logistics.days.map((day) => day.id);
  if (dayId !== null && !days.includes(dayId)) return null;
  const withPassports = passports && logistics.passportEnabled;
  const people = await db.registration.findMany({
    where: { eventId: logistics.id, status: "CONFIRMED", attendance: { some: {} } },
    select: {
      ...person,
      region: true,
      attendance: { select: { eventDayId: true } },
      travel: {
        select: { fromRegion: true, farePaid: true, perDiemDays: true, passportNumber: withPassports },
      },
    },
  });
  const rows = people.sort(compareByRussianName).flatMap((each) => {
    const amounts = registerAmounts({
      person: {
        category: each.category as ParticipantCategory,
        fromRegion: each.travel?.fromRegion ?? null,
        farePaid: each.travel?.farePaid ?? null,
        perDiemDays: each.travel?.perDiemDays ?? null,
        attended: each.attendance.map((mark) => mark.eventDayId),
      },
      rates: logistics.rates,
      days,
      dayId,
    });
    if (!amounts) return [];
    return [
      {
        registrationId: each.id,
        category: each.category as ParticipantCategory,
        gender: each.gender,
        name: fullName(each),
        organization: each.organization,
        passport: withPassports ? (each.travel?.passportNumber ?? "") : null,
        ...amounts,
      },
    ];
  });
  const day = dayId === null ? null : (logistics.days.find((each) => each.id === dayId) ?? null);
  return { rows, day, withPassports };
}

export type Register = NonNullable<Awaited<ReturnType<typeof getRegister>>>;

/** The register of an event's day (or of the event) with the event's logistics, for its page and files; null when either is not found. */
export async function getEventRegister({
  eventId,
  dayId,
  passports,
}: {
  eventId: string;
  dayId: string | null;
  passports: boolean;
}) {
  const logistics = await getLogistics({ eventId });
  const register = logistics && (await getRegister({ logistics, dayId, passports }));
  return logistics && register ? { logistics, register } : null;
}

/**
 * The budget report's figures (lib/travel/rules.ts): the confirmed
 * participants' room nights booked, and the event's register (only those who
 * attended are paid), by sector and gender. Null for an event that neither
 * asks about travel nor pays a per-diem.
 */
export async function getEventBudget({ eventId }: { eventId: string }) {
  const logistics = await getLogistics({ eventId });
  if (!logistics || (!logistics.travelEnabled && Object.keys(logistics.rates.perDiem).length === 0)) {
    return null;
  }
  const [register, lodged] = await Promise.all([
    getRegister({ logistics, dayId: null, passports: false }),
    db.registration.findMany({
      where: { eventId: logistics.id, status: "CONFIRMED", roomNights: { some: {} } },
      select: { id: true, category: true, gender: true, _count: { select: { roomNights: true } } },
    }),
  ]);
  const paid = new Map(register?.rows.map((row) => [row.registrationId, row]));
  const people: BudgetPerson[] = lodged.map((each) => ({
    category: each.category as ParticipantCategory,
    gender: each.gender,
    nights: each._count.roomNights,
    paid: paid.get(each.id) ?? null,
  }));
  const lodgedIds = new Set(lodged.map((each) => each.id));
  for (const row of register?.rows ?? []) {
    if (!lodgedIds.has(row.registrationId))
      people.push({ category: row.category, gender: row.gender, nights: 0, paid: row });
  }
  return budgetFigures(people);
}
