import type { RecentMark } from "@/lib/check-in/door-store";
import { UNDO_WINDOW_MS } from "@/lib/check-in/rules";
import type { CheckInOperation, MarkOperation, OperationResult, Roster } from "@/lib/check-in/schema";

// The door phone's queue and its exchanges with the server, as a pure state
// machine: what the phone holds (the list, the operations waiting, the marks
// it may still undo, what it tells the person at the door), and how each
// event changes it. The requests themselves, the clock and the phone's
// storage are the hook's (components/check-in/use-door-sync.ts); everything
// that decides is here, tested without a browser.

/** The key that tells operations apart: one mark and at most one undo per client mark id. */
export function operationKey(operation: Pick<CheckInOperation, "kind" | "clientMarkId">): string {
  return `${operation.kind}:${operation.clientMarkId}`;
}

/** At most this many operations in one request (the endpoint's limit). */
export const BATCH_SIZE = 50;
/** Notices shown at once, the newest first. */
const NOTICES_SHOWN = 3;

type RefusalStatus = Exclude<OperationResult["status"], "recorded" | "undone" | "already_present">;

/** What the door tells the person holding the phone; the page puts it in words. */
export type DoorNotice = { id: number } & (
  | { kind: "marked"; registrationId: string }
  | { kind: "alreadyPresent"; registrationId?: string; markedAt: string; markedBy: string | null }
  | { kind: "refused"; status: RefusalStatus; registrationId?: string }
  /** The server could not read a batch: it is dropped, since it would be refused again. */
  | { kind: "invalid" }
  | { kind: "notACode" }
);

type NoticeContent = DoorNotice extends infer N ? (N extends DoorNotice ? Omit<N, "id"> : never) : never;

export type DoorState = {
  /** False until the phone's storage has been read: nothing is written back before. */
  loaded: boolean;
  roster: Roster | null;
  /** Marks and undos not yet accepted by the server, in the order they were made. */
  queue: CheckInOperation[];
  /** Marks made on this phone, while they can be undone. */
  recent: RecentMark[];
  /** The keys of the operations in the request now out (operationKey). */
  inFlight: string[];
  online: boolean;
  signedOut: boolean;
  notices: DoorNotice[];
  nextNoticeId: number;
};

export type DoorEvent =
  /** What the phone kept, read when the page opens. */
  | {
      type: "opened";
      roster: Roster | null;
      queue: CheckInOperation[];
      recent: RecentMark[];
      online: boolean;
      now: number;
    }
  | { type: "marked"; operation: MarkOperation }
  | { type: "undoTapped"; clientMarkId: string; requestedAt: string }
  | { type: "sending"; batch: CheckInOperation[] }
  | { type: "answered"; batch: CheckInOperation[]; results: OperationResult[] }
  /** The server refused the batch as unreadable (400). */
  | { type: "rejected"; batch: CheckInOperation[] }
  /** No answer, or not one to act on: the batch waits for the next try. */
  | { type: "failed" }
  | { type: "refreshed"; roster: Roster }
  | { type: "sessionEnded" }
  | { type: "connection"; online: boolean }
  | { type: "tick"; now: number }
  | { type: "scannedNotACode" };

export function initialDoorState(): DoorState {
  return {
    loaded: false,
    roster: null,
    queue: [],
    recent: [],
    inFlight: [],
    online: true,
    signedOut: false,
    notices: [],
    nextNoticeId: 0,
  };
}

/** The operations to send next: the oldest waiting, in order. */
export function nextBatch(state: DoorState): CheckInOperation[] {
  return state.queue.slice(0, BATCH_SIZE);
}

/** The marks of a day that this phone may still undo. */
export function undoableMarks(
  state: DoorState,
  { dayId, now }: { dayId: string; now: number },
): RecentMark[] {
  return state.recent.filter((mark) => mark.eventDayId === dayId && withinUndoWindow(mark, now));
}

const withinUndoWindow = (mark: RecentMark, now: number) => now - Date.parse(mark.markedAt) < UNDO_WINDOW_MS;

function notify(state: DoorState, notices: NoticeContent[]): DoorState {
  if (notices.length === 0) return state;
  const numbered = notices.map(
    (notice, index) => ({ ...notice, id: state.nextNoticeId + index }) as DoorNotice,
  );
  return {
    ...state,
    notices: [...numbered.reverse(), ...state.notices].slice(0, NOTICES_SHOWN),
    nextNoticeId: state.nextNoticeId + notices.length,
  };
}

function withoutBatch(queue: CheckInOperation[], batch: CheckInOperation[]): CheckInOperation[] {
  const sent = new Set(batch.map(operationKey));
  return queue.filter((operation) => !sent.has(operationKey(operation)));
}

/** Who an operation is about: a mark names them; an undo, through the mark it takes back. */
function registrationOf(state: DoorState, operation: CheckInOperation): string | undefined {
  if (operation.kind === "mark") return operation.registrationId;
  return (
    state.recent.find((mark) => mark.clientMarkId === operation.clientMarkId)?.registrationId ??
    state.roster?.marks.find((mark) => mark.clientMarkId === operation.clientMarkId)?.registrationId
  );
}

/** What the server did not simply record: told to the person at the door; marks not kept leave the undo list. */
function applyResults(state: DoorState, batch: CheckInOperation[], results: OperationResult[]): DoorState {
  const notices: NoticeContent[] = [];
  const notKept = new Set<string>();
  for (const result of results) {
    const operation = batch.find((op) => op.clientMarkId === result.clientMarkId);
    if (!operation || result.status === "recorded" || result.status === "undone") continue;
    const registrationId = registrationOf(state, operation);
    if (result.status === "already_present") {
      // Another phone's mark is the one kept: this phone has nothing to undo.
      notices.push({
        kind: "alreadyPresent",
        registrationId,
        markedAt: result.markedAt,
        markedBy: result.markedBy,
      });
      notKept.add(result.clientMarkId);
    } else {
      notices.push({ kind: "refused", status: result.status, registrationId });
      if (operation.kind === "mark") notKept.add(result.clientMarkId);
    }
  }
  const recent =
    notKept.size > 0 ? state.recent.filter((mark) => !notKept.has(mark.clientMarkId)) : state.recent;
  return notify({ ...state, recent }, notices);
}

export function doorReducer(state: DoorState, event: DoorEvent): DoorState {
  switch (event.type) {
    case "opened":
      return {
        ...state,
        loaded: true,
        roster: event.roster,
        queue: event.queue,
        recent: event.recent.filter((mark) => withinUndoWindow(mark, event.now)),
        online: event.online,
      };
    case "marked": {
      const { operation } = event;
      const recent: RecentMark = {
        clientMarkId: operation.clientMarkId,
        registrationId: operation.registrationId,
        eventDayId: operation.eventDayId,
        markedAt: operation.markedAt,
      };
      return notify({ ...state, queue: [...state.queue, operation], recent: [...state.recent, recent] }, [
        { kind: "marked", registrationId: operation.registrationId },
      ]);
    }
    case "undoTapped": {
      const key = operationKey({ kind: "mark", clientMarkId: event.clientMarkId });
      // A mark the server has not seen is simply forgotten; one it has, or
      // may have (its request is out), is taken back by an undo of its own.
      const unsent = state.queue.some((op) => operationKey(op) === key) && !state.inFlight.includes(key);
      const queue = unsent
        ? state.queue.filter((op) => operationKey(op) !== key)
        : [
            ...state.queue,
            { kind: "undo" as const, clientMarkId: event.clientMarkId, requestedAt: event.requestedAt },
          ];
      return {
        ...state,
        queue,
        recent: state.recent.filter((mark) => mark.clientMarkId !== event.clientMarkId),
      };
    }
    case "sending":
      return { ...state, inFlight: event.batch.map(operationKey) };
    case "answered":
      return applyResults(
        { ...state, queue: withoutBatch(state.queue, event.batch), inFlight: [] },
        event.batch,
        event.results,
      );
    case "rejected":
      return notify({ ...state, queue: withoutBatch(state.queue, event.batch), inFlight: [] }, [
        { kind: "invalid" },
      ]);
    case "failed":
      return { ...state, inFlight: [], online: false };
    case "refreshed":
      return { ...state, roster: event.roster, online: true, signedOut: false };
    case "sessionEnded":
      return { ...state, inFlight: [], signedOut: true };
    case "connection":
      return { ...state, online: event.online };
    case "tick": {
      const recent = state.recent.filter((mark) => withinUndoWindow(mark, event.now));
      return recent.length === state.recent.length ? state : { ...state, recent };
    }
    case "scannedNotACode":
      return notify(state, [{ kind: "notACode" }]);
  }
}
