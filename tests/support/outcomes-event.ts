import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db";
import type { Gender, ParticipantCategory } from "@/lib/generated/prisma/enums";
import {
  ensureInstrument,
  saveInstrumentSettings,
  submitResponse,
  switchInstrument,
} from "@/lib/outcomes/mutations";
import { instrumentSettingsSchema } from "@/lib/outcomes/schema";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import { createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, registrationInput } from "./factories";
import { markPresent } from "./participants";

// An event whose pre-test, post-test (the same two questions, a point each)
// and feedback survey (a 1–5 rating and a free text) are open, and people
// who answered them: for the statistics file and the PDF summary.

const system = { type: "SYSTEM" } as const;

export type OutcomesPerson = {
  lastName: string;
  category: ParticipantCategory;
  gender: Gender;
  attended: boolean;
  /** Questions right on the pre-test and post-test, 0–2; undefined: not answered. */
  pre?: number;
  post?: number;
  rating?: number;
  comment?: string;
};

export async function eventWithOutcomes({
  people,
  anonymousFeedback = false,
}: {
  people: OutcomesPerson[];
  anonymousFeedback?: boolean;
}) {
  const event = await createTestEvent({ capacity: 100, quotas: {} });
  const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
  const ids = {
    q1: randomUUID(),
    q1Right: randomUUID(),
    q1Wrong: randomUUID(),
    q2: randomUUID(),
    q2Right: randomUUID(),
    q2Wrong: randomUUID(),
    rating: randomUUID(),
    comment: randomUUID(),
  };
  const choice = (id: string, label: string, right: string, wrong: string) => ({
    id,
    type: "SINGLE_CHOICE",
    required: true,
    points: "1",
    label: { ru: label },
    help: {},
    options: [
      { id: right, label: { ru: `${label}: верно` }, correct: true },
      { id: wrong, label: { ru: `${label}: неверно` } },
    ],
  });
  const pre = await ensureInstrument({ eventId: event.id, kind: "PRE_TEST" });
  expect(
    await saveQuestions({
      eventId: event.id,
      instrumentId: pre.id,
      input: questionsEditSchema.parse({
        questions: [
          choice(ids.q1, "Что такое стратегия?", ids.q1Right, ids.q1Wrong),
          choice(ids.q2, "Кто её утверждает?", ids.q2Right, ids.q2Wrong),
        ],
      }),
      actor: system,
    }),
  ).toEqual({ ok: true });
  const post = await ensureInstrument({ eventId: event.id, kind: "POST_TEST" });
  const feedback = await ensureInstrument({ eventId: event.id, kind: "FEEDBACK" });
  expect(
    await saveQuestions({
      eventId: event.id,
      instrumentId: feedback.id,
      input: questionsEditSchema.parse({
        questions: [
          {
            id: ids.rating,
            type: "SCALE",
            required: true,
            label: { ru: "Насколько полезен семинар?" },
            help: {},
            scaleLow: { ru: "Бесполезен" },
            scaleHigh: { ru: "Очень полезен" },
          },
          { id: ids.comment, type: "LONG_TEXT", label: { ru: "Что улучшить?" }, help: {} },
        ],
      }),
      actor: system,
    }),
  ).toEqual({ ok: true });
  expect(
    await saveInstrumentSettings({
      instrumentId: feedback.id,
      eventId: event.id,
      input: instrumentSettingsSchema.parse({
        anonymous: anonymousFeedback,
        satisfactionQuestionId: ids.rating,
      }),
      window: { opensAt: null, closesAt: null },
      actor: system,
    }),
  ).toEqual({ ok: true });
  for (const { id } of [pre, post, feedback])
    await switchInstrument({ instrumentId: id, eventId: event.id, to: "open", actor: system });

  const answersRight = (right: number) => ({
    [ids.q1]: right >= 1 ? ids.q1Right : ids.q1Wrong,
    [ids.q2]: right >= 2 ? ids.q2Right : ids.q2Wrong,
  });
  const registrations = [];
  for (const person of people) {
    const created = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({
        lastName: person.lastName,
        category: person.category,
        gender: person.gender,
        email: `${randomUUID()}@example.kg`,
      }),
    });
    if (!created.ok) throw new Error(created.reason);
    const token = created.manageToken;
    if (person.attended) await markPresent([created.registrationId], [day.id]);
    if (person.pre !== undefined)
      expect(await submitResponse({ token, kind: "PRE_TEST", answers: answersRight(person.pre) })).toEqual({
        ok: true,
      });
    if (person.post !== undefined)
      expect(await submitResponse({ token, kind: "POST_TEST", answers: answersRight(person.post) })).toEqual({
        ok: true,
      });
    if (person.rating !== undefined)
      expect(
        await submitResponse({
          token,
          kind: "FEEDBACK",
          answers: {
            [ids.rating]: String(person.rating),
            ...(person.comment ? { [ids.comment]: person.comment } : {}),
          },
        }),
      ).toEqual({ ok: true });
    registrations.push({ ...person, id: created.registrationId, token });
  }
  return { event, ids, registrations };
}
