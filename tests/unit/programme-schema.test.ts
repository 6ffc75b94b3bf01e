import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms/field-errors";
import { countryCodes, countryName, sessionInputSchema, speakerInputSchema } from "@/lib/programme/schema";

const valid = {
  dayId: randomUUID(),
  kind: "SESSION",
  start: "09:30",
  end: "11:00",
  title: { ru: "Международный опыт", ky: "", en: "International experience" },
  description: { ru: "", ky: "", en: "" },
  room: "",
  speakerIds: [],
};

function errorsOf(schema: typeof sessionInputSchema | typeof speakerInputSchema, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
}

describe("sessionInputSchema", () => {
  it("reads a session as the form posts it: empty texts absent, a missing translation left to Russian", () => {
    expect(sessionInputSchema.parse(valid)).toEqual({
      ...valid,
      title: { ru: "Международный опыт", ky: "", en: "International experience" },
      description: undefined,
      room: undefined,
    });
  });

  it("keeps a description's translations only when Russian is written", () => {
    const description = { ru: "Этапы", ky: "Этаптар", en: "" };
    expect(sessionInputSchema.parse({ ...valid, description }).description).toEqual({
      ru: "Этапы",
      ky: "Этаптар",
    });
    expect(
      errorsOf(sessionInputSchema, { ...valid, description: { ru: "", ky: "Этаптар", en: "" } }),
    ).toEqual({
      "description.ru": "required",
    });
  });

  it("refuses an end before or at the start, on the end", () => {
    expect(errorsOf(sessionInputSchema, { ...valid, end: "09:30" })).toEqual({ end: "endBeforeStart" });
    expect(errorsOf(sessionInputSchema, { ...valid, start: "12:00" })).toEqual({ end: "endBeforeStart" });
  });

  it("refuses times that are not HH:MM, a kind not on the list, a title without Russian", () => {
    expect(
      errorsOf(sessionInputSchema, {
        ...valid,
        start: "9:30",
        end: "24:00",
        kind: "PARTY",
        title: { ru: " " },
      }),
    ).toEqual({ start: "invalidTime", end: "invalidTime", kind: "invalidChoice", "title.ru": "required" });
  });

  it("refuses a speaker that is not an id, or one ticked twice", () => {
    const id = randomUUID();
    expect(errorsOf(sessionInputSchema, { ...valid, speakerIds: ["Мария"] })).toEqual({
      "speakerIds.0": "invalidChoice",
    });
    expect(errorsOf(sessionInputSchema, { ...valid, speakerIds: [id, id] })).toEqual({
      speakerIds: "duplicate",
    });
  });

  it("refuses control characters in a room", () => {
    expect(errorsOf(sessionInputSchema, { ...valid, room: "Зал\u0007А" })).toEqual({ room: "invalidText" });
  });
});

describe("speakerInputSchema", () => {
  it("takes a country by its code, in any case, and leaves out what is empty", () => {
    expect(
      speakerInputSchema.parse({ name: "Мария Петрова", organization: "", country: " bg ", bio: { ru: "" } }),
    ).toEqual({ name: "Мария Петрова", organization: undefined, country: "BG", bio: undefined });
  });

  it("refuses a country that is no country, and a speaker without a name", () => {
    expect(errorsOf(speakerInputSchema, { name: "  ", country: "XX", bio: {} })).toEqual({
      name: "required",
      country: "invalidChoice",
    });
  });

  it("names countries in the reader's language", () => {
    expect(countryCodes).toContain("BG");
    expect(countryCodes).toContain("KG");
    // Names a runtime gives to codes that are no country: a union, a browser's pseudo-locales.
    for (const code of ["EU", "UN", "XA", "XB", "ZZ"]) expect(countryCodes).not.toContain(code);
    expect(countryName("BG", "ru")).toBe("Болгария");
    expect(countryName("BG", "en")).toBe("Bulgaria");
    expect(countryName("KG", "ky")).toBe("Кыргызстан");
    expect(countryName("KG", "ru")).toBe("Кыргызстан");
  });
});
