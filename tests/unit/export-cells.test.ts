import { describe, expect, it } from "vitest";
import { neutralizeCsvFormulas } from "@/lib/exports/cells";
import { exportFileName, parseExportOptions } from "@/lib/exports/schema";

describe("export cells", () => {
  it("makes text of every CSV field a spreadsheet would run as a formula", () => {
    for (const start of ["=", "+", "-", "@", "\t", "\r", "\0"]) {
      expect(neutralizeCsvFormulas(`${start}cmd|' /C calc'!A0`)).toBe(`'${start}cmd|' /C calc'!A0`);
    }
    for (const safe of ["Өмүрбекова", 'ОФ "Ынтымак"', "a=b", "", " =1"])
      expect(neutralizeCsvFormulas(safe)).toBe(safe);
  });

  it("reads the options of an export address, keeping only known columns", () => {
    expect(
      parseExportOptions(new URLSearchParams("format=csv&separator=comma&columns=email,nope,number")),
    ).toEqual({
      format: "csv",
      separator: "comma",
      columns: ["number", "email"],
      questionIds: [],
    });
    const defaults = parseExportOptions(new URLSearchParams("format=pdf"));
    expect(defaults.format).toBe("xlsx");
    expect(defaults.columns).toContain("daysAttended");
    expect(exportFileName({ slug: "seminar", date: "2026-11-26", format: "csv" })).toBe(
      "seminar-2026-11-26.csv",
    );
  });
});
