import { zonedParts } from "@/lib/events/rules";
import { foldForSearch, lowerCase } from "@/lib/registrations/search";

// Pure decisions of the door, shared by the phone and the server.

/** How long after a mark its undo is accepted. */
export const UNDO_WINDOW_MS = 60_000;

/** An offline phone's clock is trusted this far back, no further. */
export const MAX_MARK_AGE_MS = 48 * 3_600_000;

/** The day the door opens on: today in the event's zone, else the first one to come, else the last. */
export function defaultDay<T extends { id: string; startsAt: Date; endsAt: Date }>(
  days: T[],
  { timeZone, now }: { timeZone: string; now: Date },
): T | undefined {
  const today = zonedParts(now, timeZone).date;
  return (
    days.find((day) => zonedParts(day.startsAt, timeZone).date === today) ??
    days.find((day) => day.endsAt > now) ??
    days.at(-1)
  );
}

/** The time a mark is recorded with: the phone's, unless it is in the future or implausibly old. */
export function markTime(claimed: Date, now: Date): Date {
  if (claimed > now) return now;
  if (now.getTime() - claimed.getTime() > MAX_MARK_AGE_MS) return now;
  return claimed;
}

/** Whether an undo tapped at `requestedAt` still falls within the window of a mark made at `markedAt`. */
export function undoAllowed({
  markedAt,
  requestedAt,
  now,
}: {
  markedAt: Date;
  requestedAt: Date;
  now: Date;
}) {
  const at = requestedAt > now ? now : requestedAt;
  return at.getTime() - markedAt.getTime() <= UNDO_WINDOW_MS;
}

/** A typed or scanned check-in code as stored: upper case, without spaces or dashes. */
export function normalizeCode(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, "");
}

// Cyrillic (Russian and Kyrgyz) letters as they are usually written in Latin,
// for a name typed on a phone with a Latin keyboard.
const LATIN: Record<string, string> = {
  а: "a",
  б: "b",
  в: "v",
  г: "g",
  д: "d",
  е: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  к: "k",
  л: "l",
  м: "m",
  н: "n",
  ң: "ng",
  о: "o",
  ө: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ү: "u",
  ф: "f",
  х: "kh",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "sch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

/** A folded text in Latin letters, with the spellings that vary most made alike (Жылдыз: Zhyldyz, Jyldyz). */
function looseLatin(folded: string): string {
  return [...folded]
    .map((letter) => LATIN[letter] ?? letter)
    .join("")
    .replaceAll("kh", "h")
    .replaceAll("j", "zh")
    .replaceAll("y", "i");
}

/** Whether every word of the query is part of the name, in any order and case, with Kyrgyz letters typed as Russian ones, or in Latin letters. */
export function nameMatches(name: string, query: string): boolean {
  const folded = foldForSearch(name);
  const words = foldForSearch(query).split(" ").filter(Boolean);
  if (words.length === 0) return false;
  if (words.every((word) => folded.includes(word))) return true;
  // In Latin letters ң is "ng": transliterate the name as written, not folded.
  const latin = looseLatin(lowerCase(name));
  return words.every((word) => /^[a-z'-]+$/.test(word) && latin.includes(looseLatin(word)));
}

export type DoorMark = {
  markedAt: string;
  markedBy: string | null;
  clientMarkId: string | null;
  pending: boolean;
};

/**
 * Who is present on a day as the phone sees it: the server's marks, then the
 * operations still waiting, in the order they were made. A waiting mark for
 * someone already marked changes nothing: the server will keep the first.
 */
export function marksOfDay(
  serverMarks: {
    registrationId: string;
    eventDayId: string;
    markedAt: string;
    markedBy: string | null;
    clientMarkId: string | null;
  }[],
  waiting: (
    | { kind: "mark"; clientMarkId: string; registrationId: string; eventDayId: string; markedAt: string }
    | { kind: "undo"; clientMarkId: string }
  )[],
  eventDayId: string,
): Map<string, DoorMark> {
  const marks = new Map<string, DoorMark>();
  for (const mark of serverMarks) {
    if (mark.eventDayId === eventDayId) marks.set(mark.registrationId, { ...mark, pending: false });
  }
  for (const operation of waiting) {
    if (operation.kind === "mark") {
      if (operation.eventDayId === eventDayId && !marks.has(operation.registrationId)) {
        marks.set(operation.registrationId, {
          markedAt: operation.markedAt,
          markedBy: null,
          clientMarkId: operation.clientMarkId,
          pending: true,
        });
      }
    } else {
      for (const [registrationId, mark] of marks) {
        if (mark.clientMarkId === operation.clientMarkId) marks.delete(registrationId);
      }
    }
  }
  return marks;
}
