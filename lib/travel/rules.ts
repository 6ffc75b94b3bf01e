import type { Gender, ParticipantCategory } from "@/lib/generated/prisma/enums";
import { formatWeekdayDate } from "@/lib/i18n/dates";
import { type Locale, locales } from "@/lib/i18n/routing";
import type { TravelAsked } from "@/lib/travel/schema";

// The logistics' pure decisions (docs/decisions/042-logistics.md): the
// dates travel may name, and what the per-diem and travel register pays.

/** A calendar date ("2026-12-24") moved by whole days. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The dates travel may name: from the day before the event's first day to the day after its last. */
export function travelAsked({
  firstDay,
  lastDay,
  timeZone,
  passport,
}: {
  firstDay: string;
  lastDay: string;
  timeZone: string;
  passport: boolean;
}): TravelAsked {
  const window = { from: addDays(firstDay, -1), to: addDays(lastDay, 1) };
  const nights = nightsOf(window).map((date) => ({
    date,
    label: Object.fromEntries(
      locales.map((locale) => [
        locale,
        formatWeekdayDate(new Date(`${date}T12:00:00Z`), { locale, timeZone: "UTC" }),
      ]),
    ) as Record<Locale, string>,
  }));
  return { ...window, timeZone, passport, nights };
}

/** The nights a room may be needed: each date of the window but the last (nobody sleeps after leaving). */
export function nightsOf(asked: Pick<TravelAsked, "from" | "to">): string[] {
  const nights: string[] = [];
  for (let night = asked.from; night < asked.to; night = addDays(night, 1)) nights.push(night);
  return nights;
}

export type Rates = {
  perDiem: Partial<Record<ParticipantCategory, number>>;
  compensation: "RECEIPT" | "CEILING";
  /** Per region code: the most a trip from it is paid, where the event sets one. */
  ceilings: Readonly<Record<string, number>>;
};

export type RegisterPerson = {
  category: ParticipantCategory;
  /** The region travelled from; null without travel details. */
  fromRegion: string | null;
  farePaid: number | null;
  /** The organizer's limit on the days paid; null: every day attended. */
  perDiemDays: number | null;
  /** The event's days this person attended, by id. */
  attended: readonly string[];
};

export type RegisterAmounts = { days: number; perDiem: number; travel: number; total: number };

/** The travel paid for one trip: the fare paid, up to the region's ceiling where the event pays so. */
export function travelPaid(person: Pick<RegisterPerson, "fromRegion" | "farePaid">, rates: Rates): number {
  const fare = person.farePaid ?? 0;
  if (rates.compensation === "RECEIPT" || person.fromRegion === null) return fare;
  const ceiling = rates.ceilings[person.fromRegion];
  return ceiling === undefined ? fare : Math.min(fare, ceiling);
}

/**
 * What one person is paid in a register for the event (`dayId` null) or for
 * one of its days: the days attended in it, at most the organizer's limit,
 * at the sector's rate; the trip once, in the register of the event and in
 * the register of the first day attended, so the days' registers add up to
 * the event's. Null when the person attended none of the register's days:
 * only those who came are paid.
 */
export function registerAmounts({
  person,
  rates,
  days,
  dayId,
}: {
  person: RegisterPerson;
  rates: Rates;
  /** The event's days in order, by id. */
  days: readonly string[];
  dayId: string | null;
}): RegisterAmounts | null {
  const attended = days.filter((day) => person.attended.includes(day));
  if (attended.length === 0) return null;
  const limit = person.perDiemDays ?? attended.length;
  // The days paid are the first ones attended, up to the limit.
  const paid = attended.slice(0, limit);
  const counted = dayId === null ? paid.length : paid.includes(dayId) ? 1 : 0;
  const inRegister = dayId === null || attended.includes(dayId);
  if (!inRegister) return null;
  const perDiem = counted * (rates.perDiem[person.category] ?? 0);
  const travel = dayId === null || attended[0] === dayId ? travelPaid(person, rates) : 0;
  return { days: counted, perDiem, travel, total: perDiem + travel };
}

/** The sums of a register's rows (a page's, or the whole register's). */
export function registerTotals(rows: readonly RegisterAmounts[]): RegisterAmounts {
  return rows.reduce(
    (sum, row) => ({
      days: sum.days + row.days,
      perDiem: sum.perDiem + row.perDiem,
      travel: sum.travel + row.travel,
      total: sum.total + row.total,
    }),
    { days: 0, perDiem: 0, travel: 0, total: 0 },
  );
}

/** Soms as the register prints them: digits grouped by thousands with a plain space, "21 500". */
export const somsText = (amount: number) => new Intl.NumberFormat("ru-RU").format(amount).replace(/\s/g, " ");

// An amount in Russian words, for "Итого: … сом" at the register's foot.
// Сом is masculine (один сом, два сома, пять сомов); thousands are feminine
// (одна тысяча, две тысячи).

const UNITS_MASCULINE = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const UNITS_FEMININE = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
const TEENS = [
  "десять",
  "одиннадцать",
  "двенадцать",
  "тринадцать",
  "четырнадцать",
  "пятнадцать",
  "шестнадцать",
  "семнадцать",
  "восемнадцать",
  "девятнадцать",
];
const TENS = [
  "",
  "",
  "двадцать",
  "тридцать",
  "сорок",
  "пятьдесят",
  "шестьдесят",
  "семьдесят",
  "восемьдесят",
  "девяносто",
];
const HUNDREDS = [
  "",
  "сто",
  "двести",
  "триста",
  "четыреста",
  "пятьсот",
  "шестьсот",
  "семьсот",
  "восемьсот",
  "девятьсот",
];

/** The form of a noun after a number: [one, few, many] as in сом, сома, сомов. */
function plural(number: number, forms: readonly [string, string, string]): string {
  const lastTwo = number % 100;
  const last = number % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** 0–999 in words, in the gender of the noun after it. */
function triad(number: number, feminine: boolean): string[] {
  const units = feminine ? UNITS_FEMININE : UNITS_MASCULINE;
  const hundreds = Math.floor(number / 100);
  const rest = number % 100;
  const words = [HUNDREDS[hundreds] ?? ""];
  if (rest >= 10 && rest < 20) words.push(TEENS[rest - 10] ?? "");
  else words.push(TENS[Math.floor(rest / 10)] ?? "", units[rest % 10] ?? "");
  return words.filter(Boolean);
}

const SCALES: readonly { value: number; feminine: boolean; forms: readonly [string, string, string] }[] = [
  { value: 1_000_000_000, feminine: false, forms: ["миллиард", "миллиарда", "миллиардов"] },
  { value: 1_000_000, feminine: false, forms: ["миллион", "миллиона", "миллионов"] },
  { value: 1_000, feminine: true, forms: ["тысяча", "тысячи", "тысяч"] },
];

/** A whole number of soms in Russian words: 21 500 → "двадцать одна тысяча пятьсот сомов". */
export function somsInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0 || amount >= 1_000_000_000_000) {
    throw new RangeError(`not an amount of soms: ${amount}`);
  }
  if (amount === 0) return "ноль сомов";
  const words: string[] = [];
  let rest = amount;
  for (const scale of SCALES) {
    const count = Math.floor(rest / scale.value);
    rest %= scale.value;
    if (count > 0) words.push(...triad(count, scale.feminine), plural(count, scale.forms));
  }
  words.push(...triad(rest, false), plural(amount, ["сом", "сома", "сомов"]));
  return words.join(" ");
}

/** One confirmed participant in the budget's figures: the room nights booked, and what the event's register pays. */
export type BudgetPerson = {
  category: ParticipantCategory;
  gender: Gender;
  nights: number;
  /** Null when the person attended no day: nothing is paid. */
  paid: RegisterAmounts | null;
};

/** A group's figures for the budget report: nights, trips paid, per-diem days and soms. */
export type BudgetFigures = RegisterAmounts & { people: number; nights: number; trips: number };

const noBudget = (): BudgetFigures => ({
  people: 0,
  nights: 0,
  trips: 0,
  days: 0,
  perDiem: 0,
  travel: 0,
  total: 0,
});

/**
 * The budget report's figures: for all, by sector, by gender and by sector
 * and gender (keyed "CATEGORY:GENDER"). A trip is a travel paid; nights are
 * the room nights booked.
 */
export function budgetFigures(people: readonly BudgetPerson[]) {
  const all = noBudget();
  const bySector = new Map<ParticipantCategory, BudgetFigures>();
  const byGender = new Map<Gender, BudgetFigures>();
  const bySectorGender = new Map<`${ParticipantCategory}:${Gender}`, BudgetFigures>();
  const group = <K>(groups: Map<K, BudgetFigures>, key: K) => {
    const found = groups.get(key) ?? noBudget();
    groups.set(key, found);
    return found;
  };
  for (const person of people) {
    for (const figures of [
      all,
      group(bySector, person.category),
      group(byGender, person.gender),
      group(bySectorGender, `${person.category}:${person.gender}`),
    ]) {
      figures.people += 1;
      figures.nights += person.nights;
      if (person.paid) {
        if (person.paid.travel > 0) figures.trips += 1;
        figures.days += person.paid.days;
        figures.perDiem += person.paid.perDiem;
        figures.travel += person.paid.travel;
        figures.total += person.paid.total;
      }
    }
  }
  return { all, bySector, byGender, bySectorGender };
}

export type Budget = ReturnType<typeof budgetFigures>;
