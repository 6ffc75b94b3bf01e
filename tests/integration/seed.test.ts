import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { getProgrammeSessions } from "@/lib/programme/data";
import { getEventForm } from "@/lib/questions/data";
import { verifyPassword } from "@/lib/staff/passwords";
import { isSeeded, seedDatabase } from "@/prisma/seed";

async function countRows() {
  const [events, days, quotas, parties, staff, questions, options, sessions, speakers] = await Promise.all([
    db.event.count(),
    db.eventDay.count(),
    db.categoryQuota.count(),
    db.eventParty.count(),
    db.staffUser.count(),
    db.question.count(),
    db.questionOption.count(),
    db.eventSession.count(),
    db.speaker.count(),
  ]);
  return { events, days, quotas, parties, staff, questions, options, sessions, speakers };
}

describe("seedDatabase", () => {
  const now = new Date("2026-11-26T10:00:00Z");

  it("creates the demo seminar and the first admin once", async () => {
    expect(await isSeeded(databaseUrl())).toBe(false);
    const first = await seedDatabase({ db, adminEmail: " Admin@Example.test ", now });
    expect(first.demoEventCreated).toBe(true);
    expect(first.admin).toMatchObject({ email: "admin@example.test", generated: true });

    const staff = await db.staffUser.findUniqueOrThrow({ where: { email: "admin@example.test" } });
    expect(staff.role).toBe("ADMIN");
    expect(await verifyPassword({ hash: staff.passwordHash, password: first.admin?.password ?? "" })).toBe(
      true,
    );

    const before = await countRows();
    const second = await seedDatabase({ db, adminEmail: "admin@example.test", now: new Date() });
    expect(second).toEqual({ demoEventCreated: false, admin: undefined });
    expect(await countRows()).toEqual(before);
    expect(await isSeeded(databaseUrl())).toBe(true);
  });

  it("places the two days four weeks ahead, 9:00 in Bishkek, with 40 seats by sector", async () => {
    const event = await db.event.findUniqueOrThrow({
      where: { slug: "migration-strategy-seminar" },
      include: { days: { orderBy: { startsAt: "asc" } }, quotas: true },
    });
    expect(event).toMatchObject({
      status: "PUBLISHED",
      isDemo: true,
      capacity: 40,
      timeZone: "Asia/Bishkek",
    });
    expect((event.title as { ru: string }).ru).toContain("трудовой миграции");
    expect(event.days.map((day) => day.startsAt.toISOString())).toEqual([
      "2026-12-24T03:00:00.000Z",
      "2026-12-25T03:00:00.000Z",
    ]);
    expect(Object.fromEntries(event.quotas.map((quota) => [quota.category, quota.seats]))).toEqual({
      GOVERNMENT: 15,
      LOCAL_GOVERNMENT: 12,
      CIVIL_SOCIETY: 10,
      OTHER: 3,
    });
  });

  it("asks the issue's three questions, in Russian, Kyrgyz and English, the language only after yes", async () => {
    const questions = (await getEventForm({ slug: "migration-strategy-seminar" }))?.questions ?? [];
    expect(questions.map((question) => [question.type, question.required, question.label])).toEqual([
      ["SINGLE_CHOICE", true, { ru: "Рабочая группа", ky: "Жумушчу топ", en: "Working group" }],
      [
        "YES_NO",
        false,
        { ru: "Нужен ли вам перевод?", ky: "Сизге котормо керекпи?", en: "Do you need interpretation?" },
      ],
      ["SHORT_TEXT", true, { ru: "На какой язык?", ky: "Кайсы тилге?", en: "Into which language?" }],
    ]);
    const [group, interpretation, language] = questions;
    expect(group?.options.map((option) => [Object.keys(option.label).sort(), option.places])).toEqual([
      [["en", "ky", "ru"], 20],
      [["en", "ky", "ru"], 20],
    ]);
    expect(language?.condition).toEqual({ questionId: interpretation?.id, values: ["yes"] });
  });

  it("gives the demo a two-day programme, from the opening to the closing, led by the trainers from Bulgaria", async () => {
    const event = await db.event.findUniqueOrThrow({
      where: { slug: "migration-strategy-seminar" },
      include: { days: { orderBy: { startsAt: "asc" } } },
    });
    const sessions = await getProgrammeSessions({ eventId: event.id });
    const [first, second] = event.days;
    const onDay = (dayId: string | undefined) => sessions.filter((session) => session.dayId === dayId);
    expect(onDay(first?.id)[0]?.title.ru).toBe("Открытие семинара");
    expect(onDay(first?.id)[0]?.startsAt).toEqual(first?.startsAt);
    expect(onDay(second?.id).at(-1)?.title.ky).toBe("Семинардын жабылышы: баалоо жана жыйынтыктар");
    expect(onDay(second?.id).at(-1)?.endsAt).toEqual(second?.endsAt);
    expect(sessions.every((session) => session.title.ru && session.title.ky && session.title.en)).toBe(true);
    const groups = onDay(second?.id).filter((session) => session.title.ru.startsWith("Рабочая группа"));
    expect(groups.map((group) => group.room)).toEqual(["Зал А", "Зал Б"]);
    const trainers = new Map(sessions.flatMap((session) => session.speakers).map((s) => [s.id, s]));
    expect([...trainers.values()].map((trainer) => trainer.country)).toEqual(["BG", "BG"]);
    expect(sessions.some((session) => session.title.ru.startsWith("Презентация проектов"))).toBe(true);
  });

  it("gives the demo a five-question pre/post test, open from the seeding, and a four-question anonymous survey", async () => {
    const event = await db.event.findUniqueOrThrow({
      where: { slug: "migration-strategy-seminar" },
      include: { days: { orderBy: { startsAt: "asc" } } },
    });
    const instruments = await db.instrument.findMany({
      where: { eventId: event.id },
      include: { questions: { include: { options: true }, orderBy: { position: "asc" } } },
    });
    const kind = (name: string) => instruments.find((instrument) => instrument.kind === name);
    const pre = kind("PRE_TEST");
    expect(pre?.opensAt?.toISOString()).toBe(now.toISOString());
    expect(pre?.closesAt?.toISOString()).toBe(event.days[0]?.startsAt.toISOString());
    expect(pre?.questions).toHaveLength(5);
    for (const question of pre?.questions ?? []) {
      expect(question.points).toBe(1);
      expect(Object.keys(question.label as object).sort()).toEqual(["en", "ky", "ru"]);
      expect(question.options.some((option) => option.correct)).toBe(true);
    }
    expect(kind("POST_TEST")).toMatchObject({ sharesPreTestQuestions: true, questions: [] });
    expect(kind("POST_TEST")?.opensAt?.toISOString()).toBe(event.days[1]?.startsAt.toISOString());
    const survey = kind("FEEDBACK");
    expect(survey?.anonymous).toBe(true);
    expect(survey?.questions.map((question) => question.type)).toEqual([
      "SCALE",
      "SCALE",
      "SINGLE_CHOICE",
      "LONG_TEXT",
    ]);
    expect(survey?.satisfactionQuestionId).toBe(survey?.questions[0]?.id);
  });
});
