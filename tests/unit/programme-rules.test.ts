import { describe, expect, it } from "vitest";
import {
  compareSessions,
  daySummary,
  outsideDay,
  overlapWarnings,
  type ProgrammeSession,
  programmeByDay,
  sameWallClock,
  sessionInstants,
} from "@/lib/programme/rules";

const zone = "Asia/Bishkek";
// 24 December 2026, 09:00–18:00 in Bishkek (UTC+6).
const day = {
  id: "day-1",
  startsAt: new Date("2026-12-24T03:00:00Z"),
  endsAt: new Date("2026-12-24T12:00:00Z"),
};
const nextDay = {
  id: "day-2",
  startsAt: new Date("2026-12-25T03:00:00Z"),
  endsAt: new Date("2026-12-25T10:30:00Z"),
};

function session(overrides: Partial<ProgrammeSession> & { start: string; end: string }): ProgrammeSession {
  const { start, end, ...rest } = overrides;
  const dayStartsAt = (rest.dayId === nextDay.id ? nextDay : day).startsAt;
  return {
    id: `${rest.dayId ?? day.id}-${start}-${rest.room ?? ""}`,
    dayId: day.id,
    kind: "SESSION",
    title: { ru: `Сессия ${start}` },
    description: null,
    room: "Конференц-зал",
    speakers: [],
    ...sessionInstants({ dayStartsAt, start, end, timeZone: zone }),
    ...rest,
  };
}

describe("sessionInstants", () => {
  it("reads local times on the day's date in the event's zone, whatever the server's zone", () => {
    expect(
      sessionInstants({ dayStartsAt: day.startsAt, start: "09:30", end: "11:00", timeZone: zone }),
    ).toEqual({
      startsAt: new Date("2026-12-24T03:30:00Z"),
      endsAt: new Date("2026-12-24T05:00:00Z"),
    });
  });

  it("takes the date in the event's zone, not in UTC, for a day that starts before 06:00 UTC", () => {
    // 01:00 in Bishkek on the 24th is still the 23rd in UTC.
    const early = new Date("2026-12-23T19:00:00Z");
    expect(
      sessionInstants({ dayStartsAt: early, start: "02:00", end: "03:00", timeZone: zone }).startsAt,
    ).toEqual(new Date("2026-12-23T20:00:00Z"));
  });
});

describe("outsideDay", () => {
  it("accepts a session from the day's first minute to its last", () => {
    expect(outsideDay(session({ start: "09:00", end: "18:00" }), day)).toBeNull();
  });

  it("names the field that leaves the day's hours", () => {
    expect(outsideDay(session({ start: "08:30", end: "10:00" }), day)).toBe("start");
    expect(outsideDay(session({ start: "17:00", end: "18:30" }), day)).toBe("end");
    expect(outsideDay(session({ start: "18:00", end: "19:00" }), day)).toBe("start");
  });
});

describe("overlapWarnings", () => {
  it("flags sessions that overlap in one room, not parallel groups in two rooms", () => {
    const a = session({ start: "10:50", end: "13:00", room: "Зал А" });
    const b = session({ start: "10:50", end: "13:00", room: "Зал Б" });
    const c = session({ start: "12:00", end: "13:30", room: "зал а" });
    expect(overlapWarnings([a, b, c])).toEqual([[a, c]]);
  });

  it("flags an overlap with a session that has no room, and not sessions that only touch", () => {
    const talk = session({ start: "09:00", end: "10:00" });
    const next = session({ start: "10:00", end: "11:00" });
    const roomless = session({ start: "10:30", end: "10:45", room: null });
    expect(overlapWarnings([talk, next, roomless])).toEqual([[next, roomless]]);
  });

  it("never pairs sessions of two days", () => {
    const first = session({ start: "09:00", end: "10:00" });
    const second = session({ dayId: nextDay.id, start: "09:00", end: "10:00" });
    expect(overlapWarnings([first, second])).toEqual([]);
  });
});

describe("programmeByDay and daySummary", () => {
  it("groups sessions per day in reading order, keeping a day with none", () => {
    const late = session({ start: "14:00", end: "15:00" });
    const early = session({ start: "09:00", end: "10:00" });
    const other = session({ dayId: nextDay.id, start: "09:00", end: "10:00" });
    const third = {
      id: "day-3",
      startsAt: new Date("2026-12-26T03:00:00Z"),
      endsAt: new Date("2026-12-26T10:00:00Z"),
    };
    expect(programmeByDay([nextDay, third, day], [late, other, early])).toEqual([
      { day, sessions: [early, late] },
      { day: nextDay, sessions: [other] },
      { day: third, sessions: [] },
    ]);
  });

  it("orders sessions that start together by their end, then by title", () => {
    const long = session({ start: "10:00", end: "12:00", title: { ru: "А" } });
    const short = session({ start: "10:00", end: "11:00", title: { ru: "Я" } });
    const twin = session({ start: "10:00", end: "11:00", title: { ru: "Б" } });
    expect([long, short, twin].sort(compareSessions)).toEqual([twin, short, long]);
  });

  it("sums a day up by its first and last session, a day of one by that one", () => {
    expect(daySummary(["opening", "talk", "closing"])).toEqual({ first: "opening", last: "closing" });
    expect(daySummary(["only"])).toEqual({ first: "only", last: null });
    expect(daySummary([])).toBeNull();
  });
});

describe("sameWallClock", () => {
  it("keeps the hour when an event moves from Bishkek to Tashkent", () => {
    // 09:00 in Bishkek (UTC+6) is 09:00 in Tashkent (UTC+5): an hour later.
    expect(sameWallClock(day.startsAt, { from: zone, to: "Asia/Tashkent" })).toEqual(
      new Date("2026-12-24T04:00:00Z"),
    );
  });
});
