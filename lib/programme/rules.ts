import { zonedInstant, zonedParts } from "@/lib/events/rules";
import type { SessionKind } from "@/lib/generated/prisma/enums";

// Pure decisions of the programme: when a session is, whether it fits its
// day, which sessions clash, and how the programme reads per day.

type Text = { ru: string; ky?: string; en?: string };

export type ProgrammeSpeaker = {
  id: string;
  name: string;
  organization: string | null;
  country: string | null;
  bio: Text | null;
};

export type ProgrammeSession = {
  id: string;
  dayId: string;
  kind: SessionKind;
  startsAt: Date;
  endsAt: Date;
  title: Text;
  description: Text | null;
  room: string | null;
  speakers: ProgrammeSpeaker[];
};

type Span = { startsAt: Date; endsAt: Date };

/** The instants a session's local times name on its day's date in the event's zone. */
export function sessionInstants({
  dayStartsAt,
  start,
  end,
  timeZone,
}: {
  dayStartsAt: Date;
  start: string;
  end: string;
  timeZone: string;
}): Span {
  const { date } = zonedParts(dayStartsAt, timeZone);
  return {
    startsAt: zonedInstant({ date, time: start, timeZone }),
    endsAt: zonedInstant({ date, time: end, timeZone }),
  };
}

/**
 * Where a session's times leave its day's hours, by the field to correct; the
 * hours are those the event announces (its page, calendar and letters).
 */
export function outsideDay(session: Span, day: Span): "start" | "end" | null {
  if (session.startsAt < day.startsAt || session.startsAt >= day.endsAt) return "start";
  if (session.endsAt > day.endsAt) return "end";
  return null;
}

/** In the order a programme reads: by start, the shorter first, then by title. */
export function compareSessions(a: Span & { title: Text }, b: Span & { title: Text }): number {
  return (
    a.startsAt.getTime() - b.startsAt.getTime() ||
    a.endsAt.getTime() - b.endsAt.getTime() ||
    a.title.ru.localeCompare(b.title.ru, "ru")
  );
}

/**
 * Pairs of sessions of one day that overlap in the same room, or where either
 * has no room: worth a look, never refused (parallel working groups in
 * different rooms are a programme, not a mistake).
 */
export function overlapWarnings<S extends Span & { id: string; dayId: string; room: string | null }>(
  sessions: readonly S[],
): [S, S][] {
  const sorted = [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const clashes: [S, S][] = [];
  sorted.forEach((first, index) => {
    for (const second of sorted.slice(index + 1)) {
      if (second.startsAt >= first.endsAt) break;
      const sameRoom =
        first.room === null ||
        second.room === null ||
        first.room.toLocaleLowerCase("ru") === second.room.toLocaleLowerCase("ru");
      if (first.dayId === second.dayId && sameRoom) clashes.push([first, second]);
    }
  });
  return clashes;
}

/** The programme per day, days in their order and sessions in reading order; a day with none is kept. */
export function programmeByDay<D extends Span & { id: string }, S extends ProgrammeSession>(
  days: readonly D[],
  sessions: readonly S[],
): { day: D; sessions: S[] }[] {
  return [...days]
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map((day) => ({
      day,
      sessions: sessions.filter((session) => session.dayId === day.id).sort(compareSessions),
    }));
}

/** A day's programme in short, as the confirmation letter gives it: its first and its last session. */
export function daySummary<S>(sessions: readonly S[]): { first: S; last: S | null } | null {
  const first = sessions[0];
  if (first === undefined) return null;
  const last = sessions.at(-1);
  return { first, last: last === undefined || last === first ? null : last };
}

/** The same wall-clock time in another zone: a session keeps its hour when its event changes zone. */
export function sameWallClock(instant: Date, { from, to }: { from: string; to: string }): Date {
  return zonedInstant({ ...zonedParts(instant, from), timeZone: to });
}
