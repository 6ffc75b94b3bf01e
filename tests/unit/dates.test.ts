import { describe, expect, it } from "vitest";
import { formatTime, formatWeekdayDate } from "@/lib/i18n/dates";

// The test runner's TZ is America/Los_Angeles: these pass only if the event's
// zone, not the machine's, decides what a reader sees.
describe("dates in the event's time zone", () => {
  const nineInBishkek = new Date("2026-12-24T03:00:00Z");

  it("shows the start time in Asia/Bishkek", () => {
    expect(formatTime(nineInBishkek, { locale: "ru", timeZone: "Asia/Bishkek" })).toBe("09:00");
  });

  it("names the day in each language", () => {
    const zone = { timeZone: "Asia/Bishkek" };
    expect(formatWeekdayDate(nineInBishkek, { locale: "ru", ...zone })).toBe("четверг, 24 декабря 2026 г.");
    expect(formatWeekdayDate(nineInBishkek, { locale: "en", ...zone })).toBe("Thursday, December 24, 2026");
    expect(formatWeekdayDate(nineInBishkek, { locale: "ky", ...zone })).toMatch(/24/);
  });
});
