import { describe, expect, it } from "vitest";
import {
  formatCertificateCode,
  generateCertificateCode,
  normalizeCertificateCode,
} from "@/lib/certificates/codes";
import { attendedForCertificate, certificateStanding } from "@/lib/certificates/rules";
import { certificateSettingsSchema } from "@/lib/certificates/schema";
import { compareByRussianName, fullName } from "@/lib/registrations/names";
import { showsPresence } from "@/lib/signature-sheets/rules";
import { signatureSheetQuerySchema } from "@/lib/signature-sheets/schema";

const person = (lastName: string, firstName = "Айгүл", patronymic: string | null = null) => ({
  lastName,
  firstName,
  patronymic,
});

describe("names on paper", () => {
  it("sort as a Russian list does, with the Kyrgyz letters after their neighbours", () => {
    const names = [
      "Үсөнов",
      "Усенов",
      "Өмүрова",
      "Осмонова",
      "Ңаматов",
      "Нуралиев",
      "Ёлкин",
      "Егоров",
      "Smith",
    ];
    expect(
      names
        .map((name) => person(name))
        .sort(compareByRussianName)
        .map((p) => p.lastName),
    ).toEqual(["Егоров", "Ёлкин", "Нуралиев", "Ңаматов", "Осмонова", "Өмүрова", "Усенов", "Үсөнов", "Smith"]);
  });

  it("break ties by first name, then patronymic, and write the full name in that order", () => {
    const sorted = [
      person("Асанова", "Бермет", "Бакытовна"),
      person("Асанова", "Айгүл", "Төлөновна"),
      person("Асанова", "Айгүл", null),
    ].sort(compareByRussianName);
    expect(sorted.map(fullName)).toEqual([
      "Асанова Айгүл",
      "Асанова Айгүл Төлөновна",
      "Асанова Бермет Бакытовна",
    ]);
  });
});

describe("the signature sheet", () => {
  // 09:00 to 17:00 in Bishkek (UTC+6) on 24 December.
  const day = { startsAt: new Date("2026-12-24T03:00:00Z"), endsAt: new Date("2026-12-24T11:00:00Z") };
  const timeZone = "Asia/Bishkek";

  it("shows presence once the day is over or anyone is marked", () => {
    const during = new Date("2026-12-24T04:00:00Z");
    expect(showsPresence({ day, timeZone, attendanceCount: 0, now: during })).toBe(false);
    expect(showsPresence({ day, timeZone, attendanceCount: 1, now: during })).toBe(true);
    expect(showsPresence({ day, timeZone, attendanceCount: 0, now: day.endsAt })).toBe(true);
  });

  it("shows no presence before the day begins, whatever the table holds", () => {
    // 23:59 on the 23rd in Bishkek; the day begins at midnight there.
    expect(showsPresence({ day, timeZone, attendanceCount: 3, now: new Date("2026-12-23T17:59:00Z") })).toBe(
      false,
    );
    expect(showsPresence({ day, timeZone, attendanceCount: 3, now: new Date("2026-12-23T18:00:00Z") })).toBe(
      true,
    );
  });

  it("takes 0 to 100 blank rows and a known language", () => {
    const day = "0b7d6a52-5f0e-4a43-9d7f-6a4f1a2b3c4d";
    expect(signatureSheetQuerySchema.parse({ day })).toEqual({ day, blank: 0, lang: "ru", columns: [] });
    expect(signatureSheetQuerySchema.parse({ day, blank: "100", lang: "ky" })).toEqual({
      day,
      blank: 100,
      lang: "ky",
      columns: [],
    });
    for (const blank of ["101", "-1", "2.5", "many"]) {
      expect(signatureSheetQuerySchema.safeParse({ day, blank }).success).toBe(false);
    }
    expect(signatureSheetQuerySchema.safeParse({ day, lang: "de" }).success).toBe(false);
    expect(signatureSheetQuerySchema.safeParse({ day: "1" }).success).toBe(false);
  });

  it("takes the extra columns as a list or one per checkbox, in the sheet's order, and refuses one it does not know", () => {
    const day = "0b7d6a52-5f0e-4a43-9d7f-6a4f1a2b3c4d";
    const columns = (value: unknown) => signatureSheetQuerySchema.parse({ day, columns: value }).columns;
    expect(columns("region,phone")).toEqual(["phone", "region"]);
    expect(columns(["email", "phone", "email"])).toEqual(["phone", "email"]);
    expect(columns("")).toEqual([]);
    // A mistyped link must not print a sheet that silently lacks a column the donor asked for.
    expect(signatureSheetQuerySchema.safeParse({ day, columns: "phone,passport" }).success).toBe(false);
    expect(signatureSheetQuerySchema.safeParse({ day, columns: "__proto__" }).success).toBe(false);
  });
});

describe("certificates", () => {
  it("go to confirmed participants present on at least the minimum of days, and none without a minimum", () => {
    const over = { lastDayEndsAt: new Date("2026-12-25T10:30:00Z"), now: new Date("2026-12-25T10:30:00Z") };
    expect(attendedForCertificate({ status: "CONFIRMED", daysAttended: 2, minDays: 2, ...over })).toBe(true);
    expect(attendedForCertificate({ status: "CONFIRMED", daysAttended: 1, minDays: 2, ...over })).toBe(false);
    expect(attendedForCertificate({ status: "CANCELLED", daysAttended: 2, minDays: 2, ...over })).toBe(false);
    expect(attendedForCertificate({ status: "CONFIRMED", daysAttended: 5, minDays: null, ...over })).toBe(
      false,
    );
  });

  it("are not given before the event's last day is over", () => {
    const lastDayEndsAt = new Date("2026-12-25T10:30:00Z");
    const attended = { status: "CONFIRMED", daysAttended: 2, minDays: 2, lastDayEndsAt };
    expect(attendedForCertificate({ ...attended, now: new Date("2026-12-25T10:29:00Z") })).toBe(false);
    expect(attendedForCertificate({ ...attended, now: new Date("2026-12-02T00:00:00Z") })).toBe(false);
    expect(attendedForCertificate({ ...attended, lastDayEndsAt: undefined, now: lastDayEndsAt })).toBe(false);
    expect(attendedForCertificate({ ...attended, now: lastDayEndsAt })).toBe(true);
  });

  it("wait for the instruments the event requires, and say which are missing only to those who attended enough", () => {
    const over = { lastDayEndsAt: new Date("2026-12-25T10:30:00Z"), now: new Date("2026-12-25T10:30:00Z") };
    const attended = { status: "CONFIRMED", daysAttended: 2, minDays: 2, ...over };
    const both = ["POST_TEST", "FEEDBACK"] as const;
    expect(certificateStanding({ ...attended, required: [], submitted: [] })).toEqual({
      qualifies: true,
      missing: [],
    });
    expect(certificateStanding({ ...attended, required: both, submitted: ["PRE_TEST"] })).toEqual({
      qualifies: false,
      missing: ["POST_TEST", "FEEDBACK"],
    });
    expect(certificateStanding({ ...attended, required: both, submitted: ["FEEDBACK"] })).toEqual({
      qualifies: false,
      missing: ["POST_TEST"],
    });
    expect(
      certificateStanding({ ...attended, required: both, submitted: ["FEEDBACK", "POST_TEST"] }),
    ).toEqual({
      qualifies: true,
      missing: [],
    });
    // Not attended enough: nothing to answer would change that, so nothing is "missing".
    expect(certificateStanding({ ...attended, daysAttended: 1, required: both, submitted: [] })).toEqual({
      qualifies: false,
      missing: [],
    });
  });

  it("have settings where an empty field means none", () => {
    const none = { requiresPostTest: false, requiresFeedback: false };
    expect(certificateSettingsSchema.parse({ minDays: "", hours: "" })).toEqual({
      minDays: null,
      hours: null,
      ...none,
    });
    expect(certificateSettingsSchema.parse({ minDays: "2", hours: "16" })).toEqual({
      minDays: 2,
      hours: 16,
      ...none,
    });
    // No certificates, nothing to require.
    expect(certificateSettingsSchema.parse({ minDays: "", hours: "", requiresFeedback: true })).toMatchObject(
      none,
    );
    expect(
      certificateSettingsSchema.parse({ minDays: "1", hours: "", requiresFeedback: true }),
    ).toMatchObject({
      requiresFeedback: true,
    });
    expect(certificateSettingsSchema.safeParse({ minDays: "0", hours: "" }).success).toBe(false);
    expect(certificateSettingsSchema.safeParse({ minDays: "1", hours: "1001" }).success).toBe(false);
  });

  it("have codes without look-alike characters, typed in any case, with or without dashes", () => {
    const codes = Array.from({ length: 200 }, generateCertificateCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{12}$/);
    expect(new Set(codes).size).toBe(codes.length);
    const code = codes[0] ?? "";
    const printed = formatCertificateCode(code);
    expect(printed).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(normalizeCertificateCode(printed)).toBe(code);
    expect(normalizeCertificateCode(` ${printed.toLowerCase()} `)).toBe(code);
    expect(normalizeCertificateCode("ABCD-EFGH-IJKL")).toBeNull();
    expect(normalizeCertificateCode("ABCD-EFGH")).toBeNull();
  });
});
