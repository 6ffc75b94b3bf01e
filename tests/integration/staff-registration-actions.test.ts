import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth";
import { walkInAction } from "@/lib/check-in/actions";
import { db } from "@/lib/db";
import { idle } from "@/lib/entry-points/state";
import { PEER_HEADER } from "@/lib/http/client-address";
import { bulkAction, changeStatusAction, correctEmailAction } from "@/lib/registrations/actions";
import { createRegistration } from "@/lib/registrations/mutations";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { beganAnHourAgo, createTestEvent, registrationInput } from "../support/factories";

// The staff's registration actions as their forms post them (issue 21,
// findings 7, 8 and 9): only Auth.js's reading of the session cookie, the
// request's headers and Next's cache are stood in for.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: "203.0.113.9" }) }));
vi.mock("next-intl/server", () => ({ getLocale: async () => "ru" }));

async function signedInOrganizer() {
  const created = await createStaffAccount({
    email: `organizer-${randomUUID()}@kattoo.test`,
    name: "Айгүл",
    role: "ORGANIZER",
    password: "a-long-enough-password",
    actor: { type: "SYSTEM" },
  });
  if (!created.ok) throw new Error(created.reason);
  const sessionId = await startStaffSession({ staffId: created.id, device: "Chrome, Linux" });
  vi.mocked(auth).mockResolvedValue({ staffId: created.id, sessionId, sessionVersion: 0 } as never);
}

async function register(slug: string, overrides: Parameters<typeof registrationInput>[0] = {}) {
  const result = await createRegistration({ slug, locale: "ru", input: registrationInput(overrides) });
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function form(fields: Record<string, string | string[]>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of [value].flat()) data.append(name, one);
  }
  return data;
}

describe("the staff's registration actions", () => {
  beforeEach(signedInOrganizer);

  it("'select all' changes every row of the page without JavaScript, and names whom it did not change and why", async () => {
    const event = await createTestEvent({ requiresApproval: true, capacity: 10, quotas: { OTHER: 1 } });
    const first = await register(event.slug, { category: "OTHER", firstName: "Бермет" });
    const second = await register(event.slug, {
      category: "OTHER",
      lastName: "Осмонова",
      firstName: "Асель",
      patronymic: undefined,
    });
    const state = await bulkAction(
      event.id,
      idle,
      form({ to: "CONFIRMED", everyOnPage: "on", onPage: [first.registrationId, second.registrationId] }),
    );
    expect(state).toMatchObject({
      status: "done",
      message: "bulkChanged",
      figures: { changed: 1, skipped: 1 },
      skipped: [{ id: second.registrationId, name: "Осмонова Асель", category: "OTHER", reason: "no_seat" }],
    });

    // Already confirmed is named as such, not as "no seat".
    const again = await bulkAction(event.id, idle, form({ to: "CONFIRMED", ids: [first.registrationId] }));
    expect(again).toMatchObject({ skipped: [{ id: first.registrationId, reason: "same_status" }] });
  });

  it("refuses a bulk change with nothing selected", async () => {
    const event = await createTestEvent();
    const state = await bulkAction(event.id, idle, form({ to: "CONFIRMED" }));
    expect(state).toMatchObject({ status: "invalid", fieldErrors: { ids: "nothingSelected" } });
  });

  it("changes one registration's status from its page under the seat rules, and the freed seat goes to the next in line", async () => {
    const event = await createTestEvent({ capacity: 10, quotas: { OTHER: 1 } });
    const seated = await register(event.slug, { category: "OTHER" });
    const waiting = await register(event.slug, { category: "OTHER" });
    expect(waiting.status).toBe("WAITLISTED");

    expect(await changeStatusAction(waiting.registrationId, idle, form({ to: "CONFIRMED" }))).toEqual({
      status: "refused",
      message: "noSeat",
    });
    expect(await changeStatusAction(seated.registrationId, idle, form({ to: "DECLINED" }))).toEqual({
      status: "done",
      message: "registrationStatusChanged",
    });
    const statuses = await db.registration.findMany({
      where: { eventId: event.id },
      orderBy: { number: "asc" },
      select: { status: true },
    });
    expect(statuses.map((row) => row.status)).toEqual(["DECLINED", "CONFIRMED"]);
    expect(
      await db.outboxMessage.count({
        where: { registrationId: seated.registrationId, template: "registration-declined" },
      }),
    ).toBe(1);
    // A cancellation is final: the page offers nothing, and a post is refused.
    await changeStatusAction(waiting.registrationId, idle, form({ to: "CANCELLED" }));
    expect(await changeStatusAction(waiting.registrationId, idle, form({ to: "CONFIRMED" }))).toEqual({
      status: "refused",
      message: "statusNotAllowed",
    });
  });

  it("corrects a mistyped address: the new one gets the current letter again, the history keeps both, a taken one is refused", async () => {
    const event = await createTestEvent();
    const mistyped = `asel-${randomUUID().slice(0, 8)}@gmial.com`;
    const corrected = mistyped.replace("gmial", "gmail");
    const registration = await register(event.slug, { email: mistyped });
    const other = await register(event.slug);
    const otherEmail = (await db.registration.findUniqueOrThrow({ where: { id: other.registrationId } }))
      .email;

    expect(await correctEmailAction(registration.registrationId, idle, form({ email: corrected }))).toEqual({
      status: "done",
      message: "emailCorrected",
    });
    const stored = await db.registration.findUniqueOrThrow({ where: { id: registration.registrationId } });
    expect(stored.email).toBe(corrected);
    const letters = await db.outboxMessage.findMany({
      where: { registrationId: registration.registrationId },
      orderBy: { createdAt: "asc" },
    });
    expect(letters.map((letter) => [letter.template, letter.toAddress])).toEqual([
      ["registration-confirmed", mistyped],
      ["registration-confirmed", corrected],
    ]);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: registration.registrationId, action: "registration.email_corrected" },
    });
    // The audit log holds no personal data: the letters say where each went.
    expect(entry.data).toEqual({ field: "email" });

    expect(await correctEmailAction(registration.registrationId, idle, form({ email: otherEmail }))).toEqual({
      status: "refused",
      message: "emailTaken",
    });
    expect(
      await correctEmailAction(registration.registrationId, idle, form({ email: "not an address" })),
    ).toMatchObject({ status: "invalid", fieldErrors: { email: "invalidEmail" } });
  });

  it("a walk-in at an event that requires approval comes out confirmed, or says plainly that the sector is full", async () => {
    const event = await createTestEvent({
      requiresApproval: true,
      capacity: 10,
      quotas: { OTHER: 1 },
      firstDayStartsAt: beganAnHourAgo(),
    });
    const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
    const walkIn = (firstName: string) =>
      walkInAction(
        { eventId: event.id, dayId: day.id },
        idle,
        form({
          lastName: "Осмонова",
          firstName,
          organization: "Институт",
          position: "Эксперт",
          category: "OTHER",
          region: "NARYN",
          phone: "+996 555 000 111",
          email: `${randomUUID()}@example.test`,
          gender: "FEMALE",
          consent: "on",
        }),
      );

    const confirmed = await walkIn("Асель");
    expect(confirmed).toMatchObject({
      status: "walkedIn",
      name: "Осмонова Асель",
      registrationStatus: "CONFIRMED",
    });
    const full = await walkIn("Жылдыз");
    expect(full).toMatchObject({
      status: "walkedIn",
      name: "Осмонова Жылдыз",
      category: "OTHER",
      registrationStatus: "WAITLISTED",
    });
    // Both were marked present on the day.
    expect(await db.attendance.count({ where: { eventDayId: day.id } })).toBe(2);
  });
});
