import type { Gender, ParticipantCategory } from "@/lib/generated/prisma/enums";
import type { ScoringKey } from "@/lib/questions/schema";
import { genders } from "@/lib/registrations/schema";
import { foldForSearch } from "@/lib/registrations/search";

// Pure rules of the outcome instruments (docs/decisions/032-outcome-instruments.md):
// when an instrument is open, what a test's response scores, who improved,
// and the event's outcomes by sector and gender.

export type InstrumentWindow = { opensAt: Date | null; closesAt: Date | null };

export type InstrumentState = "not_open" | "open" | "closed";

/** Open from `opensAt` (none: not opened) until `closesAt` (none: until closed). */
export function instrumentState({ opensAt, closesAt }: InstrumentWindow, now: Date): InstrumentState {
  if (closesAt && closesAt <= now) return "closed";
  if (opensAt && opensAt <= now) return "open";
  return "not_open";
}

/**
 * The window after the organizer's button. "open" starts it now, keeping a
 * closing time still ahead; "close" ends it now, keeping when it opened (one
 * never opened is recorded as opened a moment before: a window closes after
 * it opens). Already so: unchanged.
 */
export function switchedWindow(window: InstrumentWindow, to: "open" | "close", now: Date): InstrumentWindow {
  const state = instrumentState(window, now);
  if (to === "open") {
    if (state === "open") return window;
    return { opensAt: now, closesAt: window.closesAt && window.closesAt > now ? window.closesAt : null };
  }
  if (state === "closed") return window;
  const opened = state === "open" && window.opensAt ? window.opensAt : new Date(now.getTime() - 1);
  return { opensAt: opened, closesAt: now };
}

/** A test's response as scored: points earned of the points it could earn. */
export type Score = { points: number; max: number };

/** The options chosen per question of a response (a question not answered: absent). */
export type Chosen = Readonly<Record<string, readonly string[]>>;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((item) => set.has(item));
}

/**
 * A response's score: a question earns its points when the options chosen
 * are exactly its correct ones (all of them for a multiple choice, nothing
 * else); a question not answered earns none.
 */
export function scoreResponse(key: ScoringKey, chosen: Chosen): Score {
  let points = 0;
  let max = 0;
  for (const [questionId, { points: worth, correct }] of Object.entries(key)) {
    max += worth;
    const given = chosen[questionId];
    if (given && given.length > 0 && sameSet(given, correct)) points += worth;
  }
  return { points, max };
}

/** A score as a share of its points, 0–100; null when nothing could be earned. */
export function scorePercent(score: Score): number | null {
  return score.max === 0 ? null : (100 * score.points) / score.max;
}

/** The points gained from pre to post (negative: lost). */
export function gain(pre: Score, post: Score): number {
  return post.points - pre.points;
}

/** Improved: the post-test scores at least `threshold` points more than the pre-test. */
export function improved(pre: Score, post: Score, threshold: number): boolean {
  return gain(pre, post) >= threshold;
}

/** On a 1–5 scale, satisfied is 4 or 5. */
export const SATISFIED_FROM = 4;

/** One registration as the outcomes count it. */
export type OutcomeParticipant = {
  category: ParticipantCategory;
  gender: Gender;
  /** Attended at least one day: only these are counted. */
  attended: boolean;
  pre: Score | null;
  post: Score | null;
  /** A named feedback's answer to the satisfaction question (anonymous ones are not tied to anyone). */
  rating: number | null;
  /** Answered the feedback survey (named or, by its ballot, anonymous). */
  gaveFeedback: boolean;
};

export type Rate = { count: number; of: number; percent: number | null };

function rate(count: number, of: number): Rate {
  return { count, of, percent: of === 0 ? null : (100 * count) / of };
}

function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** The outcomes of a group of participants who attended. */
export type GroupOutcome = {
  participants: number;
  preAnswered: Rate;
  postAnswered: Rate;
  feedbackAnswered: Rate;
  /** Average score, % of points. */
  averagePre: number | null;
  averagePost: number | null;
  /** Average gain in points, of those who answered both. */
  averageGain: number | null;
  /** Of those who answered both tests. */
  improved: Rate;
  /** Of the named ratings given. */
  satisfied: Rate;
};

/** A group's outcomes, counting only those who attended at least one day. */
export function groupOutcome(people: readonly OutcomeParticipant[], threshold: number): GroupOutcome {
  const attended = people.filter((person) => person.attended);
  const percents = (scores: (Score | null)[]) =>
    scores.flatMap((score) => {
      const percent = score ? scorePercent(score) : null;
      return percent === null ? [] : [percent];
    });
  const pairs = attended.flatMap((person) =>
    person.pre && person.post ? [{ pre: person.pre, post: person.post }] : [],
  );
  const ratings = attended.flatMap((person) => (person.rating === null ? [] : [person.rating]));
  const n = attended.length;
  return {
    participants: n,
    preAnswered: rate(attended.filter((person) => person.pre).length, n),
    postAnswered: rate(attended.filter((person) => person.post).length, n),
    feedbackAnswered: rate(attended.filter((person) => person.gaveFeedback).length, n),
    averagePre: average(percents(attended.map((person) => person.pre))),
    averagePost: average(percents(attended.map((person) => person.post))),
    averageGain: average(pairs.map(({ pre, post }) => gain(pre, post))),
    improved: rate(pairs.filter(({ pre, post }) => improved(pre, post, threshold)).length, pairs.length),
    satisfied: rate(ratings.filter((rating) => rating >= SATISFIED_FROM).length, ratings.length),
  };
}

/** The share satisfied among ratings not tied to anyone (an anonymous survey's). */
export function satisfaction(ratings: readonly number[]): Rate {
  return rate(ratings.filter((rating) => rating >= SATISFIED_FROM).length, ratings.length);
}

export type EventOutcomes = {
  all: GroupOutcome;
  bySector: Partial<Record<ParticipantCategory, GroupOutcome>>;
  byGender: Partial<Record<Gender, GroupOutcome>>;
  /** Keyed "<sector>:<gender>". */
  bySectorGender: Record<string, GroupOutcome>;
};

function groupBy<K extends string>(
  people: readonly OutcomeParticipant[],
  key: (person: OutcomeParticipant) => K,
) {
  const groups = new Map<K, OutcomeParticipant[]>();
  for (const person of people) groups.set(key(person), [...(groups.get(key(person)) ?? []), person]);
  return groups;
}

/** An event's outcomes, for all and by sector, by gender and by sector × gender (groups with someone in them). */
export function eventOutcomes(people: readonly OutcomeParticipant[], threshold: number): EventOutcomes {
  const of = <K extends string>(key: (person: OutcomeParticipant) => K) =>
    Object.fromEntries(
      [...groupBy(people, key)].map(([name, group]) => [name, groupOutcome(group, threshold)]),
    ) as Record<K, GroupOutcome>;
  return {
    all: groupOutcome(people, threshold),
    bySector: of((person) => person.category),
    byGender: of((person) => person.gender),
    bySectorGender: of((person) => `${person.category}:${person.gender}`),
  };
}

/** A logframe indicator's figure: a number, or a share with what it counts; null when there is nothing to count. */
export type IndicatorFigure = { value: number | null; count?: number; of?: number };

export const indicatorIds = [
  "participants",
  "preAnswered",
  "postAnswered",
  "averagePre",
  "averagePost",
  "averageGain",
  "improved",
  "feedbackAnswered",
  "satisfied",
] as const;

export type IndicatorId = (typeof indicatorIds)[number];

/** How an indicator's figure reads: people, a share of them (%), a score (% of points), points. */
export const indicatorUnits = {
  participants: "count",
  preAnswered: "rate",
  postAnswered: "rate",
  averagePre: "score",
  averagePost: "score",
  averageGain: "points",
  improved: "rate",
  feedbackAnswered: "rate",
  satisfied: "rate",
} as const satisfies Record<IndicatorId, "count" | "rate" | "score" | "points">;

export type Indicator = {
  id: IndicatorId;
  all: IndicatorFigure;
  /** By sex, as a logframe asks; null where the figure is tied to no one (an anonymous survey's ratings). */
  byGender: Record<Gender, IndicatorFigure> | null;
};

const rateFigure = (rate: Rate): IndicatorFigure => ({ value: rate.percent, count: rate.count, of: rate.of });

/**
 * The logframe's indicators in one table, for the whole event and by sex:
 * the figures of `groupOutcome`, nothing computed anew. With an anonymous
 * survey, "% satisfied" is its ballots' (`satisfaction`), not split by sex.
 */
export function logframeIndicators(
  outcomes: EventOutcomes,
  anonymousRatings: readonly number[] | null,
): Indicator[] {
  const figure = (id: IndicatorId, outcome: GroupOutcome | undefined): IndicatorFigure => {
    if (!outcome) return { value: null };
    switch (id) {
      case "participants":
        return { value: outcome.participants };
      case "averagePre":
      case "averagePost":
      case "averageGain":
        return { value: outcome[id] };
      default:
        return rateFigure(outcome[id]);
    }
  };
  return indicatorIds.map((id) => {
    if (id === "satisfied" && anonymousRatings)
      return { id, all: rateFigure(satisfaction(anonymousRatings)), byGender: null };
    return {
      id,
      all: figure(id, outcomes.all),
      byGender: Object.fromEntries(
        genders.map((gender) => [gender, figure(id, outcomes.byGender[gender])]),
      ) as Record<Gender, IndicatorFigure>,
    };
  });
}

/** How many of those who attended and answered both tests gained each number of points, fewest first. */
export function gainDistribution(people: readonly OutcomeParticipant[]): { gain: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const person of people) {
    if (!person.attended || !person.pre || !person.post) continue;
    const points = gain(person.pre, person.post);
    counts.set(points, (counts.get(points) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a - b).map(([points, count]) => ({ gain: points, count }));
}

/**
 * The ratings "% satisfied" counts: an anonymous survey's, all of them (tied
 * to no one); a named survey's, of those who attended — as `groupOutcome` does.
 */
export function countedRatings(
  people: readonly OutcomeParticipant[],
  anonymousRatings: readonly number[] | null,
): number[] {
  if (anonymousRatings) return [...anonymousRatings];
  return people.flatMap((person) => (person.attended && person.rating !== null ? [person.rating] : []));
}

/** How many ratings gave each point of the 1–5 scale: index 0 is 1. */
export function ratingDistribution(ratings: readonly number[]): number[] {
  return [1, 2, 3, 4, 5].map((point) => ratings.filter((rating) => Math.round(rating) === point).length);
}

/**
 * In the room, a registration is found by its check-in code and its last
 * name as the participant types it: the whole name, in any case, with
 * Kyrgyz letters typed as Russian ones (a part of it would be guessed).
 */
export function roomNameMatches(lastName: string, typed: string): boolean {
  const folded = foldForSearch(typed);
  return folded.length > 0 && foldForSearch(lastName) === folded;
}
