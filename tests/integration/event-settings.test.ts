import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { duplicateEvent, saveEvent, setEventStatus } from "@/lib/events/mutations";
import { type EventSettings, eventSettingsSchema } from "@/lib/events/schema";
import { createRegistration } from "@/lib/registrations/mutations";
import { registrationInput } from "../support/factories";

const admin = { type: "STAFF" as const };

function settings(overrides: Partial<Record<string, unknown>> = {}): EventSettings {
  const text = (ru: string) => ({ ru, ky: "", en: "" });
  return eventSettingsSchema.parse({
    slug: `seminar-${randomUUID().slice(0, 8)}`,
    title: { ru: "Семинар по миграции", ky: "Миграция боюнча семинар", en: "" },
    summary: text("Кратко"),
    description: text("Описание"),
    audience: text("Все"),
    venueName: text("Каракол"),
    venueAddress: text("Иссык-Кульская область"),
    timeZone: "Asia/Bishkek",
    capacity: "2",
    quotas: { GOVERNMENT: "", LOCAL_GOVERNMENT: "", CIVIL_SOCIETY: "", OTHER: "" },
    requiresApproval: false,
    contactEmail: "",
    registrationOpensAt: "",
    registrationClosesAt: "2099-01-01T18:00",
    days: [
      { date: "2099-01-10", start: "09:00", end: "18:00" },
      { date: "2099-01-11", start: "09:00", end: "13:00" },
    ],
    ...overrides,
  });
}

describe("event settings", () => {
  it("creates a draft with its days at local times in the event's zone", async () => {
    const result = await saveEvent({ settings: settings(), actor: admin });
    if (!result.ok) throw new Error(result.reason);
    const event = await db.event.findUniqueOrThrow({
      where: { id: result.id },
      include: { days: { orderBy: { startsAt: "asc" } } },
    });
    expect(event.status).toBe("DRAFT");
    expect(event.days.map((day) => day.startsAt.toISOString())).toEqual([
      "2099-01-10T03:00:00.000Z",
      "2099-01-11T03:00:00.000Z",
    ]);
    expect(event.registrationClosesAt?.toISOString()).toBe("2099-01-01T12:00:00.000Z");
  });

  it("refuses sectors that add up to more than the seats, and a day that ends before it starts", () => {
    const result = eventSettingsSchema.safeParse({
      ...settings(),
      capacity: "5",
      quotas: { GOVERNMENT: "4", OTHER: "3" },
      days: [{ date: "2099-01-10", start: "18:00", end: "09:00" }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).sort()).toEqual([
      "endBeforeStart",
      "quotasExceedCapacity",
    ]);
  });

  it("moves the waiting list when the capacity is raised", async () => {
    const created = await saveEvent({ settings: settings(), actor: admin });
    if (!created.ok) throw new Error(created.reason);
    const event = await db.event.findUniqueOrThrow({ where: { id: created.id } });
    await setEventStatus({ id: event.id, status: "PUBLISHED", actor: admin });
    for (let i = 0; i < 4; i++) {
      await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    }
    expect(await db.registration.count({ where: { eventId: event.id, status: "WAITLISTED" } })).toBe(2);

    const saved = await saveEvent({
      id: event.id,
      settings: settings({ slug: event.slug, capacity: "3" }),
      actor: admin,
    });
    expect(saved).toEqual({ ok: true, id: event.id });
    expect(await db.registration.count({ where: { eventId: event.id, status: "CONFIRMED" } })).toBe(3);
    expect(
      await db.outboxMessage.count({ where: { eventId: event.id, template: "registration-promoted" } }),
    ).toBe(1);
  });

  it("refuses a page address another event has", async () => {
    const first = settings();
    await saveEvent({ settings: first, actor: admin });
    expect(await saveEvent({ settings: settings({ slug: first.slug }), actor: admin })).toEqual({
      ok: false,
      reason: "slug_taken",
    });
  });

  it("keeps a day that already has attendance", async () => {
    const created = await saveEvent({ settings: settings(), actor: admin });
    if (!created.ok) throw new Error(created.reason);
    const event = await db.event.findUniqueOrThrow({ where: { id: created.id }, include: { days: true } });
    await setEventStatus({ id: event.id, status: "PUBLISHED", actor: admin });
    const person = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    if (!person.ok) throw new Error(person.reason);
    const secondDay = event.days.find((day) => day.date.toISOString().startsWith("2099-01-11"));
    await db.attendance.create({
      data: { registrationId: person.registrationId, eventDayId: secondDay?.id ?? "" },
    });
    const oneDay = settings({
      slug: event.slug,
      days: [{ date: "2099-01-10", start: "09:00", end: "18:00" }],
    });
    expect(await saveEvent({ id: event.id, settings: oneDay, actor: admin })).toEqual({
      ok: false,
      reason: "day_has_attendance",
    });
    expect(await db.eventDay.count({ where: { eventId: event.id } })).toBe(2);
  });

  it("duplicates an event as a draft with its texts, days and sectors but no registrations", async () => {
    const created = await saveEvent({ settings: settings({ quotas: { OTHER: "1" } }), actor: admin });
    if (!created.ok) throw new Error(created.reason);
    const copyId = await duplicateEvent({ id: created.id, actor: admin });
    const copy = await db.event.findUniqueOrThrow({
      where: { id: copyId ?? "" },
      include: { days: true, quotas: true, registrations: true },
    });
    expect(copy).toMatchObject({ status: "DRAFT", capacity: 2, title: { ru: "Семинар по миграции" } });
    expect(copy.slug).toMatch(/-copy$/);
    expect(copy.days).toHaveLength(2);
    expect(copy.quotas.map((quota) => [quota.category, quota.seats])).toEqual([["OTHER", 1]]);
    expect(copy.registrations).toEqual([]);
    expect(await db.auditLog.count({ where: { entityId: copy.id, action: "event.duplicated" } })).toBe(1);
  });
});
