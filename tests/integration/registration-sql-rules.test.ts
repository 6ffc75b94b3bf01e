import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { registrationState } from "@/lib/events/rules";
import { ACTIVE_STATUSES, allocateSeat, participantCategories } from "@/lib/registrations/rules";

// The one-statement registration decides in SQL (register_participant() and
// the functions it calls); the pure rules stay the reference. These compare
// the two on random inputs: a rule changed on one side fails here until the
// other follows.

const seats = fc.integer({ min: 0, max: 40 });
const category = fc.constantFrom(...participantCategories);
const perCategory = fc.record(
  Object.fromEntries(participantCategories.map((name) => [name, seats])) as Record<
    (typeof participantCategories)[number],
    typeof seats
  >,
  { requiredKeys: [] },
);
const instant = fc.date({ min: new Date("2026-01-01"), max: new Date("2027-12-31"), noInvalidDate: true });

describe("the registration's SQL decides as its rules do", () => {
  it("allocate_seat() = allocateSeat()", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        perCategory,
        perCategory,
        category,
        fc.boolean(),
        async (capacity, quotas, taken, chosen, requiresApproval) => {
          const [row] = await db.$queryRaw<{ status: string }[]>`
            SELECT allocate_seat(${capacity}::int, ${JSON.stringify(quotas)}::jsonb, ${JSON.stringify(taken)}::jsonb,
                                 ${chosen}, ${requiresApproval}) AS status`;
          const reference = allocateSeat({
            plan: { capacity, quotas },
            taken: Object.fromEntries(
              participantCategories.map((name) => [name, taken[name] ?? 0]),
            ) as Record<(typeof participantCategories)[number], number>,
            category: chosen,
            requiresApproval,
          });
          expect(row?.status).toBe(reference);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("registration_state() = registrationState()", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("DRAFT", "PUBLISHED", "CLOSED", "ARCHIVED"),
        fc.option(instant, { nil: null }),
        fc.option(instant, { nil: null }),
        fc.option(instant, { nil: undefined }),
        instant,
        async (status, opensAt, closesAt, lastDayEndsAt, now) => {
          const [row] = await db.$queryRaw<{ state: string }[]>`
            SELECT registration_state(${status}, ${opensAt}::timestamptz, ${closesAt}::timestamptz,
                                      ${lastDayEndsAt ?? null}::timestamptz, ${now}::timestamptz) AS state`;
          const event = { status, registrationOpensAt: opensAt, registrationClosesAt: closesAt };
          expect(row?.state).toBe(registrationState({ event, lastDayEndsAt, now }));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("registration_is_active() = ACTIVE_STATUSES", async () => {
    const rows = await db.$queryRaw<{ status: string }[]>`
      SELECT status::text FROM unnest(enum_range(NULL::"RegistrationStatus")) AS status
      WHERE registration_is_active(status) ORDER BY status::text`;
    expect(rows.map((row) => row.status)).toEqual([...ACTIVE_STATUSES].sort());
  });
});
