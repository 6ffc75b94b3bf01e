import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  BATCH_SIZE,
  type DoorEvent,
  type DoorState,
  doorReducer,
  initialDoorState,
  nextBatch,
  undoableMarks,
} from "@/lib/check-in/door-sync";
import { marksOfDay } from "@/lib/check-in/rules";
import type { MarkOperation, Roster, RosterMark } from "@/lib/check-in/schema";

// The door phone's queue and sync, event by event, as the page's hook feeds
// them: taps, requests going out, the server's answers, the network.

const DAY = randomUUID();
const T0 = Date.parse("2026-12-24T04:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString();

const aigul = randomUUID();
const bermet = randomUUID();

function roster(marks: RosterMark[] = []): Roster {
  return {
    fetchedAt: iso(T0),
    participants: [aigul, bermet].map((id, index) => ({
      id,
      lastName: "Эшимова",
      firstName: index === 0 ? "Айгүл" : "Бермет",
      patronymic: null,
      organization: "Айыл өкмөтү",
      code: index === 0 ? "ABCDE23" : "FGHJK45",
      status: "CONFIRMED",
    })),
    marks,
  };
}

const markOf = (registrationId: string, at = T0): MarkOperation => ({
  kind: "mark",
  clientMarkId: randomUUID(),
  registrationId,
  eventDayId: DAY,
  markedAt: iso(at),
  admit: false,
});

const play = (state: DoorState, ...events: DoorEvent[]) => events.reduce(doorReducer, state);

const opened = (online = true) =>
  play(initialDoorState(), {
    type: "opened",
    roster: roster(),
    queue: [],
    recent: [],
    online,
    now: T0,
  });

/** Who the phone shows as present on the day, and whether each is still waiting to be sent. */
const shown = (state: DoorState) =>
  Object.fromEntries(
    [...marksOfDay(state.roster?.marks ?? [], state.queue, DAY)].map(([id, mark]) => [id, mark.pending]),
  );

describe("the door's queue and sync", () => {
  it("sends a mark queued while a request is out right after it, and keeps it through that answer", () => {
    const first = markOf(aigul);
    const second = markOf(bermet, T0 + 2_000);
    let state = play(opened(), { type: "marked", operation: first });
    const batch = nextBatch(state);
    expect(batch).toEqual([first]);
    state = play(state, { type: "sending", batch }, { type: "marked", operation: second });
    // The second is not in the request that is out, and waits.
    expect(state.queue).toEqual([first, second]);

    state = play(state, {
      type: "answered",
      batch,
      results: [{ clientMarkId: first.clientMarkId, status: "recorded" }],
    });
    expect(state.queue).toEqual([second]);
    expect(state.inFlight).toEqual([]);
    expect(nextBatch(state)).toEqual([second]);
    expect(shown(state)).toEqual({ [bermet]: true });
    // Both can still be undone from this phone.
    expect(undoableMarks(state, { dayId: DAY, now: T0 + 5_000 }).map((m) => m.registrationId)).toEqual([
      aigul,
      bermet,
    ]);
    expect(state.notices.map((notice) => notice.kind)).toEqual(["marked", "marked"]);
  });

  it("takes back a mark whose request is out with an undo of its own, not by forgetting it", () => {
    const mark = markOf(aigul);
    let state = play(opened(), { type: "marked", operation: mark });
    const batch = nextBatch(state);
    state = play(
      state,
      { type: "sending", batch },
      { type: "undoTapped", clientMarkId: mark.clientMarkId, requestedAt: iso(T0 + 3_000) },
    );
    expect(state.queue).toEqual([
      mark,
      { kind: "undo", clientMarkId: mark.clientMarkId, requestedAt: iso(T0 + 3_000) },
    ]);
    expect(shown(state)).toEqual({});
    state = play(state, {
      type: "answered",
      batch,
      results: [{ clientMarkId: mark.clientMarkId, status: "recorded" }],
    });
    expect(nextBatch(state)).toEqual([
      { kind: "undo", clientMarkId: mark.clientMarkId, requestedAt: iso(T0 + 3_000) },
    ]);
  });

  it("forgets an undone mark made offline, and sends an undo for one accepted after the connection returned", () => {
    // Offline: the mark never left the phone, so undoing it leaves nothing to send.
    const offline = markOf(aigul);
    let state = play(
      opened(false),
      { type: "marked", operation: offline },
      { type: "undoTapped", clientMarkId: offline.clientMarkId, requestedAt: iso(T0 + 1_000) },
    );
    expect(state.queue).toEqual([]);
    expect(shown(state)).toEqual({});
    expect(undoableMarks(state, { dayId: DAY, now: T0 + 2_000 })).toEqual([]);

    // Marked offline again; the connection returns and the mark is accepted.
    const mark = markOf(aigul, T0 + 10_000);
    state = play(state, { type: "marked", operation: mark }, { type: "connection", online: true });
    const batch = nextBatch(state);
    state = play(
      state,
      { type: "sending", batch },
      { type: "answered", batch, results: [{ clientMarkId: mark.clientMarkId, status: "recorded" }] },
      {
        type: "refreshed",
        roster: roster([
          {
            registrationId: aigul,
            eventDayId: DAY,
            markedAt: mark.markedAt,
            markedBy: "Дежурный",
            clientMarkId: mark.clientMarkId,
          },
        ]),
      },
    );
    expect(state.online).toBe(true);
    expect(shown(state)).toEqual({ [aigul]: false });

    // Undone within the minute: an undo waits to be sent, and the phone shows her absent at once.
    const undo = { kind: "undo", clientMarkId: mark.clientMarkId, requestedAt: iso(T0 + 30_000) } as const;
    state = play(state, {
      type: "undoTapped",
      clientMarkId: mark.clientMarkId,
      requestedAt: undo.requestedAt,
    });
    expect(state.queue).toEqual([undo]);
    expect(shown(state)).toEqual({});
    expect(undoableMarks(state, { dayId: DAY, now: T0 + 31_000 })).toEqual([]);
    state = play(
      state,
      { type: "sending", batch: [undo] },
      { type: "answered", batch: [undo], results: [{ clientMarkId: mark.clientMarkId, status: "undone" }] },
    );
    expect(state.queue).toEqual([]);
    expect(state.notices.map((notice) => notice.kind)).toEqual(["marked", "marked"]);
  });

  it("tells whose mark was kept when a second phone marked the same person first, and offers no undo", () => {
    const mine = markOf(aigul, T0 + 60_000 * 5);
    let state = play(opened(false), { type: "marked", operation: mine });
    // Before the answer, the phone shows its own mark, waiting.
    expect(shown(state)).toEqual({ [aigul]: true });
    const othersMark = {
      registrationId: aigul,
      eventDayId: DAY,
      markedAt: iso(T0),
      markedBy: "Второй телефон",
      clientMarkId: randomUUID(),
    };
    // The list, refreshed in between, already holds the other phone's mark: it is the one shown.
    state = play(
      state,
      { type: "connection", online: true },
      { type: "refreshed", roster: roster([othersMark]) },
    );
    expect(shown(state)).toEqual({ [aigul]: false });

    const batch = nextBatch(state);
    state = play(
      state,
      { type: "sending", batch },
      {
        type: "answered",
        batch,
        results: [
          {
            clientMarkId: mine.clientMarkId,
            status: "already_present",
            markedAt: iso(T0),
            markedBy: "Второй телефон",
          },
        ],
      },
    );
    expect(state.queue).toEqual([]);
    expect(state.notices[0]).toMatchObject({
      kind: "alreadyPresent",
      registrationId: aigul,
      markedAt: iso(T0),
      markedBy: "Второй телефон",
    });
    expect(undoableMarks(state, { dayId: DAY, now: Date.parse(mine.markedAt) + 1_000 })).toEqual([]);
    expect(shown(state)).toEqual({ [aigul]: false });
  });

  it("says why the server refused a mark, drops it from the queue and from the undo list", () => {
    const early = markOf(aigul);
    const unconfirmed = markOf(bermet);
    let state = play(
      opened(),
      { type: "marked", operation: early },
      { type: "marked", operation: unconfirmed },
    );
    const batch = nextBatch(state);
    state = play(
      state,
      { type: "sending", batch },
      {
        type: "answered",
        batch,
        results: [
          { clientMarkId: early.clientMarkId, status: "not_begun" },
          { clientMarkId: unconfirmed.clientMarkId, status: "not_confirmed" },
        ],
      },
    );
    expect(state.queue).toEqual([]);
    expect(shown(state)).toEqual({});
    expect(undoableMarks(state, { dayId: DAY, now: T0 + 1_000 })).toEqual([]);
    // The newest first, three at most.
    expect(state.notices).toEqual([
      expect.objectContaining({ kind: "refused", status: "not_confirmed", registrationId: bermet }),
      expect.objectContaining({ kind: "refused", status: "not_begun", registrationId: aigul }),
      expect.objectContaining({ kind: "marked", registrationId: bermet }),
    ]);
  });

  it("keeps a batch that got no answer, and drops one the server could not read", () => {
    const mark = markOf(aigul);
    let state = play(opened(), { type: "marked", operation: mark });
    const batch = nextBatch(state);
    state = play(state, { type: "sending", batch }, { type: "failed" });
    expect(state).toMatchObject({ queue: [mark], inFlight: [], online: false });
    // A session that ended keeps the queue too, to send after signing in.
    state = play(state, { type: "sending", batch }, { type: "sessionEnded" });
    expect(state).toMatchObject({ queue: [mark], inFlight: [], signedOut: true });

    state = play(state, { type: "sending", batch }, { type: "rejected", batch });
    expect(state.queue).toEqual([]);
    expect(state.notices[0]?.kind).toBe("invalid");
  });

  it("sends at most one batch's worth at a time, oldest first", () => {
    const marks = Array.from({ length: BATCH_SIZE + 5 }, () => markOf(aigul));
    const state = marks.reduce(
      (current, operation) => doorReducer(current, { type: "marked", operation }),
      opened(),
    );
    expect(nextBatch(state)).toEqual(marks.slice(0, BATCH_SIZE));
  });

  it("lets undo buttons expire after the minute, and drops expired ones kept on the phone", () => {
    const mark = markOf(aigul);
    let state = play(opened(), { type: "marked", operation: mark });
    expect(undoableMarks(state, { dayId: DAY, now: T0 + 59_000 })).toHaveLength(1);
    expect(undoableMarks(state, { dayId: DAY, now: T0 + 60_000 })).toEqual([]);
    expect(undoableMarks(state, { dayId: randomUUID(), now: T0 })).toEqual([]);
    state = play(state, { type: "tick", now: T0 + 61_000 });
    expect(state.recent).toEqual([]);

    const reopened = play(initialDoorState(), {
      type: "opened",
      roster: null,
      queue: [mark],
      recent: [{ ...mark }, { ...markOf(bermet, T0 - 120_000) }],
      online: false,
      now: T0 + 1_000,
    });
    expect(reopened.recent.map((m) => m.registrationId)).toEqual([aigul]);
  });
});
