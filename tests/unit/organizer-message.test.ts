import { describe, expect, it } from "vitest";
import { fillPlaceholders, unknownPlaceholders } from "@/lib/emails/rules";
import { bulkChangeSchema } from "@/lib/registrations/schema";

const values = {
  firstName: "Гүлнара",
  checkInCode: "K7Q2M9X",
  manageLink: "https://kattoo.example/r/abc",
  eventTitle: "Семинар",
};

describe("an organizer's message's placeholders", () => {
  it("fills each known placeholder, with or without spaces inside the braces, every time it appears", () => {
    expect(fillPlaceholders("{{firstName}}, ваш код {{ checkInCode }}. {{firstName}}!", values)).toBe(
      "Гүлнара, ваш код K7Q2M9X. Гүлнара!",
    );
    expect(fillPlaceholders("{{eventTitle}}: {{manageLink}}", values)).toBe(
      "Семинар: https://kattoo.example/r/abc",
    );
  });

  it("names the unknown ones, each once, and leaves single braces and plain text alone", () => {
    expect(unknownPlaceholders("{{имя}} {{firstName}} {{ lastName }} {{имя}} {code} {{}}")).toEqual([
      "имя",
      "lastName",
      "",
    ]);
    expect(unknownPlaceholders("Автобус в 8:00 {не подстановка}")).toEqual([]);
  });

  it("does not put a value's own braces through a second round", () => {
    expect(fillPlaceholders("{{firstName}}", { ...values, firstName: "{{checkInCode}}" })).toBe(
      "{{checkInCode}}",
    );
  });
});

describe("the message in the list's bulk action", () => {
  const id = "6f1c9d9e-3b1a-4c59-9a77-2f8d1b0c4e21";
  const parse = (fields: Record<string, unknown>) =>
    bulkChangeSchema.safeParse({ to: "MESSAGE", ids: [id], ...fields });

  it("needs the Russian text, takes the other languages as written, and sends by default", () => {
    const parsed = parse({
      subject: { ru: "Автобус", ky: "", en: "" },
      message: { ru: "{{firstName}}, в 8:00.", ky: "{{firstName}}, саат 8:00дө." },
    });
    expect(parsed.success && parsed.data).toMatchObject({
      intent: "send",
      message: { ru: "{{firstName}}, в 8:00.", ky: "{{firstName}}, саат 8:00дө." },
    });
    const missing = parse({ subject: { ru: "" }, message: { ru: "Текст" } });
    expect(missing.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["subject.ru", "required"],
    ]);
  });

  it("refuses an unknown placeholder in the language where it was typed", () => {
    const parsed = parse({ subject: { ru: "Тема" }, message: { ru: "Текст", ky: "{{аты}}, салам" } });
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["message.ky", "unknownPlaceholder"],
    ]);
  });
});
