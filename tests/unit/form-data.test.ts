import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { eventSettingsSchema } from "@/lib/events/schema";
import { readFormData } from "@/lib/forms/form-data";
import { bulkChangeSchema, registrationRequestSchema } from "@/lib/registrations/schema";

// A form's field names come from the client. The reader looks up only the
// names its schema declares, so no hostile name can reach a prototype.

const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];

/** Every position a prototype key can take in a dotted or bracketed field name. */
function hostileNames(fields: string[]): string[] {
  const names: string[] = [];
  for (const key of PROTOTYPE_KEYS) {
    names.push(key, `${key}.polluted`, `${key}[polluted]`, `${key}.${key}.polluted`);
    for (const field of fields) {
      names.push(
        `${field}.${key}`,
        `${field}.${key}.polluted`,
        `${key}.${field}`,
        `${field}.0.${key}.polluted`,
      );
      names.push(`${field}[${key}][polluted]`, `${field}.${key}.toString`);
    }
  }
  return names;
}

afterEach(() => {
  for (const target of [Object.prototype, Array.prototype, Function.prototype] as object[]) {
    delete (target as Record<string, unknown>).polluted;
  }
});

function expectNoPollution() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype.toString.call({})).toBe("[object Object]");
  expect(typeof ({} as { toString: unknown }).toString).toBe("function");
}

describe("readFormData", () => {
  it("reads the registration form's fields, checkboxes as booleans", () => {
    const form = new FormData();
    form.set("lastName", "Осмонова");
    form.set("consent", "on");
    form.set("$ACTION_ID_abc", "");
    const values = readFormData(form, registrationRequestSchema);
    expect(values).toMatchObject({ lastName: "Осмонова", consent: true, needsAccommodation: false });
    expect(Object.keys(values)).not.toContain("$ACTION_ID_abc");
  });

  it("nests dotted names and keeps rows in order across removed ones", () => {
    const form = new FormData();
    form.set("title.ru", "Семинар");
    form.set("days.0.date", "2026-12-24");
    form.set("days.3.date", "2026-12-25");
    form.set("days.x.date", "ignored");
    form.set("requiresApproval", "on");
    const values = readFormData(form, eventSettingsSchema);
    expect(values.title).toEqual({ ru: "Семинар" });
    expect(values.days).toEqual([{ date: "2026-12-24" }, { date: "2026-12-25" }]);
    expect(values.requiresApproval).toBe(true);
  });

  it("reads every option's fields of a discriminated union, and repeated fields as a list", () => {
    const form = new FormData();
    form.append("ids", "a");
    form.append("ids", "b");
    form.set("to", "MESSAGE");
    form.set("subject.ru", "Программа");
    form.set("intent", "preview");
    expect(readFormData(form, bulkChangeSchema)).toEqual({
      ids: ["a", "b"],
      everyOnPage: false,
      onPage: [],
      to: "MESSAGE",
      subject: { ru: "Программа" },
      message: {},
      intent: "preview",
    });
  });

  it("hands a ticked box's unexpected value to the schema, which refuses it", () => {
    const form = new FormData();
    form.set("consent", "maybe");
    expect(readFormData(form, registrationRequestSchema).consent).toBe("maybe");
  });

  it.each([
    ["the registration form", registrationRequestSchema, ["lastName", "consent", "category"]],
    ["the event settings", eventSettingsSchema, ["title", "days", "quotas", "requiresApproval"]],
    ["a staff list", bulkChangeSchema, ["ids", "to", "everyOnPage", "onPage"]],
    ["an open object", z.object({ a: z.object({ b: z.string() }) }), ["a", "a.b"]],
  ])("never touches a prototype, whatever the names, in %s", (_, schema, fields) => {
    const form = new FormData();
    for (const name of hostileNames(fields)) form.append(name, "polluted");
    form.set("days.0.date", "2026-12-24");
    const values = readFormData(form, schema);
    expectNoPollution();
    expect(JSON.stringify(values)).not.toContain("polluted");
    for (const key of PROTOTYPE_KEYS) expect(Object.hasOwn(values, key)).toBe(false);
  });
});
