import { randomUUID } from "node:crypto";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSender } from "@/lib/emails/transport";
import { startOutboxWorker } from "@/lib/emails/worker";
import type { InstrumentKind } from "@/lib/generated/prisma/enums";
import { countAwaitingAnswer } from "@/lib/outcomes/data";
import {
  ensureInstrument,
  queueOpenedLetters,
  REMINDER_INTERVAL_MS,
  remindInstrument,
  switchInstrument,
} from "@/lib/outcomes/mutations";
import { createRegistration } from "@/lib/registrations/mutations";
import { beganAnHourAgo, createTestEvent, registrationInput } from "../support/factories";
import { insertParticipants, markPresent } from "../support/participants";
import { startTestSmtpServer, type TestSmtpServer } from "../support/smtp-server";

// The letters of the post-test and the feedback survey
// (docs/decisions/039-instrument-letters.md): "it is open", once per
// participant who attended, whether it opens by the button or by time, and
// the organizer's reminder to those who have not answered.

const organizer = { type: "SYSTEM" } as const;

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

/**
 * A seminar under way: a participant who registered in Kyrgyz and attended,
 * one confirmed who did not attend, one who attended and then cancelled, one
 * on the waiting list, and one more who attended.
 */
async function seminar() {
  const event = await createTestEvent({ firstDayStartsAt: beganAnHourAgo() });
  const created = await createRegistration({
    slug: event.slug,
    locale: "ky",
    input: registrationInput({ email: `present-${randomUUID()}@example.kg` }),
  });
  if (!created.ok || created.status !== "CONFIRMED") throw new Error("not confirmed");
  const [absent, cancelled, waiting, other] = await insertParticipants(event.id, [
    { lastName: "Бекова", firstName: "Нургүл" },
    { lastName: "Осмонов", firstName: "Талант", status: "CANCELLED" },
    { lastName: "Исаева", firstName: "Жамиля", status: "WAITLISTED" },
    { lastName: "Токтогулов", firstName: "Азамат" },
  ]);
  if (!absent || !cancelled || !waiting || !other) throw new Error("not inserted");
  const days = await db.eventDay.findMany({ where: { eventId: event.id }, select: { id: true } });
  await markPresent(
    [created.registrationId, cancelled.id, waiting.id, other.id],
    days.map((day) => day.id),
  );
  return { event, present: created, absent, cancelled, waiting, other };
}

const lettersOf = (eventId: string, template: string) =>
  db.outboxMessage.findMany({
    where: { eventId, template },
    select: { registrationId: true, locale: true, payload: true },
  });

async function open(eventId: string, kind: InstrumentKind) {
  const { id } = await ensureInstrument({ eventId, kind });
  expect(await switchInstrument({ instrumentId: id, eventId, to: "open", actor: organizer })).toEqual({
    ok: true,
  });
  return id;
}

describe("letters when the post-test and the feedback survey open", () => {
  it("go once to each confirmed participant who attended: not to the absent, cancelled or waiting", async () => {
    const { event, present, absent, other } = await seminar();
    const instrumentId = await open(event.id, "POST_TEST");

    const letters = await lettersOf(event.id, "instrument-opened");
    expect(letters).toHaveLength(2);
    expect(letters).toEqual(
      expect.arrayContaining([
        { registrationId: present.registrationId, locale: "ky", payload: { kind: "POST_TEST" } },
        { registrationId: other.id, locale: "ru", payload: { kind: "POST_TEST" } },
      ]),
    );

    // Closed and opened again, and the worker's check: nothing more.
    await switchInstrument({ instrumentId, eventId: event.id, to: "close", actor: organizer });
    await open(event.id, "POST_TEST");
    await queueOpenedLetters();
    expect(await lettersOf(event.id, "instrument-opened")).toHaveLength(2);

    // Marked present since: the next check writes to them, once.
    const [day] = await db.eventDay.findMany({ where: { eventId: event.id }, select: { id: true } });
    await markPresent([absent.id], [day?.id as string]);
    await queueOpenedLetters();
    await queueOpenedLetters();
    const after = await lettersOf(event.id, "instrument-opened");
    expect(after.filter((letter) => letter.registrationId === absent.id)).toHaveLength(1);
    expect(after).toHaveLength(3);
  });

  it("the database keeps one letter per participant and instrument, however many checks run at once", async () => {
    const { event } = await seminar();
    const { id } = await ensureInstrument({ eventId: event.id, kind: "FEEDBACK" });
    await db.instrument.update({ where: { id }, data: { opensAt: new Date(Date.now() - 1000) } });
    await Promise.all(Array.from({ length: 6 }, () => queueOpenedLetters()));
    expect(await lettersOf(event.id, "instrument-opened")).toHaveLength(2);
    // A second row for the same participant and instrument is refused by the unique key.
    const [letter] = await db.outboxMessage.findMany({
      where: { eventId: event.id, template: "instrument-opened" },
    });
    await expect(
      db.outboxMessage.create({
        data: {
          template: "instrument-opened",
          locale: "ru",
          toAddress: "x@example.test",
          dedupeKey: letter?.dedupeKey,
        },
      }),
    ).rejects.toThrow();
  });

  it("open by time: none before, then each once, sent by the worker across its restarts, with the participant's link", async () => {
    const { event, present } = await seminar();
    const { id } = await ensureInstrument({ eventId: event.id, kind: "FEEDBACK" });
    const opensAt = new Date(Date.now() + 3_600_000);
    await db.instrument.update({ where: { id }, data: { opensAt } });
    await queueOpenedLetters();
    expect(await lettersOf(event.id, "instrument-opened")).toHaveLength(0);
    // A ballot: the participant answered the anonymous survey in the room, before its letter.
    await db.instrument.update({ where: { id }, data: { opensAt: new Date(Date.now() - 1000) } });
    const [answered] = await db.registration.findMany({
      where: { eventId: event.id, lastName: "Токтогулов" },
      select: { id: true },
    });
    await db.instrumentBallot.create({ data: { instrumentId: id, registrationId: answered?.id as string } });

    const email = (await db.registration.findUniqueOrThrow({ where: { id: present.registrationId } })).email;
    // Their confirmation goes too: the survey's letter is the one that links the survey.
    const toPresent = (mail: ParsedMail) =>
      (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address === email &&
      (mail.text ?? "").includes("/feedback");
    const sender = createSender({ smtpUrl: smtp.url });
    try {
      for (let restart = 0; restart < 2; restart++) {
        const worker = startOutboxWorker({ send: sender.send, retryBaseSeconds: 0.1, idleMs: 20 });
        await smtp.waitFor({ count: 1, where: toPresent });
        await new Promise((resolve) => setTimeout(resolve, 200));
        await worker.stop();
      }
    } finally {
      sender.close();
    }
    const letters = await lettersOf(event.id, "instrument-opened");
    expect(letters).toEqual([
      { registrationId: present.registrationId, locale: "ky", payload: { kind: "FEEDBACK" } },
    ]);
    const received = smtp.received.filter(toPresent);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.subject).toBe("Семинар кандай өткөнүн айтып бериңиз: Сыноо семинары");
    expect(mail?.text).toContain("Анкетаны толтуруу");
    expect(mail?.text).toContain(`/ky/r/${present.manageToken}/feedback`);
  });

  it("never for the pre-test: its link is in the confirmation letter", async () => {
    const { event } = await seminar();
    await open(event.id, "PRE_TEST");
    await queueOpenedLetters();
    expect(await lettersOf(event.id, "instrument-opened")).toHaveLength(0);
  });
});

describe("the organizer's reminder", () => {
  it("goes only to those who have not answered, at most once an hour, only while open", async () => {
    const { event, present, absent, other } = await seminar();
    const { id } = await ensureInstrument({ eventId: event.id, kind: "POST_TEST" });
    expect(await remindInstrument({ eventId: event.id, kind: "POST_TEST", actor: organizer })).toEqual({
      ok: false,
      reason: "not_open",
    });
    await open(event.id, "POST_TEST");
    const now = new Date();
    await db.instrumentResponse.create({
      data: { instrumentId: id, anonymous: false, registrationId: other.id, submittedOn: new Date() },
    });
    expect((await countAwaitingAnswer({ eventId: event.id })).POST_TEST).toBe(1);

    expect(await remindInstrument({ eventId: event.id, kind: "POST_TEST", actor: organizer, now })).toEqual({
      ok: true,
      queued: 1,
    });
    expect(await lettersOf(event.id, "instrument-reminder")).toEqual([
      { registrationId: present.registrationId, locale: "ky", payload: { kind: "POST_TEST" } },
    ]);
    const audit = await db.auditLog.findMany({
      where: { eventId: event.id, action: "event.instrument_reminded" },
      select: { data: true },
    });
    expect(audit).toEqual([{ data: { kind: "POST_TEST", queued: 1 } }]);

    // Twice at once within the hour: both refused; an hour later, allowed.
    const soon = new Date(now.getTime() + REMINDER_INTERVAL_MS - 1000);
    const twice = await Promise.all(
      [0, 1].map(() =>
        remindInstrument({ eventId: event.id, kind: "POST_TEST", actor: organizer, now: soon }),
      ),
    );
    expect(twice).toEqual([
      { ok: false, reason: "too_soon" },
      { ok: false, reason: "too_soon" },
    ]);
    const later = new Date(now.getTime() + REMINDER_INTERVAL_MS);
    const atOnce = await Promise.all(
      [0, 1].map(() =>
        remindInstrument({ eventId: event.id, kind: "POST_TEST", actor: organizer, now: later }),
      ),
    );
    expect(atOnce).toEqual(
      expect.arrayContaining([
        { ok: true, queued: 1 },
        { ok: false, reason: "too_soon" },
      ]),
    );
    expect(await lettersOf(event.id, "instrument-reminder")).toHaveLength(2);
    // The absent one was never reminded of a post-test.
    const reminded = await lettersOf(event.id, "instrument-reminder");
    expect(reminded.some((letter) => letter.registrationId === absent.id)).toBe(false);
  });

  it("of an anonymous survey, skips those whose ballot says they answered", async () => {
    const { event, present, other } = await seminar();
    const { id } = await ensureInstrument({ eventId: event.id, kind: "FEEDBACK" });
    await db.instrument.update({ where: { id }, data: { anonymous: true } });
    await open(event.id, "FEEDBACK");
    await db.instrumentBallot.create({ data: { instrumentId: id, registrationId: present.registrationId } });
    expect(await remindInstrument({ eventId: event.id, kind: "FEEDBACK", actor: organizer })).toEqual({
      ok: true,
      queued: 1,
    });
    expect(await lettersOf(event.id, "instrument-reminder")).toEqual([
      { registrationId: other.id, locale: "ru", payload: { kind: "FEEDBACK" } },
    ]);
  });
});
