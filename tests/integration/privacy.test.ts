import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSender } from "@/lib/emails/transport";
import { sendDueLetters } from "@/lib/emails/worker";
import { ensureInstrument, submitResponse, switchInstrument } from "@/lib/outcomes/mutations";
import { getParticipantData } from "@/lib/privacy/data";
import { anonymizeExpiredRegistrations, eraseRegistration } from "@/lib/privacy/mutations";
import { getAnswers } from "@/lib/questions/data";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { changeRegistrationStatuses, createRegistration } from "@/lib/registrations/mutations";
import { manageToken } from "@/lib/registrations/tokens";
import { getEventStatistics } from "@/lib/statistics/data";
import { eventWithEveryQuestion } from "../support/answered-event";
import { createTestEvent, registrationInput } from "../support/factories";

const admin = { type: "STAFF" as const };

/** Where a text appears in any text or JSON column of any table: "table.column" for each. */
async function placesHolding(needle: string): Promise<string[]> {
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT table_name AS table, column_name AS column FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY')`;
  const found: string[] = [];
  for (const { table, column } of columns) {
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${table}" WHERE "${column}"::text ILIKE '%' || $1 || '%'`,
      needle,
    );
    if (row && row.count > 0) found.push(`${table}.${column}`);
  }
  return found;
}

async function registerPerson(slug: string, tag: string) {
  const person = {
    lastName: `Токтогулова${tag}`,
    firstName: `Бүбүсара${tag}`,
    patronymic: `Маратовна${tag}`,
    organization: `Коомдук фонд ${tag}`,
    position: `Координатор ${tag}`,
    email: `bubusara.${tag}@example.kg`,
    phone: `+996 700 ${tag.slice(0, 3).replace(/\D/g, "1").padEnd(3, "1")} 999`,
    dietaryNeeds: `Вегетариан ${tag}`,
    accessibilityNeeds: `Пандус ${tag}`,
    category: "CIVIL_SOCIETY" as const,
  };
  const result = await createRegistration({ slug, locale: "ky", input: registrationInput(person) });
  if (!result.ok) throw new Error(result.reason);
  return { id: result.registrationId, person };
}

describe("personal data", () => {
  it("erasure leaves nothing of the person in any table, keeps the statistics and is audited", async () => {
    const event = await createTestEvent({ capacity: 5, quotas: {} });
    const tag = randomUUID().slice(0, 8);
    const { id, person } = await registerPerson(event.slug, tag);
    await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
    await db.attendance.create({ data: { registrationId: id, eventDayId: day.id } });
    await db.registration.update({ where: { id }, data: { internalNote: `Позвонить ${tag}` } });
    await changeRegistrationStatuses({
      eventId: event.id,
      registrationIds: [id],
      to: "WAITLISTED",
      actor: admin,
    });
    // The letters go to the local mailbox, as they do without SMTP.
    const sender = createSender({ smtpUrl: undefined });
    while ((await sendDueLetters({ send: sender.send, retryBaseSeconds: 1 })) > 0) {}
    expect(await db.mailboxMessage.count({ where: { toAddress: person.email } })).toBeGreaterThan(0);

    const copy = JSON.stringify(await getParticipantData({ registrationId: id }));
    for (const value of [person.lastName, person.email, person.organization]) expect(copy).toContain(value);
    expect(copy).toContain("Кыргыз Республикасынын");
    expect(copy).not.toContain("manageTokenHash");

    const needles = Object.entries(person)
      .filter(([key]) => key !== "category")
      .map(([, value]) => value);
    needles.push(`Позвонить ${tag}`);
    for (const needle of needles) expect(await placesHolding(needle), needle).not.toEqual([]);
    const before = await getEventStatistics({ eventId: event.id });

    expect(await eraseRegistration({ registrationId: id, actor: admin })).toBe(true);

    for (const needle of needles) expect(await placesHolding(needle), needle).toEqual([]);
    expect(await getEventStatistics({ eventId: event.id })).toEqual(before);
    const erased = await db.registration.findUniqueOrThrow({ where: { id } });
    expect(erased).toMatchObject({ status: "WAITLISTED", category: "CIVIL_SOCIETY", gender: "FEMALE" });
    expect(erased.anonymizedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { entityId: id, action: "registration.erased" } })).toBe(1);
    // Once is enough: nothing left to erase, nothing recorded again.
    expect(await eraseRegistration({ registrationId: id, actor: admin })).toBe(false);
    expect(await db.auditLog.count({ where: { entityId: id, action: "registration.erased" } })).toBe(1);
  });

  it("the download holds the travel; erasure removes its settlement, wish and passport, keeps the region and nights", async () => {
    const event = await createTestEvent({ days: 2 });
    await db.event.update({ where: { id: event.id }, data: { travelEnabled: true, passportEnabled: true } });
    const [day] = await db.eventDay.findMany({ where: { eventId: event.id }, orderBy: { startsAt: "asc" } });
    const date = day?.date.toISOString().slice(0, 10) ?? "";
    const tag = randomUUID().slice(0, 8);
    const travel = {
      fromSettlement: `Кочкор ${tag}`,
      fromRegion: "NARYN",
      arrivesAt: `${date}T08:00`,
      departsAt: `${date}T18:00`,
      transport: "BUS" as const,
      nights: [date],
      sharesWith: `Айгүл ${tag}`,
      passportNumber: `AN${tag.replace(/\D/g, "7").slice(0, 7)}`,
    };
    const created = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: { ...registrationInput(), travel },
    });
    if (!created.ok) throw new Error(created.reason);
    const copy = JSON.stringify(await getParticipantData({ registrationId: created.registrationId }));
    const needles = [travel.fromSettlement, travel.sharesWith, travel.passportNumber];
    for (const needle of needles) expect(copy).toContain(needle);
    // The passport number is in its column only: not in the audit log's data or a letter.
    expect(await placesHolding(travel.passportNumber)).toEqual(["registration_travel.passport_number"]);

    expect(await eraseRegistration({ registrationId: created.registrationId, actor: admin })).toBe(true);

    for (const needle of needles) expect(await placesHolding(needle), needle).toEqual([]);
    const kept = await db.registrationTravel.findUniqueOrThrow({
      where: { registrationId: created.registrationId },
    });
    expect(kept).toMatchObject({
      fromRegion: "NARYN",
      transport: "BUS",
      nights: [new Date(`${date}T00:00:00Z`)],
    });
  });

  it("the download lists the answers with their questions; erasure empties the texts and keeps the choices", async () => {
    const { event, ids, given, registrationId } = await eventWithEveryQuestion();
    const copy = await getParticipantData({ registrationId });
    expect(copy?.answers).toEqual([
      { question: { ru: "Ожидания", ky: "Күтүүлөр", en: "Expectations" }, archived: false, answer: "=1+1" },
      { question: { ru: "Паспорт", ky: "Паспорт", en: "Passport" }, archived: true, answer: given.passport },
      { question: { ru: "Ночей", ky: "Түн", en: "Nights" }, archived: false, answer: 3 },
      {
        question: { ru: "Дата приезда", ky: "Келген күнү", en: "Arrival" },
        archived: false,
        answer: "2026-12-23",
      },
      {
        question: { ru: "Нужен ли перевод?", ky: "Котормо керекпи?", en: "Interpretation?" },
        archived: false,
        answer: true,
      },
      {
        question: { ru: "Рабочая группа", ky: "Жумушчу топ", en: "Working group" },
        archived: false,
        answer: [{ ru: "Группа Б", ky: "Б тобу", en: "Group B" }],
      },
      {
        question: { ru: "Темы", ky: "Темалар", en: "Topics" },
        archived: false,
        answer: [
          { ru: "Миграция", ky: "Миграция", en: "Migration" },
          { ru: "Право", ky: "Укук", en: "Law" },
        ],
      },
      {
        question: { ru: "Рабочая почта", ky: "Жумуш почтасы", en: "Work email" },
        archived: false,
        answer: given.workEmail,
      },
      {
        question: { ru: "Рабочий телефон", ky: "Жумуш телефону", en: "Work phone" },
        archived: false,
        answer: given.workPhone,
      },
    ]);

    const needles = [given.passport, given.workEmail, given.workPhone];
    for (const needle of needles) expect(await placesHolding(needle), needle).not.toEqual([]);
    const chosen = () =>
      db.registrationAnswerOption.groupBy({
        by: ["optionId"],
        where: { option: { question: { eventId: event.id } } },
        _count: true,
        orderBy: { optionId: "asc" },
      });
    const before = { statistics: await getEventStatistics({ eventId: event.id }), chosen: await chosen() };

    expect(await eraseRegistration({ registrationId, actor: admin })).toBe(true);

    for (const needle of needles) expect(await placesHolding(needle), needle).toEqual([]);
    // What is left counts, and names no one: the options chosen and yes/no.
    expect(
      (await getAnswers({ registrationId })).sort((a, b) => a.questionId.localeCompare(b.questionId)),
    ).toEqual(
      [
        { questionId: ids.interpretation, optionIds: [], booleanValue: true },
        { questionId: ids.group, optionIds: [ids.groupB], booleanValue: null },
        { questionId: ids.topics, optionIds: [ids.topic1, ids.topic3], booleanValue: null },
      ]
        .map((row) => ({ ...row, textValue: null, numberValue: null, dateValue: null }))
        .sort((a, b) => a.questionId.localeCompare(b.questionId)),
    );
    expect({ statistics: await getEventStatistics({ eventId: event.id }), chosen: await chosen() }).toEqual(
      before,
    );
    expect(
      (await getParticipantData({ registrationId }))?.answers.map((answer) => answer.question.ru),
    ).toEqual(["Нужен ли перевод?", "Рабочая группа", "Темы"]);
  });

  it("the download lists a participant's test and named survey answers; erasure empties their texts, keeps the score and rating", async () => {
    const event = await createTestEvent();
    const { id: registrationId } = await registerPerson(event.slug, randomUUID().slice(0, 6));
    const registration = await db.registration.findUniqueOrThrow({ where: { id: registrationId } });
    const token = manageToken(registrationId);
    const [right, wrong, choice, rating, comment] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const pre = await ensureInstrument({ eventId: event.id, kind: "PRE_TEST" });
    const survey = await ensureInstrument({ eventId: event.id, kind: "FEEDBACK" });
    const actor = { type: "SYSTEM" } as const;
    await saveQuestions({
      eventId: event.id,
      instrumentId: pre.id,
      actor,
      input: questionsEditSchema.parse({
        questions: [
          {
            id: choice,
            type: "SINGLE_CHOICE",
            points: "1",
            label: { ru: "Документ" },
            help: {},
            options: [
              { id: right, label: { ru: "Концепция" }, correct: true },
              { id: wrong, label: { ru: "Приказ" } },
            ],
          },
        ],
      }),
    });
    await saveQuestions({
      eventId: event.id,
      instrumentId: survey.id,
      actor,
      input: questionsEditSchema.parse({
        questions: [
          { id: rating, type: "SCALE", label: { ru: "Оценка" }, help: {} },
          { id: comment, type: "LONG_TEXT", label: { ru: "Что улучшить?" }, help: {} },
        ],
      }),
    });
    for (const instrumentId of [pre.id, survey.id])
      await switchInstrument({ instrumentId, eventId: event.id, to: "open", actor });
    const said = `Пусть ${registration.firstName} ведёт следующий`;
    await submitResponse({ token, kind: "PRE_TEST", answers: { [choice]: right } });
    await submitResponse({ token, kind: "FEEDBACK", answers: { [rating]: "5", [comment]: said } });

    const copy = await getParticipantData({ registrationId });
    expect(copy?.responses.map((response) => [response.instrument, response.answers])).toEqual([
      ["PRE_TEST", [{ questionId: choice, question: { ru: "Документ" }, answer: [{ ru: "Концепция" }] }]],
      [
        "FEEDBACK",
        [
          { questionId: rating, question: { ru: "Оценка" }, answer: 5 },
          { questionId: comment, question: { ru: "Что улучшить?" }, answer: said },
        ],
      ],
    ]);

    expect(await eraseRegistration({ registrationId, actor: admin })).toBe(true);
    expect(await placesHolding(said)).toEqual([]);
    const kept = await getParticipantData({ registrationId });
    expect(kept?.responses.map((response) => response.answers.map((answer) => answer.answer))).toEqual([
      [[{ ru: "Концепция" }]],
      [5],
    ]);
  });

  it("retention empties the answers that could identify a person too", async () => {
    const { event, given, registrationId } = await eventWithEveryQuestion();
    const endedAt = new Date(Date.now() - 40 * 86_400_000);
    await db.eventDay.updateMany({
      where: { eventId: event.id },
      data: { startsAt: new Date(endedAt.getTime() - 8 * 3_600_000), endsAt: endedAt },
    });
    await db.event.update({ where: { id: event.id }, data: { retentionDays: 30 } });
    expect(await anonymizeExpiredRegistrations()).toBeGreaterThanOrEqual(1);
    for (const needle of [given.passport, given.workEmail, given.workPhone]) {
      expect(await placesHolding(needle), needle).toEqual([]);
    }
    expect(await db.registrationAnswer.count({ where: { registrationId } })).toBe(3);
  });

  it("retention anonymizes exactly the events past their period, and a second run changes nothing", async () => {
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const past = await pastEvent({ endedAt: daysAgo(40), retentionDays: 30 });
    const within = await pastEvent({ endedAt: daysAgo(10), retentionDays: 30 });
    const forever = await pastEvent({ endedAt: daysAgo(4000), retentionDays: null });

    const first = await anonymizeExpiredRegistrations({ now });
    expect(first).toBeGreaterThanOrEqual(3);
    const anonymized = (eventId: string) =>
      db.registration.count({ where: { eventId, anonymizedAt: { not: null } } });
    expect(await anonymized(past.id)).toBe(3);
    expect(await anonymized(within.id)).toBe(0);
    expect(await anonymized(forever.id)).toBe(0);
    expect(await placesHolding(past.tag)).toEqual([]);
    expect(await placesHolding(within.tag)).not.toEqual([]);
    expect(
      await db.auditLog.count({ where: { eventId: past.id, action: "event.retention_anonymized" } }),
    ).toBe(1);

    const snapshot = await db.registration.findMany({ orderBy: { id: "asc" } });
    const audits = await db.auditLog.count();
    expect(await anonymizeExpiredRegistrations({ now })).toBe(0);
    expect(await db.registration.findMany({ orderBy: { id: "asc" } })).toEqual(snapshot);
    expect(await db.auditLog.count()).toBe(audits);
  });
});

/** An event whose only day ended at `endedAt`, with three registrations named by a tag. */
async function pastEvent({ endedAt, retentionDays }: { endedAt: Date; retentionDays: number | null }) {
  const event = await createTestEvent({ quotas: {} });
  const tag = randomUUID().slice(0, 8);
  for (let i = 0; i < 3; i++) {
    await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ lastName: `Архивова${tag}`, email: `${tag}-${i}@example.kg` }),
    });
  }
  await db.eventDay.updateMany({
    where: { eventId: event.id },
    data: { startsAt: new Date(endedAt.getTime() - 8 * 3_600_000), endsAt: endedAt },
  });
  await db.event.update({ where: { id: event.id }, data: { retentionDays } });
  return { id: event.id, tag };
}
