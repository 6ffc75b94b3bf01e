import type { CheckInOperation, Roster } from "@/lib/check-in/schema";

// What a door phone keeps between reloads, offline included: the event's
// list and the operations not yet accepted by the server. localStorage is
// enough for a few thousand names and, unlike IndexedDB, is read
// synchronously on the first render after a reload.

const rosterKey = (eventId: string) => `kattoo.door.${eventId}.roster`;
const queueKey = (eventId: string) => `kattoo.door.${eventId}.queue`;
const recentKey = (eventId: string) => `kattoo.door.${eventId}.recent`;

/** A mark made on this phone, remembered while it can still be undone. */
export type RecentMark = {
  clientMarkId: string;
  registrationId: string;
  eventDayId: string;
  markedAt: string;
};

function read<T>(key: string, fallback: T): T {
  try {
    const stored = window.localStorage.getItem(key);
    return stored === null ? fallback : (JSON.parse(stored) as T);
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown) {
  window.localStorage.setItem(key, JSON.stringify(value));
}

export const doorStore = {
  roster: (eventId: string) => read<Roster | null>(rosterKey(eventId), null),
  saveRoster: (eventId: string, roster: Roster) => write(rosterKey(eventId), roster),
  queue: (eventId: string) => read<CheckInOperation[]>(queueKey(eventId), []),
  saveQueue: (eventId: string, queue: CheckInOperation[]) => write(queueKey(eventId), queue),
  recent: (eventId: string) => read<RecentMark[]>(recentKey(eventId), []),
  saveRecent: (eventId: string, recent: RecentMark[]) => write(recentKey(eventId), recent),
};

/** The key that tells operations apart: one mark and at most one undo per client mark id. */
export function operationKey(operation: CheckInOperation): string {
  return `${operation.kind}:${operation.clientMarkId}`;
}
