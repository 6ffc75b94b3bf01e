import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms/field-errors";
import { registrationEditSchema, registrationFormSchema } from "@/lib/questions/rules";
import { type FormFields, standardFields } from "@/lib/questions/schema";
import { registrationSchema } from "@/lib/registrations/schema";

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

const regions = [
  { code: "NARYN", label: { ru: "Нарынская область" } },
  { code: "TALAS", label: { ru: "Таласская область" } },
];

/** The field errors of a registration on an event's form: the standard fields unless told. */
function errorsOf(values: Record<string, unknown>, fields: Partial<FormFields> = {}) {
  const schema = registrationFormSchema({
    fields: { ...standardFields, ...fields },
    regions,
    questions: [],
    travel: null,
  });
  const result = schema.safeParse(values);
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
    // A region of another event's list, or none at all.
    expect(errorsOf({ ...valid, region: "SUGHD" })).toEqual({ region: "invalidChoice" });
    expect(errorsOf({ ...valid, region: "<script>" })).toEqual({ region: "invalidChoice" });
  });

  it("refuses a filled honeypot", () => {
    expect(errorsOf({ ...valid, website: "http://spam.example" })).toEqual({ website: "invalidText" });
  });
});

describe("the built-in fields as an event asks them", () => {
  const { phone: _phone, position: _position, patronymic: _patronymic, ...withoutThem } = valid;

  it("standard: position and phone required, patronymic optional", () => {
    expect(errorsOf(withoutThem)).toEqual({ position: "required", phone: "required" });
  });

  it("optional: may be left out or empty, and is not stored then; checked when given", () => {
    const fields = { position: "OPTIONAL", phone: "OPTIONAL" } as const;
    expect(errorsOf({ ...withoutThem, position: "", phone: " " }, fields)).toEqual({});
    expect(errorsOf({ ...withoutThem, phone: "call me" }, fields)).toEqual({ phone: "invalidPhone" });
    const parsed = registrationFormSchema({
      fields: { ...standardFields, ...fields },
      regions,
      questions: [],
      travel: null,
    }).parse({ ...withoutThem, position: "" });
    expect(parsed.position).toBeUndefined();
    expect(parsed.phone).toBeUndefined();
  });

  it("required: a patronymic the event requires must be given", () => {
    expect(errorsOf(valid, { patronymic: "REQUIRED" })).toEqual({ patronymic: "required" });
    expect(errorsOf({ ...valid, patronymic: "Бакытовна" }, { patronymic: "REQUIRED" })).toEqual({});
  });

  it("hidden: not asked, so an answer to it is refused; left out or empty is fine", () => {
    const fields = { phone: "HIDDEN", position: "HIDDEN", patronymic: "HIDDEN" } as const;
    expect(errorsOf({ ...withoutThem, position: "" }, fields)).toEqual({});
    expect(errorsOf({ ...valid, patronymic: "Бакытовна" }, fields)).toEqual({
      patronymic: "notAsked",
      position: "notAsked",
      phone: "notAsked",
    });
  });

  it("needs hidden: no accommodation, no notes", () => {
    const { dietaryNeeds: _notes, ...withoutNeeds } = valid;
    expect(errorsOf(withoutNeeds, { needs: "HIDDEN" })).toEqual({});
    expect(
      errorsOf({ ...valid, needsAccommodation: true, accessibilityNeeds: "Пандус" }, { needs: "HIDDEN" }),
    ).toEqual({ needsAccommodation: "notAsked", dietaryNeeds: "notAsked", accessibilityNeeds: "notAsked" });
  });

  it("an edit is held to the same form", () => {
    const edit = registrationEditSchema({
      fields: { ...standardFields, phone: "HIDDEN" },
      regions,
      questions: [],
      travel: null,
    }).safeParse({ ...valid, region: "OSH" });
    expect(edit.success ? {} : fieldErrors(edit.error)).toEqual({
      phone: "notAsked",
      region: "invalidChoice",
    });
  });
});
