import type { CheckInOperation, Roster } from "@/lib/check-in/schema";

// What a door phone keeps between reloads, offline included: the event's
// list and the operations not yet accepted by the server. localStorage is
// enough for a few thousand names and, unlike IndexedDB, is read
// synchronously on the first render after a reload.
//
// The list is names on a phone that may be shared, lent or lost, so it is
// kept no longer than the door needs it: it is removed on sign-out (and when
// the server says the session is over), when another account opens the door
// on the phone, and after the event's last day. Marks not yet sent and the
// undo window carry no names (ids and times) and survive a sign-out, so the
// same account can send them after signing in again; another account's door
// discards them.

const PREFIX = "kattoo.door.";
const ownerKey = `${PREFIX}owner`;
const rosterKey = (eventId: string) => `${PREFIX}${eventId}.roster`;
const queueKey = (eventId: string) => `${PREFIX}${eventId}.queue`;
const recentKey = (eventId: string) => `${PREFIX}${eventId}.recent`;
const keepUntilKey = (eventId: string) => `${PREFIX}${eventId}.keepUntil`;

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

// Until the door opens the store for an account, nothing is written: a
// request still in flight when its page signed out cannot bring the list back.
let openFor: { eventId: string; keepUntil: number } | undefined;

function write(eventId: string, key: string, value: unknown) {
  if (openFor?.eventId !== eventId || Date.now() >= openFor.keepUntil) return;
  window.localStorage.setItem(key, JSON.stringify(value));
}

function doorKeys(): string[] {
  return Object.keys(window.localStorage).filter((key) => key.startsWith(PREFIX));
}

function removeEvent(eventId: string) {
  for (const key of [rosterKey, queueKey, recentKey, keepUntilKey])
    window.localStorage.removeItem(key(eventId));
}

/** Only what the door shows: a field added to the roster later is not kept on the phone by accident. */
function shownRoster(roster: Roster): Roster {
  return {
    fetchedAt: roster.fetchedAt,
    participants: roster.participants.map(
      ({ id, lastName, firstName, patronymic, organization, code, status }) => ({
        id,
        lastName,
        firstName,
        patronymic,
        organization,
        code,
        status,
      }),
    ),
    marks: roster.marks.map(({ registrationId, eventDayId, markedAt, markedBy, clientMarkId }) => ({
      registrationId,
      eventDayId,
      markedAt,
      markedBy,
      clientMarkId,
    })),
  };
}

export const doorStore = {
  /**
   * The door of `eventId`, opened by `staffId`: another account's door data
   * is removed, and so is every event's whose last day is over. `keepUntil`
   * is the end of this event's last day.
   */
  open({ staffId, eventId, keepUntil }: { staffId: string; eventId: string; keepUntil: string }) {
    if (read<string | null>(ownerKey, null) !== staffId) {
      for (const key of doorKeys()) window.localStorage.removeItem(key);
      window.localStorage.setItem(ownerKey, JSON.stringify(staffId));
    }
    for (const key of doorKeys()) {
      const ended = key.endsWith(".keepUntil") && Date.parse(read(key, "")) <= Date.now();
      if (ended) removeEvent(key.slice(PREFIX.length, -".keepUntil".length));
    }
    openFor = { eventId, keepUntil: Date.parse(keepUntil) };
    if (Date.now() >= openFor.keepUntil) removeEvent(eventId);
    else window.localStorage.setItem(keepUntilKey(eventId), JSON.stringify(keepUntil));
  },
  /** The server says the session is over: every event's list goes; marks go on being kept, to send after signing in. */
  forgetNames() {
    for (const key of doorKeys()) if (key.endsWith(".roster")) window.localStorage.removeItem(key);
  },
  /** Signing out, from any staff page: the lists go, and nothing more is written until a door opens again. */
  signOut() {
    openFor = undefined;
    doorStore.forgetNames();
  },
  roster: (eventId: string) => read<Roster | null>(rosterKey(eventId), null),
  saveRoster: (eventId: string, roster: Roster) => write(eventId, rosterKey(eventId), shownRoster(roster)),
  queue: (eventId: string) => read<CheckInOperation[]>(queueKey(eventId), []),
  saveQueue: (eventId: string, queue: CheckInOperation[]) => write(eventId, queueKey(eventId), queue),
  recent: (eventId: string) => read<RecentMark[]>(recentKey(eventId), []),
  saveRecent: (eventId: string, recent: RecentMark[]) => write(eventId, recentKey(eventId), recent),
};
