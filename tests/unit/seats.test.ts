import { describe, expect, it } from "vitest";
import { type SeatsTaken, seatsLeft } from "@/lib/registrations/rules";

const none: SeatsTaken = { GOVERNMENT: 0, LOCAL_GOVERNMENT: 0, CIVIL_SOCIETY: 0, OTHER: 0 };
const demoPlan = {
  capacity: 40,
  quotas: { GOVERNMENT: 15, LOCAL_GOVERNMENT: 12, CIVIL_SOCIETY: 10, OTHER: 3 },
};

describe("seatsLeft", () => {
  it("offers every reserved seat of an empty event", () => {
    expect(seatsLeft(demoPlan, none)).toEqual({
      total: 40,
      byCategory: { GOVERNMENT: 15, LOCAL_GOVERNMENT: 12, CIVIL_SOCIETY: 10, OTHER: 3 },
    });
  });

  it("closes a category whose reserved seats are taken, not the others", () => {
    const left = seatsLeft(demoPlan, { ...none, OTHER: 3, GOVERNMENT: 5 });
    expect(left.total).toBe(32);
    expect(left.byCategory).toEqual({ GOVERNMENT: 10, LOCAL_GOVERNMENT: 12, CIVIL_SOCIETY: 10, OTHER: 0 });
  });

  it("limits a category without reserved seats by the total only", () => {
    const plan = { capacity: 10, quotas: { GOVERNMENT: 4 } };
    const left = seatsLeft(plan, { ...none, GOVERNMENT: 4, CIVIL_SOCIETY: 5 });
    expect(left).toEqual({
      total: 1,
      byCategory: { GOVERNMENT: 0, LOCAL_GOVERNMENT: 1, CIVIL_SOCIETY: 1, OTHER: 1 },
    });
  });

  it("never reports negative seats after the capacity was lowered", () => {
    const left = seatsLeft({ capacity: 2, quotas: { OTHER: 1 } }, { ...none, OTHER: 2, GOVERNMENT: 3 });
    expect(left).toEqual({
      total: 0,
      byCategory: { GOVERNMENT: 0, LOCAL_GOVERNMENT: 0, CIVIL_SOCIETY: 0, OTHER: 0 },
    });
  });
});
