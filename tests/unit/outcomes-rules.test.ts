import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countedRatings,
  eventOutcomes,
  gainDistribution,
  groupOutcome,
  improved,
  instrumentState,
  logframeIndicators,
  type OutcomeParticipant,
  ratingDistribution,
  satisfaction,
  scorePercent,
  scoreResponse,
  switchedWindow,
} from "@/lib/outcomes/rules";
import type { ScoringKey } from "@/lib/questions/schema";

const key: ScoringKey = {
  q1: { points: 1, correct: ["a"] },
  q2: { points: 2, correct: ["b", "c"] },
  q3: { points: 1, correct: ["d"] },
};

const at = (iso: string) => new Date(iso);

describe("an instrument's window", () => {
  const now = at("2026-12-10T09:00:00Z");
  it("is not open before it opens or when never opened, open between, closed from its closing time", () => {
    expect(instrumentState({ opensAt: null, closesAt: null }, now)).toBe("not_open");
    expect(instrumentState({ opensAt: at("2026-12-11T00:00:00Z"), closesAt: null }, now)).toBe("not_open");
    expect(instrumentState({ opensAt: at("2026-12-09T00:00:00Z"), closesAt: null }, now)).toBe("open");
    expect(instrumentState({ opensAt: at("2026-12-09T00:00:00Z"), closesAt: now }, now)).toBe("closed");
  });

  it("opens now and closes now by the organizer's buttons, closing after it opened", () => {
    const closed = { opensAt: at("2026-12-01T00:00:00Z"), closesAt: at("2026-12-05T00:00:00Z") };
    expect(instrumentState(switchedWindow(closed, "open", now), now)).toBe("open");
    // Closing keeps when it opened; opening what is open changes nothing.
    const open = { opensAt: at("2026-12-09T00:00:00Z"), closesAt: at("2026-12-20T00:00:00Z") };
    expect(switchedWindow(open, "close", now)).toEqual({ opensAt: open.opensAt, closesAt: now });
    expect(switchedWindow(open, "open", now)).toBe(open);
    // Any window the database allows: none, open from a time, or open between two.
    const windows = fc.oneof(
      fc.constant({ opensAt: null, closesAt: null }),
      fc
        .tuple(fc.date({ noInvalidDate: true }), fc.option(fc.integer({ min: 1, max: 1e11 })))
        .map(([opensAt, length]) => ({
          opensAt,
          closesAt: length === null ? null : new Date(opensAt.getTime() + length),
        })),
    );
    fc.assert(
      fc.property(windows, fc.constantFrom("open" as const, "close" as const), (window, to) => {
        const after = switchedWindow(window, to, now);
        expect(instrumentState(after, now)).toBe(to === "open" ? "open" : "closed");
        if (after.closesAt) expect(after.opensAt !== null && after.opensAt < after.closesAt).toBe(true);
      }),
    );
  });
});

describe("a test's score", () => {
  it("earns a question's points only for exactly its correct options", () => {
    expect(scoreResponse(key, { q1: ["a"], q2: ["b", "c"], q3: ["d"] })).toEqual({ points: 4, max: 4 });
    expect(scoreResponse(key, { q1: ["a"], q2: ["b"], q3: [] })).toEqual({ points: 1, max: 4 });
    expect(scoreResponse(key, { q2: ["c", "b", "x"] })).toEqual({ points: 0, max: 4 });
    expect(scoreResponse(key, {})).toEqual({ points: 0, max: 4 });
    expect(scorePercent({ points: 1, max: 4 })).toBe(25);
    expect(scorePercent({ points: 0, max: 0 })).toBeNull();
  });

  it("is never below 0 nor above its maximum, whatever is chosen", () => {
    const options = fc.array(fc.constantFrom("a", "b", "c", "d", "x"), { maxLength: 5 });
    fc.assert(
      fc.property(fc.record({ q1: options, q2: options, q3: options }, { requiredKeys: [] }), (chosen) => {
        const score = scoreResponse(key, chosen);
        expect(score.max).toBe(4);
        expect(score.points).toBeGreaterThanOrEqual(0);
        expect(score.points).toBeLessThanOrEqual(score.max);
      }),
    );
  });

  it("improves by at least the threshold", () => {
    expect(improved({ points: 2, max: 5 }, { points: 3, max: 5 }, 1)).toBe(true);
    expect(improved({ points: 2, max: 5 }, { points: 2, max: 5 }, 1)).toBe(false);
    expect(improved({ points: 2, max: 5 }, { points: 3, max: 5 }, 2)).toBe(false);
  });
});

function person(overrides: Partial<OutcomeParticipant>): OutcomeParticipant {
  return {
    category: "GOVERNMENT",
    gender: "FEMALE",
    attended: true,
    pre: null,
    post: null,
    rating: null,
    gaveFeedback: false,
    ...overrides,
  };
}

describe("an event's outcomes", () => {
  const people = [
    person({ pre: { points: 1, max: 5 }, post: { points: 4, max: 5 }, rating: 5, gaveFeedback: true }),
    person({ pre: { points: 3, max: 5 }, post: { points: 3, max: 5 }, rating: 3, gaveFeedback: true }),
    person({
      gender: "MALE",
      category: "CIVIL_SOCIETY",
      pre: { points: 2, max: 5 },
      post: { points: 5, max: 5 },
    }),
    person({ gender: "MALE", pre: { points: 2, max: 5 } }),
    // Registered and answered, never attended: not counted anywhere.
    person({ attended: false, pre: { points: 0, max: 5 }, post: { points: 5, max: 5 }, rating: 5 }),
  ];

  it("counts only those who attended: rates, averages, gain, improved and satisfied", () => {
    const all = groupOutcome(people, 1);
    expect(all.participants).toBe(4);
    expect(all.preAnswered).toEqual({ count: 4, of: 4, percent: 100 });
    expect(all.postAnswered).toEqual({ count: 3, of: 4, percent: 75 });
    expect(all.feedbackAnswered).toEqual({ count: 2, of: 4, percent: 50 });
    expect(all.averagePre).toBe(40);
    expect(all.averagePost).toBeCloseTo(80);
    expect(all.averageGain).toBeCloseTo(2);
    expect(all.improved).toEqual({ count: 2, of: 3, percent: (100 * 2) / 3 });
    expect(all.satisfied).toEqual({ count: 1, of: 2, percent: 50 });
  });

  it("as logframe indicators: the same figures, by sex, and an anonymous survey's satisfaction for all only", () => {
    const outcomes = eventOutcomes(people, 1);
    const named = logframeIndicators(outcomes, null);
    const improvedRow = named.find((indicator) => indicator.id === "improved");
    expect(improvedRow?.all).toEqual({ value: (100 * 2) / 3, count: 2, of: 3 });
    expect(improvedRow?.byGender?.FEMALE).toEqual({ value: 50, count: 1, of: 2 });
    expect(improvedRow?.byGender?.UNDISCLOSED).toEqual({ value: null });
    expect(named.find((indicator) => indicator.id === "participants")?.byGender?.MALE).toEqual({ value: 2 });
    const anonymous = logframeIndicators(outcomes, [5, 4, 2]).find(
      (indicator) => indicator.id === "satisfied",
    );
    expect(anonymous).toEqual({
      id: "satisfied",
      all: { value: (100 * 2) / 3, count: 2, of: 3 },
      byGender: null,
    });
  });

  it("as the PDF's charts draw them: gains and ratings of those counted", () => {
    // Gains 3, 0 and 3 points; the one who never came (+5) is not drawn.
    expect(gainDistribution(people)).toEqual([
      { gain: 0, count: 1 },
      { gain: 3, count: 2 },
    ]);
    expect(countedRatings(people, null)).toEqual([5, 3]);
    expect(countedRatings(people, [1, 4])).toEqual([1, 4]);
    expect(ratingDistribution([5, 3, 5, 1])).toEqual([1, 0, 1, 0, 2]);
  });

  it("by sector, by gender and sector × gender, with the same counts as the whole", () => {
    const outcomes = eventOutcomes(people, 1);
    expect(outcomes.byGender.FEMALE?.improved).toEqual({ count: 1, of: 2, percent: 50 });
    expect(outcomes.byGender.MALE?.improved).toEqual({ count: 1, of: 1, percent: 100 });
    expect(outcomes.bySector.CIVIL_SOCIETY?.participants).toBe(1);
    expect(outcomes.bySectorGender["GOVERNMENT:MALE"]?.improved.of).toBe(0);
    expect(outcomes.bySectorGender["GOVERNMENT:MALE"]?.improved.percent).toBeNull();
  });

  it("adds up: the groups of any split hold every counted participant and every improvement once", () => {
    const score = fc.option(fc.integer({ min: 0, max: 5 }).map((points) => ({ points, max: 5 })));
    const arbitrary = fc.record({
      category: fc.constantFrom("GOVERNMENT" as const, "LOCAL_GOVERNMENT" as const, "CIVIL_SOCIETY" as const),
      gender: fc.constantFrom("FEMALE" as const, "MALE" as const, "UNDISCLOSED" as const),
      attended: fc.boolean(),
      pre: score,
      post: score,
      rating: fc.option(fc.integer({ min: 1, max: 5 })),
      gaveFeedback: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(arbitrary, { maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        (group, threshold) => {
          const outcomes = eventOutcomes(group, threshold);
          for (const split of [outcomes.bySector, outcomes.byGender, outcomes.bySectorGender]) {
            const parts = Object.values(split);
            expect(parts.reduce((sum, part) => sum + (part?.participants ?? 0), 0)).toBe(
              outcomes.all.participants,
            );
            expect(parts.reduce((sum, part) => sum + (part?.improved.count ?? 0), 0)).toBe(
              outcomes.all.improved.count,
            );
          }
        },
      ),
    );
  });

  it("tells an anonymous survey's share satisfied from its ratings alone", () => {
    expect(satisfaction([5, 4, 2, 3])).toEqual({ count: 2, of: 4, percent: 50 });
    expect(satisfaction([])).toEqual({ count: 0, of: 0, percent: null });
  });
});
