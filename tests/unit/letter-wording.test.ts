import { describe, expect, it } from "vitest";
import { letterWording } from "@/lib/emails/rules";
import { letterWordingSchema } from "@/lib/emails/schema";

const none = { ru: "", ky: "", en: "" };

describe("the event's own paragraph in a letter", () => {
  it("is the participant's language when written, the Russian when not", () => {
    const wording = { ru: "Возьмите паспорт.", ky: "Паспортуңузду ала келиңиз." };
    expect(letterWording(wording, "ky")).toBe("Паспортуңузду ала келиңиз.");
    expect(letterWording(wording, "ru")).toBe("Возьмите паспорт.");
    expect(letterWording(wording, "en")).toBe("Возьмите паспорт.");
    expect(letterWording({ ...wording, en: "" }, "en")).toBe("Возьмите паспорт.");
  });

  it("is none when the event wrote none", () => {
    expect(letterWording(null, "ky")).toBeUndefined();
    expect(letterWording(none, "ru")).toBeUndefined();
  });
});

describe("the wording as the editor posts it", () => {
  it("may be left empty, and is kept as written otherwise, trimmed", () => {
    const parsed = letterWordingSchema.parse({
      confirmation: { ru: "  Автобус в 8:00.  ", ky: "", en: "" },
      waitlist: none,
    });
    expect(parsed.confirmation.ru).toBe("Автобус в 8:00.");
    expect(parsed).toMatchObject({ intent: "save", language: "ru" });
  });

  it("needs its Russian when another language is written, and refuses a paragraph too long", () => {
    const noRussian = letterWordingSchema.safeParse({
      confirmation: { ...none, ky: "Паспорт." },
      waitlist: none,
    });
    expect(noRussian.error?.issues).toMatchObject([{ path: ["confirmation", "ru"], message: "required" }]);
    const long = letterWordingSchema.safeParse({
      confirmation: none,
      waitlist: { ...none, ru: "ы".repeat(2001) },
    });
    expect(long.error?.issues).toMatchObject([{ path: ["waitlist", "ru"], message: "tooLong" }]);
  });
});
