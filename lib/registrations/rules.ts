import type { ParticipantCategory } from "@/lib/generated/prisma/enums";

// Pure seat arithmetic: the one home of the capacity rules, used by the
// allocation inside the locked transaction and by every page that shows seats.

export const participantCategories = [
  "GOVERNMENT",
  "LOCAL_GOVERNMENT",
  "CIVIL_SOCIETY",
  "OTHER",
] as const satisfies readonly ParticipantCategory[];

export type SeatPlan = {
  capacity: number;
  /** Seats reserved per category; a category absent here is limited by the total only. */
  quotas: Partial<Record<ParticipantCategory, number>>;
};

export type SeatsTaken = Record<ParticipantCategory, number>;

export type SeatsLeft = {
  total: number;
  byCategory: Record<ParticipantCategory, number>;
};

export function seatsLeft(plan: SeatPlan, taken: SeatsTaken): SeatsLeft {
  const takenTotal = participantCategories.reduce((sum, category) => sum + taken[category], 0);
  const total = Math.max(0, plan.capacity - takenTotal);
  const byCategory = Object.fromEntries(
    participantCategories.map((category) => {
      const quota = plan.quotas[category];
      const left = quota === undefined ? total : Math.min(total, quota - taken[category]);
      return [category, Math.max(0, left)];
    }),
  ) as Record<ParticipantCategory, number>;
  return { total, byCategory };
}
