"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { doorStore } from "@/lib/check-in/door-store";
import {
  type DoorEvent,
  type DoorState,
  doorReducer,
  initialDoorState,
  nextBatch,
  undoableMarks,
} from "@/lib/check-in/door-sync";
import type { OperationResult, Roster } from "@/lib/check-in/schema";

// The door's connection to the server and to the phone's storage: it feeds
// the state machine of lib/check-in/door-sync.ts with what happens (a tap,
// an answer, the network coming and going, the clock) and keeps its queue
// on the phone, so that the page itself only draws.

const REFRESH_MS = 30_000;
// On a weak connection a request may hang for minutes: give up and try again later.
const REQUEST_TIMEOUT_MS = 15_000;

export function useDoorSync({
  eventId,
  staffId,
  keepUntil,
}: {
  eventId: string;
  staffId: string;
  keepUntil: string;
}) {
  const [state, setState] = useState<DoorState>(initialDoorState);
  // The sync loop reads the queue as it is now, not as the last render saw it.
  const current = useRef(state);
  const syncing = useRef(false);
  const [now, setNow] = useState(() => Date.now());

  const dispatch = useCallback(
    (event: DoorEvent) => {
      const previous = current.current;
      const next = doorReducer(previous, event);
      current.current = next;
      // Written at once, so that a reload right after a tap finds the mark.
      if (next.loaded && next.queue !== previous.queue) doorStore.saveQueue(eventId, next.queue);
      if (next.loaded && next.recent !== previous.recent) doorStore.saveRecent(eventId, next.recent);
      setState(next);
    },
    [eventId],
  );

  // The names leave the phone's storage with the session; the list on
  // screen and the marks waiting to be sent stay until the person signs in.
  const sessionEnded = useCallback(() => {
    doorStore.forgetNames();
    dispatch({ type: "sessionEnded" });
  }, [dispatch]);

  /** The server's list; false when the session is over. */
  const refresh = useCallback(async (): Promise<boolean> => {
    const response = await fetch(`/api/admin/check-in?eventId=${eventId}`, {
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.status === 401) {
      sessionEnded();
      return false;
    }
    if (!response.ok) throw new Error(`roster: ${response.status}`);
    const roster = (await response.json()) as Roster;
    doorStore.saveRoster(eventId, roster);
    dispatch({ type: "refreshed", roster });
    // A page left open overnight finds that the day has begun.
    setNow(Date.now());
    return true;
  }, [dispatch, eventId, sessionEnded]);

  const sync = useCallback(async () => {
    if (syncing.current) return;
    if (!navigator.onLine) return dispatch({ type: "connection", online: false });
    syncing.current = true;
    // A mark or undo queued while the last request was out (its sync() call
    // found this one running) is sent at once, not at the next refresh.
    let queuedMeanwhile = false;
    try {
      for (let batch = nextBatch(current.current); batch.length > 0; batch = nextBatch(current.current)) {
        dispatch({ type: "sending", batch });
        const response = await fetch("/api/admin/check-in", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ eventId, operations: batch }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (response.status === 401) return sessionEnded();
        if (response.status === 400) dispatch({ type: "rejected", batch });
        else if (!response.ok) throw new Error(`check-in: ${response.status}`);
        else {
          const { results } = (await response.json()) as { results: OperationResult[] };
          dispatch({ type: "answered", batch, results });
        }
      }
      if (!(await refresh())) return;
      queuedMeanwhile = current.current.queue.length > 0;
    } catch {
      dispatch({ type: "failed" });
    } finally {
      syncing.current = false;
    }
    if (queuedMeanwhile) void sync();
  }, [dispatch, eventId, refresh, sessionEnded]);

  // What the phone kept, first; then the server's list when it answers.
  useEffect(() => {
    doorStore.open({ staffId, eventId, keepUntil });
    dispatch({
      type: "opened",
      roster: doorStore.roster(eventId),
      queue: doorStore.queue(eventId),
      recent: doorStore.recent(eventId),
      online: navigator.onLine,
      now: Date.now(),
    });
    void sync();
    const goOnline = () => {
      dispatch({ type: "connection", online: true });
      void sync();
    };
    const goOffline = () => dispatch({ type: "connection", online: false });
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    const timer = setInterval(() => void sync(), REFRESH_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      clearInterval(timer);
    };
  }, [dispatch, eventId, keepUntil, staffId, sync]);

  // The undo buttons last a minute: look at the clock while one is shown.
  const recentCount = state.recent.length;
  useEffect(() => {
    if (recentCount === 0) return;
    const timer = setInterval(() => {
      const time = Date.now();
      setNow(time);
      dispatch({ type: "tick", now: time });
    }, 1000);
    return () => clearInterval(timer);
  }, [recentCount, dispatch]);

  const mark = useCallback(
    ({
      registrationId,
      eventDayId,
      admit,
    }: {
      registrationId: string;
      eventDayId: string;
      admit: boolean;
    }) => {
      const markedAt = new Date();
      dispatch({
        type: "marked",
        operation: {
          kind: "mark",
          clientMarkId: crypto.randomUUID(),
          registrationId,
          eventDayId,
          markedAt: markedAt.toISOString(),
          admit,
        },
      });
      setNow(markedAt.getTime());
      void sync();
    },
    [dispatch, sync],
  );

  const undo = useCallback(
    (clientMarkId: string) => {
      dispatch({ type: "undoTapped", clientMarkId, requestedAt: new Date().toISOString() });
      void sync();
    },
    [dispatch, sync],
  );

  const scannedNotACode = useCallback(() => dispatch({ type: "scannedNotACode" }), [dispatch]);

  return {
    state,
    now,
    undoable: (dayId: string) => undoableMarks(state, { dayId, now }),
    mark,
    undo,
    scannedNotACode,
  };
}
