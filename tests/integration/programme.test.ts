import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { duplicateEvent, saveEvent } from "@/lib/events/mutations";
import { type EventSettings, eventSettingsSchema } from "@/lib/events/schema";
import { getProgrammeSessions } from "@/lib/programme/data";
import { createSpeaker, deleteSession, saveSession, updateSpeaker } from "@/lib/programme/mutations";
import { type SessionInput, sessionInputSchema, speakerInputSchema } from "@/lib/programme/schema";

const actor = { type: "STAFF" as const };
const text = (ru: string) => ({ ru, ky: "", en: "" });

const firstDay = { date: "2099-01-10", start: "09:00", end: "18:00" };
const secondDay = { date: "2099-01-11", start: "09:00", end: "13:00" };
const days = [firstDay, secondDay];

function settings(overrides: Partial<Record<string, unknown>> = {}): EventSettings {
  return eventSettingsSchema.parse({
    slug: `programme-${randomUUID().slice(0, 8)}`,
    title: text("Семинар по миграции"),
    summary: text("Кратко"),
    description: text("Описание"),
    audience: text("Все"),
    venueName: text("Чолпон-Ата"),
    venueAddress: text("Иссык-Кульская область"),
    timeZone: "Asia/Bishkek",
    capacity: "20",
    quotas: {},
    days,
    ...overrides,
  });
}

async function newEvent(overrides: Partial<Record<string, unknown>> = {}) {
  const given = settings(overrides);
  const result = await saveEvent({ settings: given, actor });
  if (!result.ok) throw new Error(result.reason);
  const event = await db.event.findUniqueOrThrow({
    where: { id: result.id },
    include: { days: { orderBy: { startsAt: "asc" } } },
  });
  return { ...event, settings: given };
}

const speaker = async (name: string) => {
  const { id } = await createSpeaker({
    input: speakerInputSchema.parse({ name, organization: "", country: "BG", bio: { ru: "Тренер" } }),
    actor,
  });
  return id;
};

function input(dayId: string, overrides: Partial<Record<string, unknown>> = {}): SessionInput {
  return sessionInputSchema.parse({
    dayId,
    kind: "SESSION",
    start: "09:30",
    end: "11:00",
    title: { ru: "Международный опыт", ky: "Эл аралык тажрыйба", en: "" },
    description: { ru: "" },
    room: "Конференц-зал",
    speakerIds: [],
    ...overrides,
  });
}

/** Everything a refused change could have touched. */
async function snapshot(eventId: string) {
  const [sessions, links, speakers] = await Promise.all([
    getProgrammeSessions({ eventId }),
    db.eventSessionSpeaker.count(),
    db.speaker.count(),
  ]);
  return { sessions, links, speakers };
}

describe("the programme's sessions", () => {
  let event: Awaited<ReturnType<typeof newEvent>>;
  let other: Awaited<ReturnType<typeof newEvent>>;
  let petrova: string;
  let ivanov: string;
  const day = (index: number) => event.days[index]?.id as string;

  beforeAll(async () => {
    event = await newEvent();
    other = await newEvent();
    petrova = await speaker("Мария Петрова");
    ivanov = await speaker("Георги Иванов");
  });

  it("adds a session at local times on its day, with its speakers in the order given", async () => {
    const result = await saveSession({
      eventId: event.id,
      input: input(day(0), { speakerIds: [ivanov, petrova] }),
      actor,
    });
    expect(result.ok).toBe(true);
    const [saved] = await getProgrammeSessions({ eventId: event.id });
    expect(saved).toMatchObject({
      dayId: day(0),
      startsAt: new Date("2099-01-10T03:30:00Z"),
      endsAt: new Date("2099-01-10T05:00:00Z"),
      title: { ru: "Международный опыт", ky: "Эл аралык тажрыйба", en: "" },
      description: null,
      room: "Конференц-зал",
    });
    expect(saved?.speakers.map((s) => s.name)).toEqual(["Георги Иванов", "Мария Петрова"]);
    const audit = await db.auditLog.findFirst({
      where: { eventId: event.id, action: "event.session_added" },
    });
    expect(audit?.entityId).toBe(saved?.id);
  });

  it("moves a session to the other day and changes its speakers", async () => {
    const { id } = (await getProgrammeSessions({ eventId: event.id }))[0] ?? { id: "" };
    const result = await saveSession({
      eventId: event.id,
      sessionId: id,
      input: input(day(1), { start: "12:00", end: "13:00", speakerIds: [petrova] }),
      actor,
    });
    expect(result).toEqual({ ok: true, id });
    const [moved] = await getProgrammeSessions({ eventId: event.id });
    expect(moved).toMatchObject({ dayId: day(1), endsAt: new Date("2099-01-11T07:00:00Z") });
    expect(moved?.speakers.map((s) => s.name)).toEqual(["Мария Петрова"]);
  });

  it("refuses times outside the day's hours, on the field to correct, and writes nothing", async () => {
    const before = await snapshot(event.id);
    expect(await saveSession({ eventId: event.id, input: input(day(0), { start: "08:00" }), actor })).toEqual(
      {
        ok: false,
        reason: "invalid",
        fieldErrors: { start: "outsideDay" },
      },
    );
    expect(
      await saveSession({ eventId: event.id, input: input(day(1), { start: "12:30", end: "14:00" }), actor }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { end: "outsideDay" } });
    expect(await snapshot(event.id)).toEqual(before);
  });

  it("refuses an end before the start: the form's schema, and the database for anything that skips it", async () => {
    expect(sessionInputSchema.safeParse({ ...input(day(0)), start: "11:00", end: "10:00" }).success).toBe(
      false,
    );
    const before = await snapshot(event.id);
    await expect(
      db.eventSession.create({
        data: {
          eventDayId: day(0),
          startsAt: new Date("2099-01-10T05:00:00Z"),
          endsAt: new Date("2099-01-10T04:00:00Z"),
          title: text("Наоборот"),
        },
      }),
    ).rejects.toThrow(/event_session_ends_after_start/);
    await expect(
      db.eventSession.create({
        data: {
          eventDayId: day(1),
          startsAt: new Date("2099-01-11T08:00:00Z"),
          endsAt: new Date("2099-01-11T09:00:00Z"),
          title: text("После конца дня"),
        },
      }),
    ).rejects.toThrow(/outside its day/);
    expect(await snapshot(event.id)).toEqual(before);
  });

  it("refuses an unknown speaker, speakers for a break, another event's day: field errors, nothing written", async () => {
    const before = await snapshot(event.id);
    expect(
      await saveSession({
        eventId: event.id,
        input: input(day(0), { speakerIds: [petrova, randomUUID()] }),
        actor,
      }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { speakerIds: "unknownSpeaker" } });
    expect(
      await saveSession({
        eventId: event.id,
        input: input(day(0), { kind: "BREAK", speakerIds: [petrova] }),
        actor,
      }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { speakerIds: "notLed" } });
    expect(
      await saveSession({ eventId: event.id, input: input(other.days[0]?.id as string), actor }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { dayId: "invalidChoice" } });
    expect(await snapshot(event.id)).toEqual(before);
  });

  it("does not find another event's session, to change or to delete, and leaves it as it was", async () => {
    const added = await saveSession({ eventId: other.id, input: input(other.days[0]?.id as string), actor });
    if (!added.ok) throw new Error(added.reason);
    const before = await snapshot(other.id);
    expect(
      await saveSession({ eventId: event.id, sessionId: added.id, input: input(day(0)), actor }),
    ).toEqual({ ok: false, reason: "not_found" });
    expect(await deleteSession({ eventId: event.id, sessionId: added.id, actor })).toEqual({
      ok: false,
      reason: "not_found",
    });
    expect(await snapshot(other.id)).toEqual(before);
    expect(await deleteSession({ eventId: other.id, sessionId: added.id, actor })).toEqual({ ok: true });
    expect(await getProgrammeSessions({ eventId: other.id })).toEqual([]);
  });

  it("shows a speaker's correction in every session that names them", async () => {
    await updateSpeaker({
      id: petrova,
      input: speakerInputSchema.parse({
        name: "Мария Петрова",
        organization: "ICMPD",
        country: "BG",
        bio: {},
      }),
      actor,
    });
    const [session] = await getProgrammeSessions({ eventId: event.id });
    expect(session?.speakers[0]).toMatchObject({ organization: "ICMPD", bio: null });
    expect(
      await updateSpeaker({ id: randomUUID(), input: speakerInputSchema.parse({ name: "Никто" }), actor }),
    ).toEqual({ ok: false, reason: "not_found" });
  });

  it("does not let a speaker with sessions be deleted", async () => {
    await expect(db.speaker.delete({ where: { id: petrova } })).rejects.toThrow();
  });
});

describe("the programme and the event's days", () => {
  it("refuses day hours or a removed day that would leave sessions out, and changes nothing", async () => {
    const event = await newEvent();
    const [first, second] = event.days;
    await saveSession({
      eventId: event.id,
      input: input(first?.id as string, { start: "16:00", end: "18:00" }),
      actor,
    });
    await saveSession({ eventId: event.id, input: input(second?.id as string), actor });
    const before = await db.eventDay.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
    const shorter = [{ ...firstDay, end: "17:00" }, secondDay];
    expect(await saveEvent({ id: event.id, settings: { ...event.settings, days: shorter }, actor })).toEqual({
      ok: false,
      reason: "programme_outside_days",
    });
    expect(
      await saveEvent({ id: event.id, settings: { ...event.settings, days: [firstDay] }, actor }),
    ).toEqual({
      ok: false,
      reason: "programme_outside_days",
    });
    expect(
      await db.eventDay.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } }),
    ).toEqual(before);
    expect(await getProgrammeSessions({ eventId: event.id })).toHaveLength(2);
  });

  it("keeps the sessions' local times when the event changes zone, as its days do", async () => {
    const event = await newEvent();
    await saveSession({ eventId: event.id, input: input(event.days[0]?.id as string), actor });
    const moved = await saveEvent({
      id: event.id,
      settings: { ...event.settings, timeZone: "Asia/Tashkent" },
      actor,
    });
    expect(moved.ok).toBe(true);
    const [session] = await getProgrammeSessions({ eventId: event.id });
    // 09:30 in Tashkent (UTC+5).
    expect(session?.startsAt).toEqual(new Date("2099-01-10T04:30:00Z"));
  });

  it("copies the programme, speakers and all, with a copy of the event", async () => {
    const event = await newEvent();
    const trainer = await speaker("Трен Ер");
    await saveSession({
      eventId: event.id,
      input: input(event.days[1]?.id as string, { speakerIds: [trainer] }),
      actor,
    });
    const copy = await duplicateEvent({ id: event.id, actor });
    const copied = await getProgrammeSessions({ eventId: copy as string });
    const copyDays = await db.eventDay.findMany({
      where: { eventId: copy as string },
      orderBy: { startsAt: "asc" },
    });
    expect(copied).toHaveLength(1);
    expect(copied[0]).toMatchObject({
      dayId: copyDays[1]?.id,
      startsAt: new Date("2099-01-11T03:30:00Z"),
      title: { ru: "Международный опыт" },
    });
    expect(copied[0]?.speakers.map((s) => s.id)).toEqual([trainer]);
    expect(await getProgrammeSessions({ eventId: event.id })).toHaveLength(1);
  });
});
