import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { calendarDate, zonedInstant } from "@/lib/events/rules";
import type { EventSettings } from "@/lib/events/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventStatus, ParticipantCategory } from "@/lib/generated/prisma/enums";
import { copyHandouts } from "@/lib/handouts/mutations";
import { copyInstruments } from "@/lib/outcomes/mutations";
import { copyProgramme, fitProgrammeToDays } from "@/lib/programme/mutations";
import { copyQuestions, copyRegions } from "@/lib/questions/mutations";
import { changeSeatsOfEvent } from "@/lib/registrations/mutations";

type Tx = Prisma.TransactionClient;

export type SaveEventResult =
  | { ok: true; id: string }
  | { ok: false; reason: "slug_taken" | "not_found" | "unknown_organization" | DaysRefusal };

/** Why an event's days cannot change as its settings say. */
type DaysRefusal = "day_has_attendance" | "programme_outside_days";

function columns(settings: EventSettings) {
  const local = (value: string | undefined) =>
    value
      ? zonedInstant({ date: value.slice(0, 10), time: value.slice(11, 16), timeZone: settings.timeZone })
      : null;
  return {
    slug: settings.slug,
    title: settings.title,
    summary: settings.summary,
    description: settings.description,
    audience: settings.audience,
    venueName: settings.venueName,
    venueAddress: settings.venueAddress,
    timeZone: settings.timeZone,
    registrationOpensAt: local(settings.registrationOpensAt),
    registrationClosesAt: local(settings.registrationClosesAt),
    capacity: settings.capacity,
    requiresApproval: settings.requiresApproval,
    contactEmail: settings.contactEmail ?? null,
    retentionDays: settings.retentionDays ?? null,
  };
}

/**
 * Puts the event's days and sectors as the settings say; a day that has
 * attendance cannot go, nor a day's hours leave out its programme.
 */
async function writeDaysAndQuotas(
  tx: Tx,
  eventId: string,
  settings: EventSettings,
  previousZone: string,
): Promise<DaysRefusal | null> {
  const days = settings.days.map((day) => ({
    date: calendarDate(day.date),
    startsAt: zonedInstant({ date: day.date, time: day.start, timeZone: settings.timeZone }),
    endsAt: zonedInstant({ date: day.date, time: day.end, timeZone: settings.timeZone }),
  }));
  const removed = await tx.eventDay.findMany({
    where: { eventId, date: { notIn: days.map((day) => day.date) } },
    include: { _count: { select: { attendance: true } } },
  });
  if (removed.some((day) => day._count.attendance > 0)) return "day_has_attendance";
  const zone = { from: previousZone, to: settings.timeZone };
  if (!(await fitProgrammeToDays(tx, { eventId, days, zone }))) return "programme_outside_days";
  await tx.eventDay.deleteMany({ where: { id: { in: removed.map((day) => day.id) } } });
  for (const day of days) {
    await tx.eventDay.upsert({
      where: { eventId_date: { eventId, date: day.date } },
      create: { eventId, ...day },
      update: { startsAt: day.startsAt, endsAt: day.endsAt },
    });
  }
  await tx.categoryQuota.deleteMany({ where: { eventId } });
  await tx.categoryQuota.createMany({
    data: Object.entries(settings.quotas)
      .filter((entry): entry is [ParticipantCategory, number] => entry[1] !== undefined)
      .map(([category, seats]) => ({ eventId, category, seats })),
  });
  return null;
}

class DaysRefused extends Error {
  constructor(readonly reason: DaysRefusal) {
    super(reason);
  }
}

export async function saveEvent({
  id,
  settings,
  organizationId = null,
  actor,
}: {
  /** Absent: a new event, as a draft. */
  id?: string;
  settings: EventSettings;
  /** A new event's partner organization (docs/decisions/041-partner-organizations.md); ignored on a save. */
  organizationId?: string | null;
  actor: Actor;
}): Promise<SaveEventResult> {
  try {
    return await db.$transaction(async (tx) => {
      if (!id) {
        const event = await tx.event.create({
          data: { ...columns(settings), status: "DRAFT", organizationId },
        });
        await writeDaysAndQuotas(tx, event.id, settings, settings.timeZone);
        await recordAudit(tx, {
          actor,
          action: "event.created",
          entityType: "event",
          entityId: event.id,
          eventId: event.id,
        });
        return { ok: true, id: event.id } as const;
      }
      // A raised capacity or sector moves the waiting list, in the same transaction.
      const saved = await changeSeatsOfEvent(tx, { eventId: id }, async () => {
        const previous = await tx.event.findUniqueOrThrow({ where: { id }, select: { timeZone: true } });
        await tx.event.update({ where: { id }, data: columns(settings) });
        const refused = await writeDaysAndQuotas(tx, id, settings, previous.timeZone);
        if (refused) throw new DaysRefused(refused);
        await recordAudit(tx, {
          actor,
          action: "event.updated",
          entityType: "event",
          entityId: id,
          eventId: id,
        });
        return { ok: true, id } as const;
      });
      return saved ?? ({ ok: false, reason: "not_found" } as const);
    });
  } catch (error) {
    if (error instanceof DaysRefused) return { ok: false, reason: error.reason };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, reason: "slug_taken" };
    }
    // No organization has the id chosen (none is ever deleted: an id made up).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") {
      return { ok: false, reason: "unknown_organization" };
    }
    throw error;
  }
}

export async function setEventStatus({
  id,
  status,
  actor,
}: {
  id: string;
  status: EventStatus;
  actor: Actor;
}) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.event.updateMany({ where: { id }, data: { status } });
    if (count === 0) return;
    await recordAudit(tx, {
      actor,
      action: "event.status_changed",
      entityType: "event",
      entityId: id,
      eventId: id,
      data: { status },
    });
  });
}

/** A draft copy of an event, to start the next one from: texts (its letters' own wording too), days, sectors, parties, its form (fields, regions, questions), its programme; no registrations. */
export async function duplicateEvent({
  id,
  actor,
}: {
  id: string;
  actor: Actor;
}): Promise<string | undefined> {
  return db.$transaction(async (tx) => {
    const source = await tx.event.findUnique({ where: { id } });
    if (!source) return undefined;
    // One relation at a time: Prisma loads an include's relations in
    // parallel, and a transaction's queries share one connection, which pg
    // refuses to be given a query while it runs another.
    const days = await tx.eventDay.findMany({ where: { eventId: id } });
    const quotas = await tx.categoryQuota.findMany({ where: { eventId: id } });
    const parties = await tx.eventParty.findMany({ where: { eventId: id } });
    const taken = await tx.event.count({ where: { slug: { startsWith: `${source.slug}-copy` } } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...copied } = source;
    const copy = await tx.event.create({
      data: {
        ...copied,
        title: copied.title as Prisma.InputJsonValue,
        summary: copied.summary as Prisma.InputJsonValue,
        description: copied.description as Prisma.InputJsonValue,
        audience: copied.audience as Prisma.InputJsonValue,
        venueName: copied.venueName as Prisma.InputJsonValue,
        venueAddress: copied.venueAddress as Prisma.InputJsonValue,
        sectorLabel: (copied.sectorLabel as Prisma.InputJsonValue | null) ?? Prisma.DbNull,
        genderLabel: (copied.genderLabel as Prisma.InputJsonValue | null) ?? Prisma.DbNull,
        confirmationWording: (copied.confirmationWording as Prisma.InputJsonValue | null) ?? Prisma.DbNull,
        waitlistWording: (copied.waitlistWording as Prisma.InputJsonValue | null) ?? Prisma.DbNull,
        slug: `${source.slug}-copy${taken ? `-${taken + 1}` : ""}`,
        status: "DRAFT",
        isDemo: false,
        days: { create: days.map(({ date, startsAt, endsAt }) => ({ date, startsAt, endsAt })) },
        quotas: { create: quotas.map(({ category, seats }) => ({ category, seats })) },
        parties: {
          create: parties.map(({ role, position, name, url }) => ({
            role,
            position,
            name: name as Prisma.InputJsonValue,
            url,
          })),
        },
      },
    });
    await copyRegions(tx, { from: id, to: copy.id });
    await copyQuestions(tx, { from: { eventId: id }, to: { eventId: copy.id } });
    const sessions = await copyProgramme(tx, { from: id, to: copy.id });
    await copyHandouts(tx, { from: id, to: copy.id, sessions });
    await copyInstruments(tx, { from: id, to: copy.id });
    await recordAudit(tx, {
      actor,
      action: "event.duplicated",
      entityType: "event",
      entityId: copy.id,
      eventId: copy.id,
      data: { from: id },
    });
    return copy.id;
  });
}
