import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms/field-errors";
import { registrationRequestSchema, registrationSchema } from "@/lib/registrations/schema";

const valid = {
  lastName: "  Осмонова ",
  firstName: "Гүлнара",
  patronymic: "",
  organization: "Нарын шаардык кеңеши",
  position: "Депутат",
  category: "LOCAL_GOVERNMENT",
  region: "NARYN",
  email: " Gulnara@Example.KG ",
  phone: "+996 (700) 111-222",
  gender: "FEMALE",
  needsAccommodation: false,
  dietaryNeeds: "Без глютена\nи без орехов",
  consent: true,
};

function errorsOf(values: Record<string, unknown>) {
  const result = registrationRequestSchema.safeParse(values);
  return result.success ? {} : fieldErrors(result.error);
}

describe("registrationSchema", () => {
  it("trims text, drops empty optional fields and keeps line breaks in notes", () => {
    const parsed = registrationSchema.parse(valid);
    expect(parsed).toMatchObject({
      lastName: "Осмонова",
      email: "Gulnara@Example.KG",
      patronymic: undefined,
    });
    expect(parsed.dietaryNeeds).toBe("Без глютена\nи без орехов");
  });

  it("refuses names that say nothing or carry control characters", () => {
    expect(errorsOf({ ...valid, firstName: "\u200b" })).toEqual({ firstName: "invalidText" });
    expect(errorsOf({ ...valid, firstName: "   " })).toEqual({ firstName: "required" });
    expect(errorsOf({ ...valid, lastName: "Осмонова\r\nBcc: x@example.kg" })).toEqual({
      lastName: "invalidText",
    });
    expect(errorsOf({ ...valid, organization: "ОО\u0000" })).toEqual({ organization: "invalidText" });
  });

  it("refuses an email with a header injection attempt", () => {
    expect(errorsOf({ ...valid, email: "a@example.kg\r\nBcc: b@example.kg" })).toEqual({
      email: "invalidEmail",
    });
  });

  it("asks for an answer to every choice and for consent", () => {
    expect(errorsOf({ ...valid, category: null, gender: undefined, region: "", consent: false })).toEqual({
      category: "required",
      gender: "required",
      region: "required",
      consent: "consentRequired",
    });
    expect(errorsOf({ ...valid, region: "MOSCOW" })).toEqual({ region: "invalidChoice" });
  });

  it("refuses a filled honeypot", () => {
    expect(errorsOf({ ...valid, website: "http://spam.example" })).toEqual({ website: "invalidText" });
  });
});
