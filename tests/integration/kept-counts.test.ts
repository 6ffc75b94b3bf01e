import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { saveQuestions } from "@/lib/questions/mutations";
import { questionsEditSchema } from "@/lib/questions/schema";
import {
  cancelRegistration,
  changeRegistrationStatuses,
  createRegistration,
  updateRegistration,
} from "@/lib/registrations/mutations";
import { participantCategories } from "@/lib/registrations/rules";
import { registrationUpdateSchema } from "@/lib/registrations/schema";
import { createTestEvent, registrationInput } from "../support/factories";

// Counts kept by triggers (migrations 20261202033500_registration_in_one_statement,
// 20261202150000_places_counted_where_limited, 20261203091000_registrations_counted):
// each limited option's `taken`, the confirmed seats per sector and the
// registrations per status and sector. After random registrations,
// edits, cancellations, changes of status and an option given or relieved of
// its limit, each must equal a count of the registrations themselves; an
// option without a limit counts nothing.

const staff = { type: "STAFF" as const };

type Choices = Record<"group" | "a" | "b" | "topics" | "x" | "y", string>;

/** The event's two choice questions; option Б is limited to `bPlaces` places, or not at all. */
const questionsOf = (ids: Choices, bPlaces: string | undefined) =>
  questionsEditSchema.parse({
    questions: [
      {
        id: ids.group,
        type: "SINGLE_CHOICE",
        label: { ru: "Группа" },
        help: {},
        options: [
          { id: ids.a, label: { ru: "А" }, places: "4" },
          { id: ids.b, label: { ru: "Б" }, places: bPlaces },
        ],
      },
      {
        id: ids.topics,
        type: "MULTIPLE_CHOICE",
        label: { ru: "Темы" },
        help: {},
        options: [
          { id: ids.x, label: { ru: "X" }, places: "5" },
          { id: ids.y, label: { ru: "Y" } },
        ],
      },
    ],
  });

async function eventWithChoices() {
  const event = await createTestEvent({ capacity: 6, quotas: { GOVERNMENT: 2, OTHER: 3 } });
  const ids: Choices = {
    group: randomUUID(),
    a: randomUUID(),
    b: randomUUID(),
    topics: randomUUID(),
    x: randomUUID(),
    y: randomUUID(),
  };
  expect(
    await saveQuestions({ eventId: event.id, input: questionsOf(ids, undefined), actor: staff }),
  ).toEqual({
    ok: true,
  });
  return { event, ids };
}

const answersOf = (ids: Choices, group: number, topics: number) => ({
  ...(group === 0 ? {} : { [ids.group]: group === 1 ? ids.a : ids.b }),
  [ids.topics]: [...(topics & 1 ? [ids.x] : []), ...(topics & 2 ? [ids.y] : [])],
});

const category = fc.constantFrom(...participantCategories);
const operation = fc.oneof(
  fc.record({ kind: fc.constant("register" as const), category, group: fc.nat(2), topics: fc.nat(3) }),
  fc.record({
    kind: fc.constant("edit" as const),
    who: fc.nat(),
    category,
    group: fc.nat(2),
    topics: fc.nat(3),
  }),
  fc.record({ kind: fc.constant("cancel" as const), who: fc.nat() }),
  fc.record({
    kind: fc.constant("status" as const),
    who: fc.nat(),
    to: fc.constantFrom("CONFIRMED" as const, "WAITLISTED" as const, "DECLINED" as const),
  }),
  fc.record({ kind: fc.constant("limit" as const), places: fc.constantFrom(undefined, "10") }),
);

describe("counts kept by triggers", () => {
  it("equal a count of the registrations after any sequence of changes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 5, maxLength: 25 }), async (operations) => {
        const { event, ids } = await eventWithChoices();
        const people: { id: string; token: string }[] = [];
        for (const step of operations) {
          const someone = "who" in step ? people[step.who % Math.max(1, people.length)] : undefined;
          if (step.kind === "register") {
            const result = await createRegistration({
              slug: event.slug,
              locale: "ru",
              input: registrationInput({
                category: step.category,
                answers: answersOf(ids, step.group, step.topics),
              }),
            });
            if (result.ok) people.push({ id: result.registrationId, token: result.manageToken });
          } else if (someone && step.kind === "edit") {
            const input = registrationUpdateSchema.parse({
              ...registrationInput({ category: step.category }),
              answers: answersOf(ids, step.group, step.topics),
            });
            await updateRegistration({ target: { id: someone.id }, input });
          } else if (someone && step.kind === "cancel") {
            await cancelRegistration({ token: someone.token });
          } else if (someone && step.kind === "status") {
            await changeRegistrationStatuses({
              eventId: event.id,
              registrationIds: [someone.id],
              to: step.to,
              actor: staff,
            });
          } else if (step.kind === "limit") {
            await saveQuestions({ eventId: event.id, input: questionsOf(ids, step.places), actor: staff });
          }
        }
        const kept = await db.$queryRaw<
          { id: string; taken: number; counted: number; places: number | null }[]
        >`
          SELECT o.id, o.taken, o.places, (
            SELECT count(*)::int FROM registration_answer_option ao JOIN registration r ON r.id = ao.registration_id
            WHERE ao.option_id = o.id AND registration_is_active(r.status)) AS counted
          FROM question_option o JOIN question q ON q.id = o.question_id
          WHERE q.event_id = ${event.id}::uuid`;
        for (const option of kept) {
          expect(option.taken).toBe(option.places === null ? 0 : option.counted);
          // Б's limit, given after registrations, may find more than it allows.
          if (option.places !== null && option.id !== ids.b)
            expect(option.taken).toBeLessThanOrEqual(option.places);
        }
        const seats = await db.$queryRaw<{ category: string; kept: number; counted: number }[]>`
          SELECT c.category::text, c.confirmed AS kept, (
            SELECT count(*)::int FROM registration r
            WHERE r.event_id = c.event_id AND r.category = c.category AND r.status = 'CONFIRMED') AS counted
          FROM confirmed_seats c WHERE c.event_id = ${event.id}::uuid`;
        for (const sector of seats) expect(sector.kept).toBe(sector.counted);
        // The staff list's counts per status and sector: every cell, empty ones at 0.
        const cells = await db.$queryRaw<{ cell: string; kept: number; counted: number }[]>`
          SELECT coalesce(k.status, r.status)::text || ' ' || coalesce(k.category, r.category)::text AS cell,
            coalesce(k.count, 0) AS kept, coalesce(r.count, 0)::int AS counted
          FROM (SELECT * FROM registration_count WHERE event_id = ${event.id}::uuid) k
          FULL JOIN (SELECT status, category, count(*) FROM registration WHERE event_id = ${event.id}::uuid
                     GROUP BY 1, 2) r ON r.status = k.status AND r.category = k.category`;
        for (const cell of cells) expect(cell.kept, cell.cell).toBe(cell.counted);
        const confirmed = await db.registration.count({ where: { eventId: event.id, status: "CONFIRMED" } });
        expect(seats.reduce((sum, sector) => sum + sector.kept, 0)).toBe(confirmed);
        expect(confirmed).toBeLessThanOrEqual(6);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
