import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { outsideDay, sameWallClock, sessionInstants } from "@/lib/programme/rules";
import { ledKinds, type SessionInput, type SpeakerInput } from "@/lib/programme/schema";

type Tx = Prisma.TransactionClient;

export type SaveSessionResult =
  | { ok: true; id: string }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "not_found" };

const invalid = (fieldErrors: Record<string, string>) =>
  ({ ok: false, reason: "invalid", fieldErrors }) as const;
const notFound = { ok: false, reason: "not_found" } as const;

/**
 * Adds a session to an event's day (no `sessionId`) or changes one of the
 * event's sessions, with its speakers in their order. What the form cannot
 * know is checked here, against the event: the day is one of its own, the
 * times fit the day's hours, the speakers exist. A session of another event
 * is not found. Nothing is written unless all of it holds.
 */
export async function saveSession({
  eventId,
  sessionId,
  input,
  actor,
}: {
  eventId: string;
  sessionId?: string;
  input: SessionInput;
  actor: Actor;
}): Promise<SaveSessionResult> {
  return db.$transaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: eventId }, select: { timeZone: true } });
    if (!event) return notFound;
    if (sessionId && !(await tx.eventSession.findFirst({ where: { id: sessionId, day: { eventId } } })))
      return notFound;
    const day = await tx.eventDay.findFirst({ where: { id: input.dayId, eventId } });
    if (!day) return invalid({ dayId: "invalidChoice" });
    const span = sessionInstants({
      dayStartsAt: day.startsAt,
      start: input.start,
      end: input.end,
      timeZone: event.timeZone,
    });
    const outside = outsideDay(span, day);
    if (outside) return invalid({ [outside]: "outsideDay" });
    if (input.speakerIds.length > 0 && !(ledKinds as readonly string[]).includes(input.kind))
      return invalid({ speakerIds: "notLed" });
    const known = await tx.speaker.count({ where: { id: { in: input.speakerIds } } });
    if (known !== input.speakerIds.length) return invalid({ speakerIds: "unknownSpeaker" });
    const data = {
      eventDayId: day.id,
      kind: input.kind,
      ...span,
      title: input.title,
      description: input.description ?? Prisma.DbNull,
      room: input.room ?? null,
    };
    const { id } = sessionId
      ? await tx.eventSession.update({ where: { id: sessionId }, data, select: { id: true } })
      : await tx.eventSession.create({ data, select: { id: true } });
    await tx.eventSessionSpeaker.deleteMany({ where: { sessionId: id } });
    await tx.eventSessionSpeaker.createMany({
      data: input.speakerIds.map((speakerId, position) => ({ sessionId: id, speakerId, position })),
    });
    await recordAudit(tx, {
      actor,
      action: sessionId ? "event.session_changed" : "event.session_added",
      entityType: "event_session",
      entityId: id,
      eventId,
    });
    return { ok: true, id } as const;
  });
}

/** Removes one of an event's sessions; a session of another event is not found. */
export async function deleteSession({
  eventId,
  sessionId,
  actor,
}: {
  eventId: string;
  sessionId: string;
  actor: Actor;
}): Promise<{ ok: true } | typeof notFound> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.eventSession.deleteMany({ where: { id: sessionId, day: { eventId } } });
    if (count === 0) return notFound;
    await recordAudit(tx, {
      actor,
      action: "event.session_removed",
      entityType: "event_session",
      entityId: sessionId,
      eventId,
    });
    return { ok: true } as const;
  });
}

function speakerColumns(input: SpeakerInput) {
  return {
    name: input.name,
    organization: input.organization ?? null,
    country: input.country ?? null,
    bio: input.bio ?? Prisma.DbNull,
  };
}

/** A new speaker, whom any event's sessions may then name. */
export async function createSpeaker({ input, actor }: { input: SpeakerInput; actor: Actor }) {
  return db.$transaction(async (tx) => {
    const { id } = await tx.speaker.create({ data: speakerColumns(input), select: { id: true } });
    await recordAudit(tx, { actor, action: "speaker.created", entityType: "speaker", entityId: id });
    return { ok: true, id } as const;
  });
}

/** Corrects a speaker: every session that names them, of every event, shows the correction. */
export async function updateSpeaker({
  id,
  input,
  actor,
}: {
  id: string;
  input: SpeakerInput;
  actor: Actor;
}): Promise<{ ok: true; id: string } | typeof notFound> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.speaker.updateMany({ where: { id }, data: speakerColumns(input) });
    if (count === 0) return notFound;
    await recordAudit(tx, { actor, action: "speaker.updated", entityType: "speaker", entityId: id });
    return { ok: true, id } as const;
  });
}

/**
 * Whether an event's days, as they are about to be saved, still hold its
 * programme: a day with sessions is not removed, and no session falls outside
 * its day's new hours. Sessions first keep their wall-clock times when the
 * event changes zone, as its days do.
 */
export async function fitProgrammeToDays(
  tx: Tx,
  {
    eventId,
    days,
    zone,
  }: {
    eventId: string;
    /** The days as they will be, by calendar date. */
    days: { date: Date; startsAt: Date; endsAt: Date }[];
    zone: { from: string; to: string };
  },
): Promise<boolean> {
  const sessions = await tx.eventSession.findMany({
    where: { day: { eventId } },
    select: { id: true, startsAt: true, endsAt: true, day: { select: { date: true } } },
  });
  for (const session of sessions) {
    const day = days.find((candidate) => candidate.date.getTime() === session.day.date.getTime());
    if (!day) return false;
    const moved = zone.from !== zone.to;
    const span = moved
      ? { startsAt: sameWallClock(session.startsAt, zone), endsAt: sameWallClock(session.endsAt, zone) }
      : { startsAt: session.startsAt, endsAt: session.endsAt };
    if (outsideDay(span, day)) return false;
    if (moved) await tx.eventSession.update({ where: { id: session.id }, data: span });
  }
  return true;
}

/**
 * Copies an event's programme onto a copy of it whose days have the same
 * dates (lib/events duplicateEvent). Returns each copied session's id by the
 * id of the session it copies, for what hangs on sessions (handouts).
 */
export async function copyProgramme(tx: Tx, { from, to }: { from: string; to: string }) {
  const copies = new Map<string, string>();
  const days = await tx.eventDay.findMany({ where: { eventId: to }, select: { id: true, date: true } });
  // One relation per read: in a transaction, Prisma would load two at once on
  // the one connection (tests/integration/transaction-queries.test.ts).
  const sessions = await tx.eventSession.findMany({
    where: { day: { eventId: from } },
    include: { day: { select: { date: true } } },
  });
  const speakers = await tx.eventSessionSpeaker.findMany({
    where: { sessionId: { in: sessions.map((session) => session.id) } },
    select: { sessionId: true, speakerId: true, position: true },
  });
  for (const session of sessions) {
    const day = days.find((candidate) => candidate.date.getTime() === session.day.date.getTime());
    if (!day) continue;
    const copy = await tx.eventSession.create({
      data: {
        eventDayId: day.id,
        kind: session.kind,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        title: session.title as Prisma.InputJsonValue,
        description: (session.description as Prisma.InputJsonValue | null) ?? Prisma.DbNull,
        room: session.room,
        speakers: {
          create: speakers
            .filter((speaker) => speaker.sessionId === session.id)
            .map(({ speakerId, position }) => ({ speakerId, position })),
        },
      },
      select: { id: true },
    });
    copies.set(session.id, copy.id);
  }
  return copies;
}
