import { randomUUID } from "node:crypto";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, registrationInput } from "./factories";

// An event asking one question of every type, and a person who answered
// them all, one of them since archived: what exports, the participant's
// data download and erasure are tested against.

const staff = { type: "SYSTEM" } as const;

const text = (ru: string, ky: string, en: string) => ({ ru, ky, en });

export async function eventWithEveryQuestion() {
  const event = await createTestEvent({ capacity: 10, quotas: {} });
  const ids = {
    expectations: randomUUID(),
    passport: randomUUID(),
    nights: randomUUID(),
    arrival: randomUUID(),
    interpretation: randomUUID(),
    group: randomUUID(),
    groupA: randomUUID(),
    groupB: randomUUID(),
    topics: randomUUID(),
    topic1: randomUUID(),
    topic2: randomUUID(),
    topic3: randomUUID(),
    workEmail: randomUUID(),
    workPhone: randomUUID(),
  };
  const questions = [
    { id: ids.expectations, type: "LONG_TEXT", label: text("Ожидания", "Күтүүлөр", "Expectations") },
    { id: ids.passport, type: "SHORT_TEXT", label: text("Паспорт", "Паспорт", "Passport") },
    { id: ids.nights, type: "NUMBER", label: text("Ночей", "Түн", "Nights") },
    { id: ids.arrival, type: "DATE", label: text("Дата приезда", "Келген күнү", "Arrival") },
    {
      id: ids.interpretation,
      type: "YES_NO",
      label: text("Нужен ли перевод?", "Котормо керекпи?", "Interpretation?"),
    },
    {
      id: ids.group,
      type: "SINGLE_CHOICE",
      label: text("Рабочая группа", "Жумушчу топ", "Working group"),
      options: [
        { id: ids.groupA, label: text("Группа А", "А тобу", "Group A") },
        { id: ids.groupB, label: text("Группа Б", "Б тобу", "Group B") },
      ],
    },
    {
      id: ids.topics,
      type: "MULTIPLE_CHOICE",
      label: text("Темы", "Темалар", "Topics"),
      options: [
        { id: ids.topic1, label: text("Миграция", "Миграция", "Migration") },
        { id: ids.topic2, label: text("Занятость", "Жумуш менен камсыз кылуу", "Employment") },
        { id: ids.topic3, label: text("Право", "Укук", "Law") },
      ],
    },
    { id: ids.workEmail, type: "EMAIL", label: text("Рабочая почта", "Жумуш почтасы", "Work email") },
    { id: ids.workPhone, type: "PHONE", label: text("Рабочий телефон", "Жумуш телефону", "Work phone") },
  ].map((question) => ({ help: {}, ...question }));
  await save(event.id, questions);
  // Unique per test, so that a test can look for them in every table.
  const tag = String(Math.random()).slice(2, 8);
  const given = {
    expectations: "=1+1",
    passport: `AN${tag}`,
    workEmail: `work.${tag}@example.kg`,
    workPhone: `+996 700 ${tag}`,
    nights: 3,
    arrival: "2026-12-23",
  };
  const result = await createRegistration({
    slug: event.slug,
    locale: "ru",
    input: registrationInput({
      answers: {
        [ids.expectations]: given.expectations,
        [ids.passport]: given.passport,
        [ids.nights]: given.nights,
        [ids.arrival]: given.arrival,
        [ids.interpretation]: true,
        [ids.group]: ids.groupB,
        [ids.topics]: [ids.topic3, ids.topic1],
        [ids.workEmail]: given.workEmail,
        [ids.workPhone]: given.workPhone,
      },
    }),
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  // The passport question is removed from the form once answered: archived, its answer kept.
  await save(
    event.id,
    questions.filter((question) => question.id !== ids.passport),
  );
  return { event, ids, given, registrationId: result.registrationId };
}

async function save(eventId: string, questions: object[]) {
  const saved = await saveQuestions({
    eventId,
    input: questionsEditSchema.parse({ questions }),
    actor: staff,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
}
