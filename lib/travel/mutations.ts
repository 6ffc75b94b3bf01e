import "server-only";
import type { z } from "zod";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { zonedInstant } from "@/lib/events/rules";
import { Prisma } from "@/lib/generated/prisma/client";
import { categories } from "@/lib/registrations/schema";
import type {
  hotelSchema,
  LogisticsSettings,
  roomSchema,
  TravelCompletion,
  TravelInput,
} from "@/lib/travel/schema";

type Tx = Prisma.TransactionClient;

const invalid = (fieldErrors: Record<string, string>) =>
  ({ ok: false, reason: "invalid", fieldErrors }) as const;
const notFound = { ok: false, reason: "not_found" } as const;

export type LogisticsResult =
  | { ok: true }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "not_found" };

/** The instant a form's wall-clock time ("2026-12-23T18:30") names in the event's zone. */
const instant = (local: string, timeZone: string) =>
  zonedInstant({ date: local.slice(0, 10), time: local.slice(11, 16), timeZone });

/** A participant's travel as registration_travel's columns, by name (register_participant's statement reads them). */
export function travelColumns({ travel, timeZone }: { travel: NonNullable<TravelInput>; timeZone: string }) {
  return {
    from_settlement: travel.fromSettlement,
    from_region: travel.fromRegion,
    arrives_at: instant(travel.arrivesAt, timeZone),
    departs_at: instant(travel.departsAt, timeZone),
    transport: travel.transport,
    nights: travel.nights,
    shares_with: travel.sharesWith ?? null,
    passport_number: travel.passportNumber ?? null,
  };
}

/**
 * A participant's own edit of their travel, in the edit's transaction: what
 * they gave replaces what they gave before (organizers' completion stays);
 * the group left empty removes it, with the rooms of its nights.
 */
export async function replaceParticipantTravel(
  tx: Tx,
  {
    registrationId,
    eventId,
    travel,
    timeZone,
  }: { registrationId: string; eventId: string; travel: TravelInput; timeZone: string },
) {
  if (!travel) {
    await tx.roomNight.deleteMany({ where: { registrationId } });
    await tx.registrationTravel.deleteMany({ where: { registrationId } });
    return;
  }
  const columns = travelColumns({ travel, timeZone });
  const given = {
    fromSettlement: columns.from_settlement,
    fromRegion: columns.from_region,
    arrivesAt: columns.arrives_at,
    departsAt: columns.departs_at,
    transport: columns.transport,
    nights: columns.nights.map((night) => new Date(`${night}T00:00:00Z`)),
    sharesWith: columns.shares_with,
    passportNumber: columns.passport_number,
  };
  await tx.registrationTravel.upsert({
    where: { registrationId },
    create: { registrationId, eventId, ...given },
    update: given,
  });
  // A night no longer asked for keeps no room.
  await tx.roomNight.deleteMany({ where: { registrationId, night: { notIn: given.nights } } });
}

/** Whether an error is the database refusing a room over its beds (its trigger's message names it). */
export function isRoomFull(error: unknown): boolean {
  return error instanceof Error && error.message.includes("room_night_within_beds");
}

/**
 * Organizers complete a participant's travel: the room for each night they
 * asked one for (or none), the roommate, the fare paid, the per-diem days at
 * most. The database refuses a room over its beds on a night and a roommate
 * of another event; those refusals come back as field errors.
 */
export async function completeTravel({
  registrationId,
  input,
  actor,
}: {
  registrationId: string;
  input: TravelCompletion;
  actor: Actor;
}): Promise<LogisticsResult> {
  try {
    return await db.$transaction(async (tx) => {
      const travel = await tx.registrationTravel.findUnique({
        where: { registrationId },
        select: { eventId: true, nights: true },
      });
      if (!travel) return notFound;
      const { eventId } = travel;
      if (input.roommateId) {
        const roommate = await tx.registration.findFirst({
          where: { id: input.roommateId, eventId, NOT: { id: registrationId } },
          select: { id: true },
        });
        if (!roommate) return invalid({ roommateId: "notAParticipant" });
      }
      if (input.roomId && !(await tx.hotelRoom.findFirst({ where: { id: input.roomId, eventId } })))
        return invalid({ roomId: "invalidChoice" });
      await tx.registrationTravel.update({
        where: { registrationId },
        data: {
          roommateId: input.roommateId || null,
          farePaid: input.farePaid ?? null,
          perDiemDays: input.perDiemDays ?? null,
        },
      });
      await tx.roomNight.deleteMany({ where: { registrationId } });
      if (input.roomId) {
        await tx.roomNight.createMany({
          data: travel.nights.map((night) => ({ registrationId, eventId, night, roomId: input.roomId })),
        });
      }
      await recordAudit(tx, {
        actor,
        action: "registration.travel_completed",
        entityType: "registration",
        entityId: registrationId,
        eventId,
        data: { fields: Object.keys(input) },
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (isRoomFull(error)) return invalid({ roomId: "roomFull" });
    throw error;
  }
}

/** Organizers: whether the form asks travel and a passport, how travel is paid, the rates and ceilings. */
export async function saveLogisticsSettings({
  eventId,
  input,
  actor,
}: {
  eventId: string;
  input: LogisticsSettings;
  actor: Actor;
}): Promise<LogisticsResult> {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({
      where: { id: eventId },
      select: { regions: { select: { code: true } } },
    });
    if (!event) return notFound;
    const codes = new Set(event.regions.map((region) => region.code));
    await tx.event.update({
      where: { id: eventId },
      data: {
        travelEnabled: input.travelEnabled,
        passportEnabled: input.passportEnabled,
        travelCompensation: input.travelCompensation,
      },
    });
    await tx.perDiemRate.deleteMany({ where: { eventId } });
    await tx.perDiemRate.createMany({
      data: categories.flatMap((category) => {
        const amount = input.perDiem[category];
        return amount === undefined ? [] : [{ eventId, category, amount }];
      }),
    });
    await tx.travelCeiling.deleteMany({ where: { eventId } });
    await tx.travelCeiling.createMany({
      data: input.ceilings.flatMap(({ region, amount }) =>
        amount !== undefined && codes.has(region) ? [{ eventId, region, amount }] : [],
      ),
    });
    await recordAudit(tx, {
      actor,
      action: "event.logistics_saved",
      entityType: "event",
      entityId: eventId,
      eventId,
    });
    return { ok: true } as const;
  });
}

const isTaken = (error: unknown) =>
  error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Organizers: a hotel of the event. A name the event already has is refused. */
export async function createHotel({
  eventId,
  input,
  actor,
}: {
  eventId: string;
  input: z.infer<typeof hotelSchema>;
  actor: Actor;
}): Promise<LogisticsResult> {
  try {
    return await db.$transaction(async (tx) => {
      await tx.hotel.create({
        data: { eventId, name: input.name, address: input.address ?? null },
      });
      await recordAudit(tx, {
        actor,
        action: "event.hotel_added",
        entityType: "event",
        entityId: eventId,
        eventId,
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (isTaken(error)) return invalid({ name: "nameTaken" });
    throw error;
  }
}

/** Organizers: a room of one of the event's hotels, with its beds. A hotel of another event is not found. */
export async function createRoom({
  eventId,
  input,
  actor,
}: {
  eventId: string;
  input: z.infer<typeof roomSchema>;
  actor: Actor;
}): Promise<LogisticsResult> {
  try {
    return await db.$transaction(async (tx) => {
      if (!(await tx.hotel.findFirst({ where: { id: input.hotelId, eventId } })))
        return invalid({ hotelId: "invalidChoice" });
      await tx.hotelRoom.create({
        data: { hotelId: input.hotelId, eventId, name: input.name, beds: input.beds },
      });
      await recordAudit(tx, {
        actor,
        action: "event.room_added",
        entityType: "event",
        entityId: eventId,
        eventId,
      });
      return { ok: true } as const;
    });
  } catch (error) {
    if (isTaken(error)) return invalid({ name: "nameTaken" });
    throw error;
  }
}
