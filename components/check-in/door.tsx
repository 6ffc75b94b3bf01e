"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { hasNativeQrDetector, QrScanner } from "@/components/check-in/qr-scanner";
import { doorStore, operationKey, type RecentMark } from "@/lib/check-in/door-store";
import { type DoorMark, marksOfDay, nameMatches, normalizeCode, UNDO_WINDOW_MS } from "@/lib/check-in/rules";
import {
  CHECK_IN_CODE_PATTERN,
  type CheckInOperation,
  type OperationResult,
  type Roster,
  type RosterParticipant,
} from "@/lib/check-in/schema";
import { fullName } from "@/lib/registrations/names";

// The door page, made for a phone held in one hand. It works from the copy
// of the event's list kept on the phone, so it goes on checking people in
// when the connection drops; marks wait on the phone and are sent when it
// returns (lib/check-in/door-store.ts). A service worker keeps the page
// itself, so a reload without a connection still opens it.

const SERVICE_WORKER = "/door-sw.js";
// Also named in public/door-sw.js.
const SHELL_CACHE = "kattoo-door-v1";
const BATCH_SIZE = 50;
const REFRESH_MS = 30_000;
const SEARCH_LIMIT = 20;
// On a weak connection a request may hang for minutes: give up and try again later.
const REQUEST_TIMEOUT_MS = 15_000;

type Props = {
  eventId: string;
  /** Whose door this is: the phone's copy of another account's door is removed. */
  staffId: string;
  /** The end of the event's last day, after which the phone keeps nothing of it. */
  keepUntil: string;
  timeZone: string;
  days: { id: string; label: string }[];
  defaultDayId: string;
  canAdmit: boolean;
  walkInNotice?: string;
};

export function DoorCheckIn({
  eventId,
  staffId,
  keepUntil,
  timeZone,
  days,
  defaultDayId,
  canAdmit,
  walkInNotice,
}: Props) {
  const t = useTranslations("admin.checkIn");
  const locale = useLocale();
  const [dayId, setDayId] = useState(defaultDayId);
  const [roster, setRoster] = useState<Roster | null>(null);
  const [queue, setQueue] = useState<CheckInOperation[]>([]);
  const [recent, setRecent] = useState<RecentMark[]>([]);
  const [online, setOnline] = useState(true);
  const [signedOut, setSignedOut] = useState(false);
  const [notices, setNotices] = useState<{ id: number; text: string }[]>(
    walkInNotice ? [{ id: 0, text: walkInNotice }] : [],
  );
  const [now, setNow] = useState(() => Date.now());
  const [code, setCode] = useState("");
  const [query, setQuery] = useState("");
  const [scanning, setScanning] = useState(false);
  const queueRef = useRef<CheckInOperation[]>([]);
  const inFlight = useRef(new Set<string>());
  const syncing = useRef(false);
  const rosterRef = useRef<Roster | null>(null);

  const time = useMemo(
    () => new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone }),
    [locale, timeZone],
  );
  const noticeCount = useRef(1);
  const notify = useCallback(
    (text: string) => setNotices((list) => [{ id: noticeCount.current++, text }, ...list].slice(0, 3)),
    [],
  );

  const updateQueue = useCallback(
    (change: (queue: CheckInOperation[]) => CheckInOperation[]) => {
      queueRef.current = change(queueRef.current);
      doorStore.saveQueue(eventId, queueRef.current);
      setQueue(queueRef.current);
    },
    [eventId],
  );
  const updateRecent = useCallback(
    (change: (recent: RecentMark[]) => RecentMark[]) => {
      const fresh = change(doorStore.recent(eventId)).filter(
        (mark) => Date.now() - Date.parse(mark.markedAt) < UNDO_WINDOW_MS,
      );
      doorStore.saveRecent(eventId, fresh);
      setRecent(fresh);
    },
    [eventId],
  );

  const nameOf = useCallback((registrationId: string) => {
    const participant = rosterRef.current?.participants.find((p) => p.id === registrationId);
    return participant ? fullName(participant) : "—";
  }, []);

  // The names leave the phone's storage with the session; the list on
  // screen and the marks waiting to be sent stay until the person signs in.
  const signedOutNow = useCallback(() => {
    doorStore.forgetNames();
    setSignedOut(true);
  }, []);

  const refresh = useCallback(async () => {
    const response = await fetch(`/api/admin/check-in?eventId=${eventId}`, {
      cache: "no-store",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.status === 401) return signedOutNow();
    if (!response.ok) throw new Error(`roster: ${response.status}`);
    const fresh = (await response.json()) as Roster;
    doorStore.saveRoster(eventId, fresh);
    rosterRef.current = fresh;
    setRoster(fresh);
    setOnline(true);
    setSignedOut(false);
  }, [eventId, signedOutNow]);

  /** Tells the person at the door what became of marks the server did not simply record. */
  const report = useCallback(
    (results: OperationResult[], batch: CheckInOperation[]) => {
      for (const result of results) {
        const operation = batch.find((op) => op.clientMarkId === result.clientMarkId);
        if (!operation || result.status === "recorded" || result.status === "undone") continue;
        const registrationId =
          operation.kind === "mark"
            ? operation.registrationId
            : rosterRef.current?.marks.find((mark) => mark.clientMarkId === operation.clientMarkId)
                ?.registrationId;
        const name = registrationId ? nameOf(registrationId) : "—";
        if (result.status === "already_present") {
          notify(
            t("alreadyPresent", {
              name,
              time: time.format(new Date(result.markedAt)),
              by: result.markedBy ?? t("someone"),
            }),
          );
          updateRecent((list) => list.filter((mark) => mark.clientMarkId !== result.clientMarkId));
        } else {
          notify(t(`refused.${result.status}`, { name }));
        }
      }
    },
    [nameOf, notify, t, time, updateRecent],
  );

  const sync = useCallback(async () => {
    if (syncing.current) return;
    if (!navigator.onLine) return setOnline(false);
    syncing.current = true;
    // A mark or undo queued while the last request was out (its sync() call
    // found this one running) is sent at once, not at the next refresh.
    let queuedMeanwhile = false;
    try {
      for (;;) {
        const batch = queueRef.current.slice(0, BATCH_SIZE);
        if (batch.length === 0) break;
        for (const operation of batch) inFlight.current.add(operationKey(operation));
        const response = await fetch("/api/admin/check-in", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ eventId, operations: batch }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (response.status === 401) return signedOutNow();
        if (response.status === 400) notify(t("refused.invalid"));
        else if (!response.ok) throw new Error(`check-in: ${response.status}`);
        else report(((await response.json()) as { results: OperationResult[] }).results, batch);
        const sent = new Set(batch.map(operationKey));
        updateQueue((list) => list.filter((operation) => !sent.has(operationKey(operation))));
        inFlight.current.clear();
      }
      await refresh();
      queuedMeanwhile = queueRef.current.length > 0;
    } catch {
      setOnline(false);
    } finally {
      inFlight.current.clear();
      syncing.current = false;
    }
    if (queuedMeanwhile) void sync();
  }, [eventId, notify, refresh, report, signedOutNow, t, updateQueue]);

  // What the phone kept, first; then the server's list when it answers.
  useEffect(() => {
    const requested = new URLSearchParams(window.location.search).get("day");
    if (requested && days.some((day) => day.id === requested)) setDayId(requested);
    doorStore.open({ staffId, eventId, keepUntil });
    rosterRef.current = doorStore.roster(eventId);
    setRoster(rosterRef.current);
    queueRef.current = doorStore.queue(eventId);
    setQueue(queueRef.current);
    updateRecent((list) => list);
    setOnline(navigator.onLine);
    void sync();
    const goOnline = () => {
      setOnline(true);
      void sync();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener("online", goOnline);
    window.addEventListener("offline", goOffline);
    const timer = setInterval(() => void sync(), REFRESH_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      window.removeEventListener("offline", goOffline);
      clearInterval(timer);
    };
  }, [days, eventId, keepUntil, staffId, sync, updateRecent]);

  useOfflineShell();

  // The undo buttons last a minute: look at the clock while one is shown.
  useEffect(() => {
    if (recent.length === 0) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      updateRecent((list) => list);
    }, 1000);
    return () => clearInterval(timer);
  }, [recent.length, updateRecent]);

  const marks = useMemo(() => marksOfDay(roster?.marks ?? [], queue, dayId), [roster, queue, dayId]);
  const confirmed = roster?.participants.filter((p) => p.status === "CONFIRMED").length ?? 0;
  const normalizedCode = normalizeCode(code);
  const byCode =
    normalizedCode.length === 7 ? roster?.participants.find((p) => p.code === normalizedCode) : undefined;
  const found = useMemo(
    () =>
      query.trim().length >= 2
        ? (roster?.participants.filter((p) => nameMatches(fullName(p), query)) ?? [])
        : [],
    [roster, query],
  );
  const undoable = recent.filter(
    (mark) => mark.eventDayId === dayId && now - Date.parse(mark.markedAt) < UNDO_WINDOW_MS,
  );

  function mark(participant: RosterParticipant) {
    const operation: CheckInOperation = {
      kind: "mark",
      clientMarkId: crypto.randomUUID(),
      registrationId: participant.id,
      eventDayId: dayId,
      markedAt: new Date().toISOString(),
      admit: participant.status !== "CONFIRMED",
    };
    updateQueue((list) => [...list, operation]);
    updateRecent((list) => [...list, operation]);
    notify(t("marked", { name: fullName(participant) }));
    setCode("");
    setQuery("");
    setNow(Date.now());
    void sync();
  }

  function undo(clientMarkId: string) {
    const key = `mark:${clientMarkId}`;
    // A mark the server has not seen is simply forgotten; one it has, or may have, is taken back.
    if (queueRef.current.some((op) => operationKey(op) === key) && !inFlight.current.has(key)) {
      updateQueue((list) => list.filter((op) => operationKey(op) !== key));
    } else {
      updateQueue((list) => [...list, { kind: "undo", clientMarkId, requestedAt: new Date().toISOString() }]);
    }
    updateRecent((list) => list.filter((mark) => mark.clientMarkId !== clientMarkId));
    void sync();
  }

  function chooseDay(id: string) {
    setDayId(id);
    const url = new URL(window.location.href);
    url.searchParams.set("day", id);
    window.history.replaceState(null, "", url);
  }

  function onScanned(text: string) {
    const scanned = normalizeCode(text);
    setScanning(false);
    if (CHECK_IN_CODE_PATTERN.test(scanned)) setCode(scanned);
    else notify(t("notACode"));
  }

  const card = (participant: RosterParticipant) => (
    <ParticipantCard
      key={participant.id}
      participant={participant}
      mark={marks.get(participant.id)}
      canAdmit={canAdmit}
      undoable={undoable.find((m) => m.registrationId === participant.id)}
      time={time}
      onMark={() => mark(participant)}
      onUndo={undo}
    />
  );

  return (
    <div className="-mx-4 -my-6 min-h-[calc(100vh-4rem)] bg-white pb-40 text-stone-950 sm:mx-auto sm:max-w-xl">
      <div className="sticky top-0 z-10 space-y-2 border-b-2 border-stone-900 bg-white px-4 py-3">
        <div className="flex items-center justify-between gap-3">
          <label className="flex min-w-0 flex-1 flex-col text-sm font-medium">
            {t("day")}
            <select
              value={dayId}
              onChange={(event) => chooseDay(event.target.value)}
              className="mt-1 min-h-12 w-full rounded-lg border-2 border-stone-800 bg-white px-2 text-base font-semibold"
            >
              {days.map((day) => (
                <option key={day.id} value={day.id}>
                  {day.label}
                </option>
              ))}
            </select>
          </label>
          <p className="shrink-0 text-right" data-testid="door-count">
            <span className="block text-3xl font-bold tabular-nums">
              <span data-testid="present-count">{marks.size}</span> / {confirmed}
            </span>
            <span className="block text-xs font-medium text-stone-700">{t("count")}</span>
          </p>
        </div>
        <p
          role="status"
          data-testid="connection"
          className={`rounded-md px-3 py-2 text-sm font-semibold ${
            online ? "bg-emerald-50 text-emerald-900" : "bg-amber-300 text-stone-950"
          }`}
        >
          {online ? t("online") : t("offline")} ·{" "}
          <span data-testid="waiting">
            {queue.length > 0 ? t("waiting", { count: queue.length }) : t("allSent")}
          </span>
        </p>
        {signedOut && (
          <p
            role="alert"
            className="rounded-md border-2 border-red-700 bg-red-50 p-2 text-sm font-medium text-red-900"
          >
            {t("signedOut")}{" "}
            <a href="/admin/sign-in" className="underline">
              {t("signIn")}
            </a>
          </p>
        )}
      </div>

      <div className="space-y-4 px-4 pt-4">
        {/* Always there, so that screen readers announce what appears in it. */}
        <div role="status" data-testid="notices">
          {notices.length > 0 && (
            <ul className="space-y-1">
              {notices.map((notice) => (
                <li key={notice.id} className="rounded-md bg-stone-100 px-3 py-2 text-sm">
                  {notice.text}
                </li>
              ))}
            </ul>
          )}
        </div>

        {!roster ? (
          <p className="rounded-lg border-2 border-amber-500 bg-amber-50 p-3">{t("noList")}</p>
        ) : (
          <>
            {scanning ? (
              <QrScanner onText={onScanned} onClose={() => setScanning(false)} />
            ) : (
              <button
                type="button"
                onClick={() => setScanning(true)}
                className="min-h-14 w-full rounded-lg bg-stone-900 px-4 text-lg font-semibold text-white"
              >
                {t("scan")}
              </button>
            )}

            <div className="space-y-1">
              <label htmlFor="door-code" className="block font-semibold">
                {t("code")}
              </label>
              <input
                id="door-code"
                value={code}
                onChange={(event) => setCode(event.target.value)}
                maxLength={9}
                autoCapitalize="characters"
                autoComplete="off"
                autoCorrect="off"
                spellCheck={false}
                placeholder={t("codeHint")}
                className="block min-h-14 w-full rounded-lg border-2 border-stone-800 px-3 font-mono text-2xl uppercase tracking-widest placeholder:font-sans placeholder:text-base placeholder:normal-case placeholder:tracking-normal placeholder:text-stone-600"
              />
            </div>
            {normalizedCode.length === 7 &&
              (byCode ? card(byCode) : <p className="font-medium text-red-800">{t("codeNotFound")}</p>)}

            <div className="space-y-1">
              <label htmlFor="door-search" className="block font-semibold">
                {t("search")}
              </label>
              <input
                id="door-search"
                type="search"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                autoComplete="off"
                placeholder={t("searchHint")}
                className="block min-h-14 w-full rounded-lg border-2 border-stone-800 px-3 text-lg placeholder:text-base placeholder:text-stone-600"
              />
            </div>
            {query.trim().length >= 2 && (
              <ul className="space-y-3" aria-label={t("search")}>
                {found.length === 0 && <li>{t("noResults")}</li>}
                {found.slice(0, SEARCH_LIMIT).map((participant) => (
                  <li key={participant.id}>{card(participant)}</li>
                ))}
                {found.length > SEARCH_LIMIT && <li>{t("more", { count: found.length - SEARCH_LIMIT })}</li>}
              </ul>
            )}

            <p className="text-xs text-stone-600">
              {t("updatedAt", { time: time.format(new Date(roster.fetchedAt)) })}
            </p>
          </>
        )}

        {canAdmit && (
          <p className="flex flex-wrap gap-x-4 gap-y-2">
            <Link
              href={`/admin/events/${eventId}/check-in/walk-in?day=${dayId}`}
              className="inline-flex min-h-12 items-center font-semibold text-brand-700 underline"
            >
              {t("walkIn")}
            </Link>
            <Link
              href={`/admin/events/${eventId}/attendance?day=${dayId}`}
              className="inline-flex min-h-12 items-center font-semibold text-brand-700 underline"
            >
              {t("attendance")}
            </Link>
          </p>
        )}
      </div>

      {undoable.length > 0 && (
        <ul className="fixed inset-x-0 bottom-0 z-20 space-y-2 border-t-2 border-stone-900 bg-white p-3 sm:mx-auto sm:max-w-xl">
          {undoable.slice(-2).map((recentMark) => (
            <li key={recentMark.clientMarkId} className="flex items-center justify-between gap-3">
              <span className="min-w-0 truncate font-medium">
                {nameOf(recentMark.registrationId)} ·{" "}
                {Math.max(0, Math.ceil((UNDO_WINDOW_MS - (now - Date.parse(recentMark.markedAt))) / 1000))} s
              </span>
              <button
                type="button"
                onClick={() => undo(recentMark.clientMarkId)}
                aria-label={t("undoFor", { name: nameOf(recentMark.registrationId) })}
                className="min-h-12 shrink-0 rounded-lg border-2 border-stone-900 bg-white px-5 font-semibold"
              >
                {t("undo")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ParticipantCard({
  participant,
  mark,
  canAdmit,
  undoable,
  time,
  onMark,
  onUndo,
}: {
  participant: RosterParticipant;
  mark: DoorMark | undefined;
  canAdmit: boolean;
  undoable: RecentMark | undefined;
  time: Intl.DateTimeFormat;
  onMark: () => void;
  onUndo: (clientMarkId: string) => void;
}) {
  const t = useTranslations("admin.checkIn");
  const ts = useTranslations("admin.status");
  const notConfirmed = participant.status !== "CONFIRMED";
  const name = fullName(participant);
  const border = mark
    ? "border-emerald-700 bg-emerald-50"
    : notConfirmed
      ? "border-amber-600 bg-amber-50"
      : "border-stone-800";
  return (
    <article aria-label={name} className={`space-y-2 rounded-lg border-2 p-3 ${border}`}>
      <h2 className="text-lg font-bold leading-tight">{name}</h2>
      <p className="text-sm text-stone-800">{participant.organization}</p>
      {notConfirmed && (
        <p className="inline-block rounded bg-amber-700 px-2 py-0.5 text-sm font-bold text-white">
          {ts(participant.status)}
        </p>
      )}
      {mark ? (
        <>
          <p className="font-semibold text-emerald-900" data-testid="present">
            {t("present", { time: time.format(new Date(mark.markedAt)) })} ·{" "}
            {mark.pending
              ? t("pending")
              : mark.markedBy
                ? t("by", { name: mark.markedBy })
                : t("byThisPhone")}
          </p>
          {undoable && (
            <button
              type="button"
              onClick={() => onUndo(undoable.clientMarkId)}
              className="min-h-12 w-full rounded-lg border-2 border-stone-900 bg-white px-4 font-semibold"
            >
              {t("undo")}
            </button>
          )}
        </>
      ) : notConfirmed && !canAdmit ? (
        <p className="font-semibold text-amber-900">{t("onlyOrganizer")}</p>
      ) : (
        <button
          type="button"
          onClick={onMark}
          className={`min-h-14 w-full rounded-lg px-4 text-lg font-bold text-white ${
            notConfirmed ? "bg-amber-700" : "bg-emerald-700"
          }`}
        >
          {notConfirmed ? t("admit") : t("mark")}
        </button>
      )}
    </article>
  );
}

/**
 * Registers the service worker and puts this page and the files it loaded in
 * its cache, so that the page opens again without a connection. The first
 * visit is not yet served by the worker, so the page caches itself.
 */
function useOfflineShell() {
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    void (async () => {
      await navigator.serviceWorker.register(SERVICE_WORKER, { scope: "/admin/events/" });
      if (!navigator.onLine) return;
      // Where the camera needs jsQR, load it now so that scanning works offline too.
      if (!(await hasNativeQrDetector())) await import("jsqr");
      const assets = performance
        .getEntriesByType("resource")
        .map((entry) => new URL(entry.name))
        .filter((url) => url.origin === window.location.origin && url.pathname.startsWith("/_next/static/"))
        .map((url) => url.href);
      const cache = await caches.open(SHELL_CACHE);
      await Promise.all([
        cache.add(window.location.pathname),
        ...assets.map(async (asset) => (await cache.match(asset)) ?? cache.add(asset)),
      ]).catch(() => undefined);
    })();
  }, []);
}
