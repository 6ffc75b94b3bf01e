import { describe, expect, it } from "vitest";
import {
  defaultDay,
  marksOfDay,
  markTime,
  nameMatches,
  normalizeCode,
  undoAllowed,
} from "@/lib/check-in/rules";
import { dayBeginsAt, dayHasBegun, eventHasEnded } from "@/lib/events/rules";
import { crossOriginResponse } from "@/lib/http/same-origin";

const at = (iso: string) => new Date(iso);

describe("the door's rules", () => {
  const days = [
    { id: "d1", startsAt: at("2026-12-24T03:00:00Z"), endsAt: at("2026-12-24T12:00:00Z") },
    { id: "d2", startsAt: at("2026-12-25T03:00:00Z"), endsAt: at("2026-12-25T10:30:00Z") },
  ];
  const timeZone = "Asia/Bishkek";
  const [first, last] = days as [(typeof days)[number], (typeof days)[number]];

  it("opens on today's day in the event's zone, else the next, else the last", () => {
    // 00:30 in Bishkek on the 25th is still the 24th in UTC.
    expect(defaultDay(days, { timeZone, now: at("2026-12-24T18:30:00Z") })?.id).toBe("d2");
    expect(defaultDay(days, { timeZone, now: at("2026-11-26T05:00:00Z") })?.id).toBe("d1");
    expect(defaultDay(days, { timeZone, now: at("2027-01-10T05:00:00Z") })?.id).toBe("d2");
  });

  it("takes marks for a day from midnight of its date in the event's zone, not before", () => {
    // Midnight on the 24th in Bishkek is 18:00 UTC on the 23rd.
    expect(dayBeginsAt({ startsAt: first.startsAt, timeZone })).toEqual(at("2026-12-23T18:00:00Z"));
    const begun = (now: string) => dayHasBegun({ startsAt: first.startsAt, timeZone, now: at(now) });
    expect(begun("2026-12-23T17:59:59Z")).toBe(false);
    expect(begun("2026-12-23T18:00:00Z")).toBe(true);
    // Before the opening session, at the registration desk.
    expect(begun("2026-12-24T02:30:00Z")).toBe(true);
  });

  it("holds an event over once its last day has ended", () => {
    const lastDayEndsAt = last.endsAt;
    expect(eventHasEnded({ lastDayEndsAt, now: at("2026-12-25T10:29:00Z") })).toBe(false);
    expect(eventHasEnded({ lastDayEndsAt, now: lastDayEndsAt })).toBe(true);
    expect(eventHasEnded({ lastDayEndsAt: undefined, now: lastDayEndsAt })).toBe(false);
  });

  it("finds a name by any of its parts, in any case, Cyrillic, Kyrgyz or Latin", () => {
    expect(nameMatches("Асанова Айгүл Бакытовна", "айгүл")).toBe(true);
    expect(nameMatches("Асанова Айгүл Бакытовна", "бакыт асан")).toBe(true);
    expect(nameMatches("Семёнов Пётр", "семенов")).toBe(true);
    expect(nameMatches("Smith John", "SMI")).toBe(true);
    // A phone without a Kyrgyz keyboard: у, о, н for ү, ө, ң.
    expect(nameMatches("Асанова Айгүл", "Айгул")).toBe(true);
    expect(nameMatches("Осмонова Гүлнара", "гулнара")).toBe(true);
    expect(nameMatches("Өмүрбекова Назгүл", "омурбекова назгул")).toBe(true);
    expect(nameMatches("Жаңыл Тилекова", "жаныл")).toBe(true);
    expect(nameMatches("Асанова Айгүл", "Айгел")).toBe(false);
    // Typed on a Latin keyboard.
    expect(nameMatches("Асанова Айгүл Бакытовна", "aigul")).toBe(true);
    expect(nameMatches("Жумабаева Жылдыз", "Jyldyz zhumab")).toBe(true);
    expect(nameMatches("Хасанов Нурлан", "hasanov")).toBe(true);
    expect(nameMatches("Хасанов Нурлан", "hasanova")).toBe(false);
    expect(nameMatches("Асанова Айгүл", " ")).toBe(false);
  });

  it("reads a code as typed, in lower case or with spaces", () => {
    expect(normalizeCode(" abc-de 23 ")).toBe("ABCDE23");
  });

  it("keeps the phone's time of a mark unless it is in the future or days old", () => {
    const now = at("2026-12-24T05:00:00Z");
    expect(markTime(at("2026-12-24T04:00:00Z"), now)).toEqual(at("2026-12-24T04:00:00Z"));
    expect(markTime(at("2026-12-24T06:00:00Z"), now)).toEqual(now);
    expect(markTime(at("2026-12-20T06:00:00Z"), now)).toEqual(now);
  });

  it("accepts an undo tapped within a minute of the mark, however late it arrives", () => {
    const markedAt = at("2026-12-24T04:00:00Z");
    const now = at("2026-12-24T05:00:00Z");
    expect(undoAllowed({ markedAt, requestedAt: at("2026-12-24T04:00:59Z"), now })).toBe(true);
    expect(undoAllowed({ markedAt, requestedAt: at("2026-12-24T04:01:01Z"), now })).toBe(false);
    // A clock in the future does not stretch the window.
    expect(undoAllowed({ markedAt: now, requestedAt: at("2026-12-24T06:00:00Z"), now })).toBe(true);
  });

  it("shows the server's marks with the waiting ones on top, the first mark winning", () => {
    const server = [
      { registrationId: "a", eventDayId: "d1", markedAt: "t1", markedBy: "Айгүл", clientMarkId: "m1" },
      { registrationId: "b", eventDayId: "d2", markedAt: "t1", markedBy: "Айгүл", clientMarkId: "m2" },
    ];
    const marks = marksOfDay(
      server,
      [
        { kind: "mark", clientMarkId: "m3", registrationId: "a", eventDayId: "d1", markedAt: "t2" },
        { kind: "mark", clientMarkId: "m4", registrationId: "c", eventDayId: "d1", markedAt: "t2" },
        { kind: "undo", clientMarkId: "m1" },
      ],
      "d1",
    );
    expect([...marks.keys()]).toEqual(["c"]);
    expect(marks.get("c")).toMatchObject({ pending: true, clientMarkId: "m4" });
  });
});

describe("the same-origin check of state-changing route handlers", () => {
  const post = (headers: Record<string, string>) =>
    new Request("http://127.0.0.1:3000/api/admin/check-in", { method: "POST", headers });

  it("accepts the host the request was sent to and refuses another site or none", async () => {
    expect(crossOriginResponse(post({ origin: "http://door.example:8080", host: "door.example:8080" }))).toBe(
      undefined,
    );
    const refused = crossOriginResponse(post({ origin: "https://evil.example", host: "door.example:8080" }));
    expect(refused?.status).toBe(403);
    expect(await refused?.json()).toEqual({ error: "cross_origin" });
    expect(crossOriginResponse(post({ host: "door.example:8080" }))?.status).toBe(403);
  });
});
