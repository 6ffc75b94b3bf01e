import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportFile } from "@/app/admin/(staff)/events/[id]/export/file/route";
import { GET as outcomesHandout } from "@/app/admin/(staff)/events/[id]/paper/outcomes-handout/route";
import { GET as signatureSheet } from "@/app/admin/(staff)/events/[id]/paper/signature-sheet/route";
import { GET as statisticsFile } from "@/app/admin/(staff)/events/[id]/statistics/file/route";
import { GET as outcomesSummary } from "@/app/admin/(staff)/events/[id]/statistics/summary/route";
import { POST as recordMarks, GET as roster } from "@/app/api/admin/check-in/route";
import { POST as uploadImage } from "@/app/api/admin/events/[id]/images/route";
import { auth } from "@/lib/auth";
import { saveCertificateSettingsAction, sendCertificatesAction } from "@/lib/certificates/actions";
import { setAttendanceAction, walkInAction } from "@/lib/check-in/actions";
import { db } from "@/lib/db";
import { retryLetterAction } from "@/lib/emails/actions";
import { storeInMailbox } from "@/lib/emails/mutations";
import { idle } from "@/lib/entry-points/state";
import { appUrl } from "@/lib/env";
import { setEventStatusAction } from "@/lib/events/actions";
import { listEventsForStaff } from "@/lib/events/data";
import { PEER_HEADER } from "@/lib/http/client-address";
import { savePublicContactAction } from "@/lib/images/actions";
import { listMailbox } from "@/lib/mailbox/data";
import {
  bulkAction,
  changeStatusAction,
  correctEmailAction,
  resendLetterAction,
  saveInternalNoteAction,
  staffUpdateRegistrationAction,
} from "@/lib/registrations/actions";
import { createRegistration } from "@/lib/registrations/mutations";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { checkEventAccess, requireStaff, staffEvents } from "@/lib/staff/require-staff";
import { beganAnHourAgo, createTestEvent, registrationInput } from "../support/factories";

// An organizer of event A tries every kind of object of event B by its id
// (issue 17): the event, a registration, an attendance mark, a letter, its
// certificates and its files. Each answer is "not found", never "forbidden",
// so B's ids are not confirmed; and nothing of B changes. The session is
// real; only Auth.js's reading of the cookie, the request's headers and
// Next's cache are stood in for.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: "203.0.113.9" }) }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "ru", getTranslations: async () => String }));

const BASE = "http://127.0.0.1:3000";

let eventA: { id: string; dayId: string };
let eventB: { id: string; dayId: string; registrationId: string; letterId: string };

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const one of [value].flat()) data.append(name, one);
  return data;
}

/** Where Next's notFound() or redirect() thrown by the action was going: "404", or the address. */
async function thrownBy(promise: Promise<unknown>): Promise<string> {
  try {
    return `answered ${JSON.stringify(await promise)}`;
  } catch (error) {
    const digest = String((error as { digest?: string }).digest);
    return digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;") ? digest.slice(digest.indexOf(";") + 1) : digest;
  }
}

/** Everything of event B an action could change, as it stands. */
async function stateOfB() {
  const [registrations, attendance, letters, event, audit, certificates, images] = await Promise.all([
    db.registration.findMany({ where: { eventId: eventB.id }, orderBy: { id: "asc" } }),
    db.attendance.count({ where: { eventDay: { eventId: eventB.id } } }),
    db.outboxMessage.findMany({ where: { eventId: eventB.id }, orderBy: { id: "asc" } }),
    db.event.findUnique({ where: { id: eventB.id } }),
    db.auditLog.count({ where: { eventId: eventB.id } }),
    db.certificate.count({ where: { registration: { eventId: eventB.id } } }),
    db.eventImage.count({ where: { eventId: eventB.id } }),
  ]);
  return { registrations, attendance, letters, event, audit, certificates, images };
}

async function withDay(eventId: string) {
  const day = await db.eventDay.findFirstOrThrow({ where: { eventId } });
  return { id: eventId, dayId: day.id };
}

describe("an organizer of event A reaches nothing of event B", () => {
  beforeAll(async () => {
    eventA = await withDay((await createTestEvent({ firstDayStartsAt: beganAnHourAgo() })).id);
    const b = await createTestEvent({ firstDayStartsAt: beganAnHourAgo() });
    const registered = await createRegistration({ slug: b.slug, locale: "ru", input: registrationInput() });
    if (!registered.ok) throw new Error(registered.reason);
    const letter = await db.outboxMessage.findFirstOrThrow({
      where: { registrationId: registered.registrationId },
    });
    // A letter that failed for good, which "retry" would put back in the queue.
    await db.outboxMessage.update({ where: { id: letter.id }, data: { status: "FAILED" } });
    eventB = { ...(await withDay(b.id)), registrationId: registered.registrationId, letterId: letter.id };
  });

  beforeEach(async () => {
    const created = await createStaffAccount({
      email: `organizer-${randomUUID()}@kattoo.test`,
      name: "Organizer of A",
      role: "STAFF",
      password: "a-long-enough-password",
      actor: { type: "SYSTEM" },
    });
    if (!created.ok) throw new Error(created.reason);
    await db.eventMembership.create({ data: { eventId: eventA.id, staffId: created.id, role: "ORGANIZER" } });
    const sessionId = await startStaffSession({ staffId: created.id, device: "Chrome, Linux" });
    vi.mocked(auth).mockResolvedValue({ staffId: created.id, sessionId, sessionVersion: 0 } as never);
  });

  it("server actions on B's event, registration, attendance, letter and certificates: not found", async () => {
    const before = await stateOfB();
    const registration = eventB.registrationId;
    const calls: Record<string, () => Promise<unknown>> = {
      "registrations.change_status": () => changeStatusAction(registration, idle, form({ to: "DECLINED" })),
      "registrations.correct_email": () =>
        correctEmailAction(registration, idle, form({ email: "new@example.org" })),
      "registrations.note": () => saveInternalNoteAction(registration, idle, form({ note: "seen" })),
      "registrations.resend_letter": () =>
        resendLetterAction(registration, idle, form({ kind: "manage-link" })),
      "registrations.update": () => staffUpdateRegistrationAction(registration, idle, form({})),
      "registrations.bulk": () => bulkAction(eventB.id, idle, form({ to: "DECLINED", ids: [registration] })),
      "check_in.set_attendance (B's event)": () =>
        setAttendanceAction(
          idle,
          form({ eventId: eventB.id, registrationId: registration, eventDayId: eventB.dayId, present: "1" }),
        ),
      "check_in.set_attendance (A's event, B's registration)": () =>
        setAttendanceAction(
          idle,
          form({ eventId: eventA.id, registrationId: registration, eventDayId: eventB.dayId, present: "1" }),
        ),
      "check_in.set_attendance (A's event and day, B's registration)": () =>
        setAttendanceAction(
          idle,
          form({ eventId: eventA.id, registrationId: registration, eventDayId: eventA.dayId, present: "1" }),
        ),
      "check_in.walk_in": () => walkInAction({ eventId: eventB.id, dayId: eventB.dayId }, idle, form({})),
      "check_in.walk_in (A's event, B's day)": () =>
        walkInAction({ eventId: eventA.id, dayId: eventB.dayId }, idle, form({})),
      "emails.retry (B's event)": () =>
        retryLetterAction({ eventId: eventB.id, letterId: eventB.letterId }, idle),
      "emails.retry (A's event, B's letter)": () =>
        retryLetterAction({ eventId: eventA.id, letterId: eventB.letterId }, idle),
      "certificates.send": () => sendCertificatesAction(eventB.id, idle),
      "certificates.save_settings": () =>
        saveCertificateSettingsAction(eventB.id, idle, form({ minimumDays: "1", hours: "8" })),
      "images.save_contact": () =>
        savePublicContactAction(
          eventB.id,
          idle,
          form({ phone: "", telegram: "", latitude: "", longitude: "" }),
        ),
      "events.set_status": () => setEventStatusAction(eventB.id, idle, form({ status: "CLOSED" })),
    };
    const answers: Record<string, string> = {};
    for (const [name, call] of Object.entries(calls)) answers[name] = await thrownBy(call());
    expect(answers).toEqual(Object.fromEntries(Object.keys(calls).map((name) => [name, "404"])));
    expect(await stateOfB()).toEqual(before);
  });

  it("bulk changes on A with B's registrations change nothing of B", async () => {
    const before = await stateOfB();
    const state = await bulkAction(eventA.id, idle, form({ to: "DECLINED", ids: [eventB.registrationId] }));
    expect(state).toMatchObject({ status: "done", figures: { changed: 0 } });
    expect(await stateOfB()).toEqual(before);
  });

  it("route handlers with B's ids: 404, and nothing of B changes", async () => {
    const before = await stateOfB();
    const params = (id: string) => ({ params: Promise.resolve({ id }) });
    const origin = new URL(appUrl()).origin;
    const sameOrigin = { Origin: origin, "Content-Type": "application/json" };
    const responses: Record<string, Response> = {
      export: await exportFile(
        new Request(`${BASE}/admin/events/${eventB.id}/export/file`),
        params(eventB.id),
      ),
      "signature sheet": await signatureSheet(
        new Request(`${BASE}/admin/events/${eventB.id}/paper/signature-sheet?day=${eventB.dayId}`),
        params(eventB.id),
      ),
      "signature sheet (A's event, B's day)": await signatureSheet(
        new Request(`${BASE}/admin/events/${eventA.id}/paper/signature-sheet?day=${eventB.dayId}`),
        params(eventA.id),
      ),
      statistics: await statisticsFile(
        new Request(`${BASE}/admin/events/${eventB.id}/statistics/file`),
        params(eventB.id),
      ),
      "outcomes summary": await outcomesSummary(
        new Request(`${BASE}/admin/events/${eventB.id}/statistics/summary`),
        params(eventB.id),
      ),
      "room handout": await outcomesHandout(
        new Request(`${BASE}/admin/events/${eventB.id}/paper/outcomes-handout?lang=ru`),
        params(eventB.id),
      ),
      "check-in roster": await roster(
        new Request(`${BASE}/api/admin/check-in?eventId=${eventB.id}`),
        params(""),
      ),
      "check-in marks": await recordMarks(
        new Request(`${BASE}/api/admin/check-in`, {
          method: "POST",
          headers: sameOrigin,
          body: JSON.stringify({
            eventId: eventB.id,
            operations: [
              {
                kind: "mark",
                clientMarkId: randomUUID(),
                registrationId: eventB.registrationId,
                eventDayId: eventB.dayId,
                markedAt: new Date().toISOString(),
              },
            ],
          }),
        }),
        params(""),
      ),
      "image upload": await uploadImage(
        new Request(`${BASE}/api/admin/events/${eventB.id}/images`, {
          method: "POST",
          headers: { Origin: origin },
          body: new FormData(),
        }),
        params(eventB.id),
      ),
    };
    const statuses = Object.fromEntries(
      Object.entries(responses).map(([name, response]) => [name, response.status]),
    );
    expect(statuses).toEqual(Object.fromEntries(Object.keys(responses).map((name) => [name, 404])));
    for (const response of Object.values(responses))
      expect(await response.json()).toEqual({ error: "not_found" });
    expect(await stateOfB()).toEqual(before);
  });

  it("the same calls on A's own event do get through", async () => {
    const response = await roster(new Request(`${BASE}/api/admin/check-in?eventId=${eventA.id}`), {
      params: Promise.resolve({}),
    });
    expect(response.status).toBe(200);
    const sheet = await statisticsFile(new Request(`${BASE}/admin/events/${eventA.id}/statistics/file`), {
      params: Promise.resolve({ id: eventA.id }),
    });
    expect(sheet.status).toBe(200);
  });

  it("the mailbox's letters and the lists show A's only", async () => {
    const letterA = await db.outboxMessage.create({
      data: {
        eventId: eventA.id,
        template: "registration-received",
        locale: "ru",
        toAddress: "a@example.org",
      },
    });
    const kept = { toAddress: "x@example.org", subject: "—", html: "<p>—</p>", text: "—", raw: "—" };
    await storeInMailbox({ ...kept, outboxMessageId: letterA.id });
    await storeInMailbox({ ...kept, outboxMessageId: eventB.letterId });
    const [keptA, keptB] = await Promise.all(
      [letterA.id, eventB.letterId].map((id) =>
        db.mailboxMessage.findUniqueOrThrow({ where: { outboxMessageId: id } }),
      ),
    );
    expect(await checkEventAccess({ mailbox: keptB?.id }, "event.letters")).toEqual({
      ok: false,
      status: 404,
    });
    expect(await checkEventAccess({ mailbox: keptA?.id }, "event.letters")).toMatchObject({ ok: true });

    const teams = await staffEvents(await requireStaff(["STAFF"]));
    const mailbox = await listMailbox({ events: teams.scope("event.letters") });
    expect(mailbox.map((letter) => letter.id)).toEqual([keptA?.id]);
    const events = await listEventsForStaff({ events: teams.scope("event.view") });
    expect(events.map((event) => event.id)).toEqual([eventA.id]);
  });
});
