import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

// Rules the database itself enforces, whatever the application does.

let eventId: string;

beforeAll(async () => {
  const event = await db.event.create({
    data: {
      slug: `invariants-${randomUUID().slice(0, 8)}`,
      title: { ru: "Проверка" },
      summary: { ru: "-" },
      description: { ru: "-" },
      audience: { ru: "-" },
      venueName: { ru: "-" },
      venueAddress: { ru: "-" },
      capacity: 2,
    },
  });
  eventId = event.id;
});

function registration(overrides: Record<string, unknown> = {}) {
  const email = `${randomUUID()}@example.test`;
  return {
    eventId,
    status: "CONFIRMED" as const,
    category: "CIVIL_SOCIETY" as const,
    lastName: "Асанова",
    firstName: "Айгүл",
    organization: "ОО «Ресурсный центр»",
    position: "Координатор",
    region: "NARYN" as const,
    email,
    emailNormalized: email,
    phone: "+996 555 123 456",
    gender: "FEMALE" as const,
    consentAt: new Date(),
    consentVersion: "2026-11",
    manageTokenHash: randomUUID(),
    checkInCode: randomUUID().slice(0, 8),
    ...overrides,
  };
}

describe("database invariants", () => {
  it("refuses a negative capacity and negative reserved seats", async () => {
    await expect(db.event.update({ where: { id: eventId }, data: { capacity: -1 } })).rejects.toThrow(
      /event_capacity_non_negative/,
    );
    await expect(
      db.categoryQuota.create({ data: { eventId, category: "OTHER", seats: -3 } }),
    ).rejects.toThrow(/category_quota_seats_non_negative/);
  });

  it("refuses a second registration with the same normalized email for one event", async () => {
    const first = registration();
    await db.registration.create({ data: first });
    await expect(
      db.registration.create({
        data: registration({ email: first.email, emailNormalized: first.emailNormalized }),
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses a normalized email that is not the lower-cased address", async () => {
    await expect(
      db.registration.create({
        data: registration({ email: "Mixed@Example.test", emailNormalized: "Mixed@Example.test" }),
      }),
    ).rejects.toThrow(/registration_email_normalized/);
  });

  it("derives the search text from the name, organization and contact, lower case and folded", async () => {
    const created = await db.registration.create({ data: registration({ patronymic: "Бакытовна" }) });
    // Folded as lib/registrations/search.ts folds a query: ү as у.
    expect(created.searchText).toContain("асанова айгул бакытовна");
    expect(created.searchText).toContain("оо «ресурсный центр»");
    const renamed = await db.registration.update({
      where: { id: created.id },
      data: { lastName: "Токтогулова" },
    });
    expect(renamed.searchText).toMatch(/^токтогулова айгул/);
  });

  it("records each person once per day of attendance", async () => {
    const day = await db.eventDay.create({
      data: {
        eventId,
        date: new Date("2026-12-24"),
        startsAt: new Date("2026-12-24T03:00:00Z"),
        endsAt: new Date("2026-12-24T12:00:00Z"),
      },
    });
    const person = await db.registration.create({ data: registration() });
    await db.attendance.create({ data: { registrationId: person.id, eventDayId: day.id } });
    await expect(
      db.attendance.create({ data: { registrationId: person.id, eventDayId: day.id } }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses a day that ends before it starts", async () => {
    await expect(
      db.eventDay.create({
        data: {
          eventId,
          date: new Date("2026-12-26"),
          startsAt: new Date("2026-12-26T10:00:00Z"),
          endsAt: new Date("2026-12-26T09:00:00Z"),
        },
      }),
    ).rejects.toThrow(/event_day_ends_after_start/);
  });

  it("keeps the audit log append-only", async () => {
    const entry = await db.auditLog.create({
      data: { actorType: "SYSTEM", action: "test.append", entityType: "event", entityId: eventId },
    });
    await expect(
      db.auditLog.update({ where: { id: entry.id }, data: { action: "changed" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await db.auditLog.count({ where: { id: entry.id, action: "test.append" } })).toBe(1);
  });

  it("keeps answers typed, one per question, and choices within their question", async () => {
    const person = await db.registration.create({ data: registration() });
    const group = await db.question.create({
      data: {
        eventId,
        position: 0,
        type: "SINGLE_CHOICE",
        label: { ru: "Группа" },
        options: { create: [{ position: 0, label: { ru: "А" }, places: 2 }] },
      },
      include: { options: true },
    });
    const other = await db.question.create({
      data: {
        eventId,
        position: 1,
        type: "SINGLE_CHOICE",
        label: { ru: "Другое" },
        options: { create: [{ position: 0, label: { ru: "Б" } }] },
      },
      include: { options: true },
    });
    await expect(
      db.registrationAnswer.create({
        data: { registrationId: person.id, questionId: group.id, textValue: "x", numberValue: 1 },
      }),
    ).rejects.toThrow(/registration_answer_one_value/);
    await db.registrationAnswer.create({ data: { registrationId: person.id, questionId: group.id } });
    await expect(
      db.registrationAnswer.create({ data: { registrationId: person.id, questionId: group.id } }),
    ).rejects.toMatchObject({ code: "P2002" });
    // An option of another question cannot be an answer's choice.
    await expect(
      db.registrationAnswerOption.create({
        data: { registrationId: person.id, questionId: group.id, optionId: other.options[0]?.id ?? "" },
      }),
    ).rejects.toThrow();
    await db.registrationAnswerOption.create({
      data: { registrationId: person.id, questionId: group.id, optionId: group.options[0]?.id ?? "" },
    });
    // A question or an option someone answered is archived, never deleted.
    await expect(db.questionOption.delete({ where: { id: group.options[0]?.id } })).rejects.toThrow();
    await expect(db.question.delete({ where: { id: group.id } })).rejects.toThrow();
    await expect(
      db.questionOption.update({ where: { id: other.options[0]?.id }, data: { places: 0 } }),
    ).rejects.toThrow(/question_option_places_positive/);
    await expect(
      db.question.update({
        where: { id: other.id },
        data: { conditionQuestionId: other.id, conditionValues: ["yes"] },
      }),
    ).rejects.toThrow(/question_condition_not_itself/);
    await expect(
      db.question.update({ where: { id: other.id }, data: { conditionQuestionId: group.id } }),
    ).rejects.toThrow(/question_condition_complete/);
    // The answers go with their registration.
    await db.registration.delete({ where: { id: person.id } });
    expect(await db.registrationAnswerOption.count({ where: { registrationId: person.id } })).toBe(0);
  });
});
