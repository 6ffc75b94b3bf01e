import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { retryLetter } from "@/lib/emails/mutations";
import { previewOrganizerMessage } from "@/lib/emails/render";
import {
  createRegistration,
  resendLetter,
  sendTestMessage,
  setInternalNote,
  updateRegistration,
  writeToRegistrations,
} from "@/lib/registrations/mutations";
import { editFormValues, registrationUpdateSchema } from "@/lib/registrations/schema";
import { createTestEvent, registrationInput } from "../support/factories";

const organizer = { type: "STAFF" as const };

async function register(slug: string, category: "GOVERNMENT" | "OTHER", locale: "ru" | "ky" | "en" = "ru") {
  const result = await createRegistration({ slug, locale, input: registrationInput({ category }) });
  if (!result.ok) throw new Error(result.reason);
  return db.registration.findUniqueOrThrow({ where: { id: result.registrationId } });
}

const asUpdate = (registration: Awaited<ReturnType<typeof register>>, category: string) =>
  registrationUpdateSchema.parse({ ...editFormValues(registration), category });

describe("an organizer's changes to one registration", () => {
  it("moves a participant to another sector only where a seat is free, and the seat left behind goes to the next in line", async () => {
    const event = await createTestEvent({ capacity: 10, quotas: { GOVERNMENT: 1, OTHER: 1 } });
    const official = await register(event.slug, "GOVERNMENT");
    const other = await register(event.slug, "OTHER");
    const waiting = await register(event.slug, "GOVERNMENT");
    expect([official.status, other.status, waiting.status]).toEqual(["CONFIRMED", "CONFIRMED", "WAITLISTED"]);

    expect(
      await updateRegistration({
        target: { id: official.id },
        input: asUpdate(official, "OTHER"),
        actor: organizer,
      }),
    ).toEqual({ ok: false, reason: "category_full" });

    await db.categoryQuota.update({
      where: { eventId_category: { eventId: event.id, category: "OTHER" } },
      data: { seats: 2 },
    });
    expect(
      await updateRegistration({
        target: { id: official.id },
        input: asUpdate(official, "OTHER"),
        actor: organizer,
      }),
    ).toEqual({ ok: true });
    expect((await db.registration.findUniqueOrThrow({ where: { id: official.id } })).category).toBe("OTHER");
    expect((await db.registration.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe("CONFIRMED");
  });

  it("writes only to the chosen registrations of that event, keeps the note out of the audit log, and resends the current letter", async () => {
    const event = await createTestEvent();
    const elsewhere = await createTestEvent();
    const [first, second] = [
      await register(event.slug, "GOVERNMENT"),
      await register(event.slug, "GOVERNMENT"),
    ];
    const stranger = await register(elsewhere.slug, "GOVERNMENT");

    const written = await writeToRegistrations({
      eventId: event.id,
      registrationIds: [first.id, stranger.id],
      subject: { ru: "Трансфер из Бишкека" },
      message: { ru: "Автобус отходит в 7:00." },
      actor: organizer,
    });
    expect(written).toBe(1);
    const messages = await db.outboxMessage.findMany({ where: { template: "organizer-message" } });
    expect(
      messages.filter((message) => [first.id, second.id, stranger.id].includes(message.registrationId ?? "")),
    ).toEqual([
      expect.objectContaining({
        registrationId: first.id,
        payload: { subject: "Трансфер из Бишкека", message: "Автобус отходит в 7:00." },
      }),
    ]);

    await setInternalNote({ id: second.id, note: "Нужен пандус", actor: organizer });
    const audit = await db.auditLog.findMany({ where: { entityId: second.id } });
    expect(audit.map((entry) => entry.action)).toContain("registration.note_changed");
    expect(JSON.stringify(audit.map((entry) => entry.data))).not.toContain("пандус");

    await resendLetter({ id: second.id, kind: "status", actor: organizer });
    expect(
      await db.outboxMessage.count({
        where: { registrationId: second.id, template: "registration-confirmed" },
      }),
    ).toBe(2);
  });

  it("writes to each participant in their language, Russian where it was left empty, and fills the placeholders as the letter is made", async () => {
    const event = await createTestEvent();
    const elsewhere = await createTestEvent();
    const kyrgyz = await register(event.slug, "GOVERNMENT", "ky");
    const english = await register(event.slug, "GOVERNMENT", "en");
    const stranger = await register(elsewhere.slug, "GOVERNMENT", "ky");
    const subject = { ru: "Автобус для {{firstName}}", ky: "{{firstName}} үчүн автобус", en: "" };
    const message = {
      ru: "{{firstName}}, ваш код {{checkInCode}}.",
      ky: "{{firstName}}, кодуңуз {{checkInCode}}.",
    };

    await writeToRegistrations({
      eventId: event.id,
      registrationIds: [kyrgyz.id, english.id],
      subject,
      message,
      actor: organizer,
    });
    const payloads = await db.outboxMessage.findMany({
      where: { template: "organizer-message", registrationId: { in: [kyrgyz.id, english.id] } },
      select: { registrationId: true, payload: true },
    });
    expect(new Map(payloads.map((letter) => [letter.registrationId, letter.payload]))).toEqual(
      new Map([
        [kyrgyz.id, { subject: subject.ky, message: message.ky }],
        [english.id, { subject: subject.ru, message: message.ru }],
      ]),
    );

    const preview = await previewOrganizerMessage({
      eventId: event.id,
      registrationId: kyrgyz.id,
      subject,
      message,
    });
    expect(preview).toMatchObject({ locale: "ky", subject: `${kyrgyz.firstName} үчүн автобус` });
    expect(preview?.html).toContain(`${kyrgyz.firstName}, кодуңуз ${kyrgyz.checkInCode}.`);
    expect(preview?.html).not.toContain("{{");
    expect(
      await previewOrganizerMessage({ eventId: event.id, registrationId: stranger.id, subject, message }),
    ).toBeNull();

    // The test letter: the participant's letter, to the staff member's address; nothing for another event's.
    const to = "organizer@kattoo.test";
    const asked = { eventId: event.id, subject, message, to, actor: organizer };
    expect(await sendTestMessage({ ...asked, registrationId: kyrgyz.id })).toBe(true);
    expect(await sendTestMessage({ ...asked, registrationId: stranger.id })).toBe(false);
    expect(
      await db.outboxMessage.findMany({
        where: { toAddress: to },
        select: { registrationId: true, locale: true },
      }),
    ).toEqual([{ registrationId: kyrgyz.id, locale: "ky" }]);
  });

  it("puts a failed letter back in the queue, and only a failed one", async () => {
    const event = await createTestEvent();
    const registration = await register(event.slug, "GOVERNMENT");
    const letter = await db.outboxMessage.findFirstOrThrow({ where: { registrationId: registration.id } });
    expect(await retryLetter({ id: letter.id, actor: organizer })).toBe(false);
    await db.outboxMessage.update({
      where: { id: letter.id },
      data: { status: "FAILED", attempts: 8, lastError: "550 mailbox unavailable" },
    });
    expect(await retryLetter({ id: letter.id, actor: organizer })).toBe(true);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
      status: "QUEUED",
      attempts: 0,
    });
  });
});
