import { describe, expect, it } from "vitest";
import { auditSubjects, listAuditLog } from "@/lib/audit/data";
import { describeAuditEntry } from "@/lib/audit/describe";
import { auditWords } from "@/lib/audit/words";
import { db } from "@/lib/db";
import { setEventStatus } from "@/lib/events/mutations";
import { switchInstrument } from "@/lib/outcomes/mutations";
import {
  changeRegistrationStatuses,
  createRegistration,
  updateRegistration,
} from "@/lib/registrations/mutations";
import { registrationUpdateSchema } from "@/lib/registrations/schema";
import { createTestEvent, registrationInput } from "../support/factories";
import { eventWithOutcomes } from "../support/outcomes-event";

// The audit log is read by an admin, not a developer: words in their
// language and links by name, never codes, JSON or ids.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/;

async function described(eventId: string, locale: "ru" | "ky" = "ru") {
  const { entries } = await listAuditLog({ events: "every", eventId });
  const names = await auditSubjects(entries);
  return entries.map((entry) => ({
    code: entry.action,
    ...describeAuditEntry(entry, names, auditWords(locale)),
  }));
}

describe("the audit log in words", () => {
  it("names a test or survey, not its code", async () => {
    const { event } = await eventWithOutcomes({ people: [] });
    const post = await db.instrument.findFirstOrThrow({ where: { eventId: event.id, kind: "POST_TEST" } });
    await switchInstrument({
      instrumentId: post.id,
      eventId: event.id,
      to: "close",
      actor: { type: "STAFF" },
    });
    const closed = (await described(event.id, "ky")).find(
      (entry) => entry.code === "event.instrument_closed",
    );
    expect(closed).toMatchObject({
      action: "Тест же сурамжылоо жабылды",
      details: [{ label: "Тест же сурамжылоо", text: "Жыйынтыктоочу тест" }],
    });
  });

  it("says what was done to whom, with the person's name as a link and the statuses as words", async () => {
    const event = await createTestEvent({ capacity: 5, quotas: {}, requiresApproval: true });
    const created = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ lastName: "Осмонова", firstName: "Гүлнара" }),
    });
    if (!created.ok) throw new Error(created.reason);
    const id = created.registrationId;
    await changeRegistrationStatuses({
      eventId: event.id,
      registrationIds: [id],
      to: "CONFIRMED",
      actor: { type: "STAFF" },
    });
    await setEventStatus({ id: event.id, status: "CLOSED", actor: { type: "STAFF" } });

    const entries = await described(event.id);
    const changed = entries.find((entry) => entry.code === "registration.status_changed");
    expect(changed).toMatchObject({
      action: "Статус регистрации изменён",
      subject: {
        label: "Регистрация",
        text: expect.stringContaining("Осмонова Гүлнара"),
        href: `/admin/registrations/${id}`,
      },
      details: [
        { label: "Было", text: "На рассмотрении" },
        { label: "Стало", text: "Подтверждена" },
      ],
    });
    const closed = entries.find((entry) => entry.code === "event.status_changed");
    expect(closed).toMatchObject({
      action: "Статус события изменён",
      subject: { text: "Тестовый семинар", href: `/admin/events/${event.id}` },
      details: [{ label: "Статус", text: "Регистрация закрыта" }],
    });
    const received = entries.find((entry) => entry.code === "registration.created");
    expect(received?.details).toEqual([
      { label: "Статус", text: "На рассмотрении" },
      { label: "Сектор", text: expect.not.stringMatching(/^[A-Z_]+$/) },
    ]);

    for (const entry of entries) {
      const text = [
        entry.action,
        entry.subject?.text,
        ...entry.details.flatMap((line) => [line.label, line.text]),
      ].join(" ");
      expect(text).not.toMatch(UUID);
      expect(text).not.toMatch(/[{}]|\b[A-Z]{4,}\b|[a-z]+[._][a-z]+/);
    }
  });

  it("names the changed fields in the reader's language, and an erased person as gone", async () => {
    const event = await createTestEvent({ capacity: 5, quotas: {} });
    const created = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    if (!created.ok) throw new Error(created.reason);
    const registration = await db.registration.findUniqueOrThrow({ where: { id: created.registrationId } });
    const saved = await updateRegistration({
      target: { id: registration.id },
      input: registrationUpdateSchema.parse({
        ...registrationInput({ firstName: registration.firstName, lastName: registration.lastName }),
        organization: "Нарын шаардык кеңеши",
        position: "Башкы адис",
      }),
      actor: { type: "STAFF" },
    });
    expect(saved).toEqual({ ok: true });

    const updated = (await described(event.id, "ky")).find((entry) => entry.code === "registration.updated");
    expect(updated?.action).toBe("Каттоонун маалыматы өзгөртүлдү");
    expect(updated?.details[0]?.label).toBe("Өзгөргөн талаалар");
    expect(updated?.details[0]?.text).toContain("Уюм");
    expect(updated?.details[0]?.text).not.toContain("organization");

    await db.registration.delete({ where: { id: registration.id } });
    const gone = (await described(event.id)).find((entry) => entry.code === "registration.created");
    expect(gone?.subject).toEqual({ label: "Регистрация", text: "удалено" });
  });
});
