import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/events/[slug]/registrations/route";
import { GET } from "@/app/api/events/[slug]/route";
import { db } from "@/lib/db";
import { duplicateEvent } from "@/lib/events/mutations";
import { PEER_HEADER } from "@/lib/http/client-address";
import { getEventForm, getEventRegions } from "@/lib/questions/data";
import { saveFormFields } from "@/lib/questions/mutations";
import { type FormFieldsEdit, formFieldsEditSchema } from "@/lib/questions/schema";
import { createRegistration, updateRegistration } from "@/lib/registrations/mutations";
import { registrationUpdateSchema } from "@/lib/registrations/schema";
import { createTestEvent, registrationInput } from "../support/factories";

const staff = { type: "SYSTEM" } as const;

/** A partner's event in Tajikistan: its own regions, no phone, an optional position, no needs. */
function tajikForm(overrides: Partial<Record<keyof FormFieldsEdit, unknown>> = {}): FormFieldsEdit {
  return formFieldsEditSchema.parse({
    patronymic: "OPTIONAL",
    position: "OPTIONAL",
    phone: "HIDDEN",
    needs: "HIDDEN",
    sectorLabel: { ru: "Кого вы представляете?", en: "Whom do you represent?" },
    genderLabel: {},
    regions: [
      { label: { ru: "Согдийская область", en: "Sughd" } },
      { label: { ru: "Хатлонская область", en: "Khatlon" } },
      { label: { ru: "г. Душанбе", en: "Dushanbe" } },
    ],
    ...overrides,
  });
}

async function post(slug: string, body: object) {
  const response = await POST(
    new Request(`http://127.0.0.1/api/events/${slug}/registrations`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [PEER_HEADER]: `198.51.100.${Math.floor(Math.random() * 250)}`,
      },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({ slug }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("an event's built-in fields", () => {
  it("a new event offers the standard regions and asks the standard fields", async () => {
    const event = await createTestEvent();
    const form = await getEventForm({ eventId: event.id });
    expect(form?.fields).toEqual({
      patronymic: "OPTIONAL",
      position: "REQUIRED",
      phone: "REQUIRED",
      needs: "OPTIONAL",
      sectorLabel: null,
      genderLabel: null,
    });
    expect(form?.regions).toHaveLength(14);
    expect(form?.regions[6]).toEqual({
      code: "NARYN",
      label: { ru: "Нарынская область", ky: "Нарын облусу", en: "Naryn region" },
    });
  });

  it("saved by staff: the API lists them, and registrations are held to them", async () => {
    const event = await createTestEvent();
    expect(await saveFormFields({ eventId: event.id, input: tajikForm(), actor: staff })).toEqual({
      ok: true,
    });

    const response = await GET(new Request(`http://127.0.0.1/api/events/${event.slug}`), {
      params: Promise.resolve({ slug: event.slug }),
    });
    const summary = (await response.json()) as { fields: unknown; regions: { code: string }[] };
    expect(summary.fields).toEqual({
      patronymic: "OPTIONAL",
      position: "OPTIONAL",
      phone: "HIDDEN",
      needs: "HIDDEN",
      sectorLabel: { ru: "Кого вы представляете?", en: "Whom do you represent?" },
      genderLabel: null,
    });
    expect(summary.regions).toEqual([
      { code: "REGION_1", label: { ru: "Согдийская область", en: "Sughd" } },
      { code: "REGION_2", label: { ru: "Хатлонская область", en: "Khatlon" } },
      { code: "REGION_3", label: { ru: "г. Душанбе", en: "Dushanbe" } },
    ]);

    // What a client written for the demo sends is refused, field by field, and nothing is written.
    const demoLike = { ...registrationInput(), consent: true };
    const refused = await post(event.slug, demoLike);
    expect(refused).toEqual({
      status: 400,
      body: {
        error: "invalid",
        fieldErrors: {
          region: "invalidChoice",
          phone: "notAsked",
          needsAccommodation: "notAsked",
        },
      },
    });
    const { phone: _phone, needsAccommodation: _needs, position: _position, ...asked } = demoLike;
    expect(await post(event.slug, { ...asked, region: "REGION_3" })).toEqual({
      status: 202,
      body: { status: "received" },
    });
    const stored = await db.registration.findFirstOrThrow({ where: { eventId: event.id } });
    expect([stored.region, stored.phone, stored.position, stored.needsAccommodation]).toEqual([
      "REGION_3",
      null,
      null,
      false,
    ]);
  });

  it("an edit clears an optional field, keeps one no longer asked, and refuses another event's region", async () => {
    const event = await createTestEvent();
    const created = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    if (!created.ok) throw new Error("not registered");
    // The event stops asking the phone and makes the position optional; its regions stay.
    const regions = (await getEventRegions({ eventId: event.id })).map(({ code, label }) => ({
      code,
      label,
    }));
    expect(await saveFormFields({ eventId: event.id, input: tajikForm({ regions }), actor: staff })).toEqual({
      ok: true,
    });
    const edit = (changes: object) =>
      updateRegistration({
        target: { id: created.registrationId },
        input: registrationUpdateSchema.parse({ ...registrationInput(), phone: undefined, ...changes }),
      });
    expect(await edit({ position: "", needsAccommodation: false, region: "REGION_1" })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { region: "invalidChoice" },
    });
    expect(await edit({ position: "", needsAccommodation: false, region: "TALAS" })).toEqual({ ok: true });
    const stored = await db.registration.findUniqueOrThrow({ where: { id: created.registrationId } });
    expect([stored.position, stored.phone, stored.region]).toEqual([null, "+996 555 123 456", "TALAS"]);
  });

  it("a region someone chose stays; a copy of the event takes the fields and regions", async () => {
    const event = await createTestEvent();
    await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ region: "NARYN" }),
    });
    expect(await saveFormFields({ eventId: event.id, input: tajikForm(), actor: staff })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { regions: "regionChosen" },
    });
    // Naryn kept, renamed and moved first; the rest replaced by two of the event's own.
    const input = tajikForm({
      regions: [
        { code: "NARYN", label: { ru: "Нарын" } },
        { label: { ru: "Согдийская область" } },
        { label: { ru: "Хатлонская область" } },
      ],
    });
    expect(await saveFormFields({ eventId: event.id, input, actor: staff })).toEqual({ ok: true });
    expect(
      (await getEventRegions({ eventId: event.id })).map((region) => [
        region.code,
        region.label.ru,
        region.registrations,
      ]),
    ).toEqual([
      ["NARYN", "Нарын", 1],
      ["REGION_1", "Согдийская область", 0],
      ["REGION_2", "Хатлонская область", 0],
    ]);
    // A code the event does not have is refused, not created.
    expect(
      await saveFormFields({
        eventId: event.id,
        input: tajikForm({
          regions: [
            { code: "NARYN", label: { ru: "Нарын" } },
            { code: "OSH", label: { ru: "Ош" } },
          ],
        }),
        actor: staff,
      }),
    ).toEqual({ ok: false, reason: "invalid", fieldErrors: { "regions.1.code": "duplicate" } });

    const copyId = await duplicateEvent({ id: event.id, actor: staff });
    if (!copyId) throw new Error("no copy");
    const [original, copy] = await Promise.all([
      getEventForm({ eventId: event.id }),
      getEventForm({ eventId: copyId }),
    ]);
    expect(copy?.fields).toEqual(original?.fields);
    expect(copy?.regions).toEqual(original?.regions);
  });
});
