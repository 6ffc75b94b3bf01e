"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { QrScanner } from "@/components/check-in/qr-scanner";
import { useDoorSync } from "@/components/check-in/use-door-sync";
import { useOfflineShell } from "@/components/check-in/use-offline-shell";
import { StaffLink } from "@/components/ui/staff-link";
import type { RecentMark } from "@/lib/check-in/door-store";
import type { DoorNotice } from "@/lib/check-in/door-sync";
import { type DoorMark, marksOfDay, nameMatches, normalizeCode, UNDO_WINDOW_MS } from "@/lib/check-in/rules";
import { CHECK_IN_CODE_PATTERN, type Roster, type RosterParticipant } from "@/lib/check-in/schema";
import { formatTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { fullName } from "@/lib/registrations/names";

// The door page, made for a phone held in one hand. It works from the copy
// of the event's list kept on the phone, so it goes on checking people in
// when the connection drops; marks wait on the phone and are sent when it
// returns (useDoorSync, lib/check-in/door-sync.ts). A service worker keeps
// the page itself, so a reload without a connection still opens it.

const SEARCH_LIMIT = 20;

type Props = {
  eventId: string;
  /** Whose door this is: the phone's copy of another account's door is removed. */
  staffId: string;
  /** The end of the event's last day, after which the phone keeps nothing of it. */
  keepUntil: string;
  timeZone: string;
  /** Each day, with the instant from which its attendance may be marked (lib/events/rules.ts). */
  days: { id: string; label: string; beginsAt: string }[];
  defaultDayId: string;
  canAdmit: boolean;
};

export function DoorCheckIn({ eventId, staffId, keepUntil, timeZone, days, defaultDayId, canAdmit }: Props) {
  const t = useTranslations("admin.checkIn");
  const locale = useLocale();
  const door = useDoorSync({ eventId, staffId, keepUntil });
  const { roster, queue, online, signedOut, notices } = door.state;
  const [dayId, setDayId] = useState(defaultDayId);
  const [code, setCode] = useState("");
  const [query, setQuery] = useState("");
  const [scanning, setScanning] = useState(false);

  useEffect(() => {
    const requested = new URLSearchParams(window.location.search).get("day");
    if (requested && days.some((day) => day.id === requested)) setDayId(requested);
  }, [days]);

  useOfflineShell();

  const time = (at: string) => formatTime(new Date(at), { locale: locale as Locale, timeZone });
  const day = days.find((candidate) => candidate.id === dayId) ?? days[0];
  // The phone's clock decides what is offered; the server decides again.
  const begun = !day || door.now >= Date.parse(day.beginsAt);
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
  const undoable = door.undoable(dayId);
  const nameOf = (registrationId: string | undefined) => nameInRoster(roster, registrationId);

  function mark(participant: RosterParticipant) {
    door.mark({
      registrationId: participant.id,
      eventDayId: dayId,
      admit: participant.status !== "CONFIRMED",
    });
    setCode("");
    setQuery("");
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
    else door.scannedNotACode();
  }

  function noticeText(notice: DoorNotice): string {
    switch (notice.kind) {
      case "marked":
        return t("marked", { name: nameOf(notice.registrationId) });
      case "alreadyPresent":
        return t("alreadyPresent", {
          name: nameOf(notice.registrationId),
          time: time(notice.markedAt),
          by: notice.markedBy ?? t("someone"),
        });
      case "refused":
        return t(`refused.${notice.status}`, { name: nameOf(notice.registrationId) });
      case "invalid":
        return t("refused.invalid");
      case "notACode":
        return t("notACode");
    }
  }

  const card = (participant: RosterParticipant) => (
    <ParticipantCard
      key={participant.id}
      participant={participant}
      mark={marks.get(participant.id)}
      canAdmit={canAdmit}
      undoable={undoable.find((m) => m.registrationId === participant.id)}
      begun={begun}
      time={time}
      onMark={() => mark(participant)}
      onUndo={door.undo}
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
        {!begun && day && (
          <p
            data-testid="day-not-begun"
            className="rounded-md border-2 border-stone-900 bg-stone-100 p-2 text-sm font-semibold"
          >
            {t("notBegun", { day: day.label })}
          </p>
        )}
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
                  {noticeText(notice)}
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

            <p className="text-xs text-stone-600">{t("updatedAt", { time: time(roster.fetchedAt) })}</p>
          </>
        )}

        {canAdmit && (
          <p className="flex flex-wrap gap-x-4 gap-y-2">
            <StaffLink
              href={`/admin/events/${eventId}/check-in/walk-in?day=${dayId}`}
              className="inline-flex min-h-12 items-center font-semibold text-brand-700 underline"
            >
              {t("walkIn")}
            </StaffLink>
            <StaffLink
              href={`/admin/events/${eventId}/attendance?day=${dayId}`}
              className="inline-flex min-h-12 items-center font-semibold text-brand-700 underline"
            >
              {t("attendance")}
            </StaffLink>
          </p>
        )}
      </div>

      {undoable.length > 0 && (
        <ul className="fixed inset-x-0 bottom-0 z-20 space-y-2 border-t-2 border-stone-900 bg-white p-3 sm:mx-auto sm:max-w-xl">
          {undoable.slice(-2).map((recentMark) => (
            <li key={recentMark.clientMarkId} className="flex items-center justify-between gap-3">
              <span className="min-w-0 truncate font-medium">
                {nameOf(recentMark.registrationId)} ·{" "}
                {Math.max(
                  0,
                  Math.ceil((UNDO_WINDOW_MS - (door.now - Date.parse(recentMark.markedAt))) / 1000),
                )}{" "}
                s
              </span>
              <button
                type="button"
                onClick={() => door.undo(recentMark.clientMarkId)}
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

function nameInRoster(roster: Roster | null, registrationId: string | undefined): string {
  const participant = roster?.participants.find((p) => p.id === registrationId);
  return participant ? fullName(participant) : "—";
}

function ParticipantCard({
  participant,
  mark,
  canAdmit,
  undoable,
  begun,
  time,
  onMark,
  onUndo,
}: {
  participant: RosterParticipant;
  mark: DoorMark | undefined;
  canAdmit: boolean;
  undoable: RecentMark | undefined;
  /** Whether the chosen day has begun: before, nobody is marked. */
  begun: boolean;
  /** A moment of the chosen day as the door shows it ("09:05"). */
  time: (at: string) => string;
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
            {t("present", { time: time(mark.markedAt) })} ·{" "}
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
      ) : !begun ? (
        <p className="font-semibold text-stone-800">{t("notBegunCard")}</p>
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
