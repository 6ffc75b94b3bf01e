import { describe, expect, it } from "vitest";
import {
  budgetFigures,
  nightsOf,
  type Rates,
  type RegisterPerson,
  registerAmounts,
  registerTotals,
  somsInWords,
  travelAsked,
} from "@/lib/travel/rules";
import { travelSchema } from "@/lib/travel/schema";

describe("the amount in Russian words", () => {
  it.each([
    [0, "ноль сомов"],
    [1, "один сом"],
    [2, "два сома"],
    [5, "пять сомов"],
    [11, "одиннадцать сомов"],
    [21, "двадцать один сом"],
    [101, "сто один сом"],
    [1_000, "одна тысяча сомов"],
    [1_001, "одна тысяча один сом"],
    [2_000, "две тысячи сомов"],
    [21_500, "двадцать одна тысяча пятьсот сомов"],
    [112_342, "сто двенадцать тысяч триста сорок два сома"],
    [1_000_000, "один миллион сомов"],
    [2_005_014, "два миллиона пять тысяч четырнадцать сомов"],
  ])("%i → %s", (amount, words) => {
    expect(somsInWords(amount)).toBe(words);
  });

  it("refuses what is not a whole number of soms", () => {
    expect(() => somsInWords(-1)).toThrow(RangeError);
    expect(() => somsInWords(1.5)).toThrow(RangeError);
  });
});

const days = ["day-1", "day-2", "day-3"];
const rates: Rates = {
  perDiem: { GOVERNMENT: 1500, CIVIL_SOCIETY: 1200 },
  compensation: "CEILING",
  ceilings: { NARYN: 2000 },
};
const person = (overrides: Partial<RegisterPerson> = {}): RegisterPerson => ({
  category: "GOVERNMENT",
  fromRegion: "NARYN",
  farePaid: 2500,
  perDiemDays: null,
  attended: ["day-1", "day-2"],
  ...overrides,
});

describe("the per-diem and travel register", () => {
  it("pays the days attended at the sector's rate and the trip up to its region's ceiling", () => {
    expect(registerAmounts({ person: person(), rates, days, dayId: null })).toEqual({
      days: 2,
      perDiem: 3000,
      travel: 2000,
      total: 5000,
    });
  });

  it("pays the fare paid by receipt, and as paid from a region without a ceiling", () => {
    const byReceipt = { ...rates, compensation: "RECEIPT" as const };
    expect(registerAmounts({ person: person(), rates: byReceipt, days, dayId: null })?.travel).toBe(2500);
    expect(registerAmounts({ person: person({ fromRegion: "OSH" }), rates, days, dayId: null })?.travel).toBe(
      2500,
    );
  });

  it("leaves out whoever attended none of its days", () => {
    expect(registerAmounts({ person: person({ attended: [] }), rates, days, dayId: null })).toBeNull();
    expect(registerAmounts({ person: person(), rates, days, dayId: "day-3" })).toBeNull();
  });

  it("holds the days paid to the organizer's limit", () => {
    const limited = person({ perDiemDays: 1, attended: days });
    expect(registerAmounts({ person: limited, rates, days, dayId: null })?.days).toBe(1);
    expect(registerAmounts({ person: limited, rates, days, dayId: "day-2" })).toEqual({
      days: 0,
      perDiem: 0,
      travel: 0,
      total: 0,
    });
  });

  it("pays the trip on the first day attended, so the days' registers add up to the event's", () => {
    const late = person({ attended: ["day-2", "day-3"], category: "CIVIL_SOCIETY" });
    const byDay = days.flatMap((dayId) => registerAmounts({ person: late, rates, days, dayId }) ?? []);
    expect(byDay.map((row) => row.travel)).toEqual([2000, 0]);
    expect(registerTotals(byDay)).toEqual(registerAmounts({ person: late, rates, days, dayId: null }));
  });

  it("counts a sector without a rate as nothing per day", () => {
    expect(
      registerAmounts({ person: person({ category: "OTHER" }), rates, days, dayId: null })?.perDiem,
    ).toBe(0);
  });
});

describe("travel dates", () => {
  const asked = travelAsked({
    firstDay: "2026-12-24",
    lastDay: "2026-12-25",
    timeZone: "Asia/Bishkek",
    passport: false,
  });
  const schema = travelSchema({ asked, regionCodes: ["NARYN", "OSH"] });
  const travel = {
    fromSettlement: "Нарын",
    fromRegion: "NARYN",
    arrivesAt: "2026-12-23T18:00",
    departsAt: "2026-12-26T10:00",
    transport: "MINIBUS",
    nights: ["2026-12-24", "2026-12-23"],
  };

  it("lies within the event's days and one day either side", () => {
    expect(asked).toMatchObject({ from: "2026-12-23", to: "2026-12-26" });
    expect(nightsOf(asked)).toEqual(["2026-12-23", "2026-12-24", "2026-12-25"]);
    expect(schema.parse(travel)).toMatchObject({ nights: ["2026-12-23", "2026-12-24"] });
  });

  it("refuses dates outside it, a departure before the arrival and a passport not asked", () => {
    const refused = (input: object) =>
      schema
        .safeParse({ ...travel, ...input })
        .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(refused({ arrivesAt: "2026-12-22T23:00" })).toContainEqual(["arrivesAt", "tooEarly"]);
    expect(refused({ departsAt: "2026-12-27T08:00" })).toContainEqual(["departsAt", "tooLate"]);
    expect(refused({ nights: ["2026-12-27"] })).toContainEqual(["nights.0", "tooLate"]);
    expect(refused({ departsAt: "2026-12-23T17:00" })).toContainEqual(["departsAt", "tooEarly"]);
    expect(refused({ arrivesAt: "2026-02-31T10:00" })).toContainEqual(["arrivesAt", "invalidDate"]);
    expect(refused({ passportNumber: "AN1234567" })).toContainEqual(["passportNumber", "notAsked"]);
  });

  it("is nothing when left empty, and refused when the event does not ask it", () => {
    const empty = {
      fromSettlement: "",
      fromRegion: "",
      arrivesAt: "",
      departsAt: "",
      transport: "",
      nights: [],
    };
    expect(schema.parse(empty)).toBeUndefined();
    const notAsked = travelSchema({ asked: null, regionCodes: ["NARYN"] });
    expect(notAsked.parse(empty)).toBeUndefined();
    expect(notAsked.safeParse(travel).error?.issues[0]?.message).toBe("notAsked");
  });
});

describe("the budget report's figures", () => {
  const paid = (days: number, perDiem: number, travel: number) => ({
    days,
    perDiem,
    travel,
    total: perDiem + travel,
  });
  const budget = budgetFigures([
    { category: "GOVERNMENT", gender: "FEMALE", nights: 2, paid: paid(2, 3000, 2000) },
    { category: "GOVERNMENT", gender: "MALE", nights: 0, paid: paid(1, 1500, 0) },
    { category: "CIVIL_SOCIETY", gender: "FEMALE", nights: 1, paid: null },
  ]);

  it("adds every person to all, their sector, their gender and their sector and gender", () => {
    expect(budget.all).toEqual({
      people: 3,
      nights: 3,
      trips: 1,
      days: 3,
      perDiem: 4500,
      travel: 2000,
      total: 6500,
    });
    expect(budget.bySector.get("GOVERNMENT")).toMatchObject({ people: 2, nights: 2, total: 6500 });
    expect(budget.byGender.get("FEMALE")).toMatchObject({ people: 2, nights: 3, trips: 1, total: 5000 });
    expect(budget.bySectorGender.get("CIVIL_SOCIETY:FEMALE")).toEqual({
      people: 1,
      nights: 1,
      trips: 0,
      days: 0,
      perDiem: 0,
      travel: 0,
      total: 0,
    });
  });

  it("counts a trip only where travel was paid, and leaves out groups nobody is in", () => {
    expect(budget.bySectorGender.get("GOVERNMENT:MALE")?.trips).toBe(0);
    expect(budget.bySector.has("OTHER")).toBe(false);
  });
});
