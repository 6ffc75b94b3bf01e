import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProgrammeSession, ProgrammeSpeaker } from "@/lib/programme/rules";

// Reads of the programme: an event's sessions with their speakers in order,
// and the speakers organizers pick from.

type Text = { ru: string; ky?: string; en?: string };

const speakerColumns = { id: true, name: true, organization: true, country: true, bio: true } as const;

function toSpeaker(row: Prisma.SpeakerGetPayload<{ select: typeof speakerColumns }>): ProgrammeSpeaker {
  return { ...row, bio: (row.bio as Text | null) ?? null };
}

/** An event's sessions, each with its speakers in their order; the days come with the event. */
export async function getProgrammeSessions({ eventId }: { eventId: string }): Promise<ProgrammeSession[]> {
  const rows = await db.eventSession.findMany({
    where: { day: { eventId } },
    orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }],
    include: { speakers: { orderBy: { position: "asc" }, include: { speaker: { select: speakerColumns } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    dayId: row.eventDayId,
    kind: row.kind,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    title: row.title as Text,
    description: (row.description as Text | null) ?? null,
    room: row.room,
    speakers: row.speakers.map((link) => toSpeaker(link.speaker)),
  }));
}

/** Every speaker, by name, with how many sessions each leads (one with none may be corrected freely). */
export async function listSpeakers() {
  const rows = await db.speaker.findMany({
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    select: { ...speakerColumns, _count: { select: { sessions: true } } },
  });
  return rows.map(({ _count, ...row }) => ({ ...toSpeaker(row), sessionCount: _count.sessions }));
}

export type SpeakerListing = Awaited<ReturnType<typeof listSpeakers>>[number];
