import type { ParticipantCategory, RegistrationStatus } from "@/lib/generated/prisma/enums";

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

export type AllocatedStatus = "CONFIRMED" | "WAITLISTED" | "PENDING";

/**
 * The status a new registration enters. Pending review takes no seat: the
 * seat is decided when an organizer approves it.
 */
export function allocateSeat({
  plan,
  taken,
  category,
  requiresApproval,
}: {
  plan: SeatPlan;
  taken: SeatsTaken;
  category: ParticipantCategory;
  requiresApproval: boolean;
}): AllocatedStatus {
  if (requiresApproval) return "PENDING";
  return seatsLeft(plan, taken).byCategory[category] > 0 ? "CONFIRMED" : "WAITLISTED";
}

/**
 * The waiting registrations to confirm now, first come first served: each,
 * in arrival order, takes a seat if its category still has one.
 */
export function choosePromotions<T extends { category: ParticipantCategory }>({
  plan,
  taken,
  waiting,
}: {
  plan: SeatPlan;
  taken: SeatsTaken;
  /** In arrival order. */
  waiting: readonly T[];
}): T[] {
  const occupied = { ...taken };
  const promoted: T[] = [];
  for (const registration of waiting) {
    const left = seatsLeft(plan, occupied);
    if (left.total === 0) break;
    if (left.byCategory[registration.category] === 0) continue;
    occupied[registration.category] += 1;
    promoted.push(registration);
  }
  return promoted;
}

/** The statuses a participant can still cancel from. */
export const ACTIVE_STATUSES = ["PENDING", "CONFIRMED", "WAITLISTED"] as const;

/** The changes of status organizers may make. A cancellation is final. */
const TRANSITIONS: Record<RegistrationStatus, readonly RegistrationStatus[]> = {
  PENDING: ["CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"],
  WAITLISTED: ["CONFIRMED", "DECLINED", "CANCELLED"],
  CONFIRMED: ["WAITLISTED", "DECLINED", "CANCELLED"],
  DECLINED: ["CONFIRMED", "WAITLISTED"],
  CANCELLED: [],
};

export function canChangeStatus(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses an organizer may move a registration to from `from`: the buttons its page offers. */
export function statusChangesFrom(from: RegistrationStatus): readonly RegistrationStatus[] {
  return TRANSITIONS[from];
}
