import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getPublicEvent } from "@/lib/events/data";
import type { ParticipantCategory } from "@/lib/generated/prisma/enums";
import { cancelRegistration, createRegistration } from "@/lib/registrations/mutations";
import { participantCategories } from "@/lib/registrations/rules";
import { createTestEvent, DEMO_QUOTAS, registrationInput } from "../support/factories";

const run = promisify(execFile);

async function statusesByCategory(eventId: string) {
  const rows = await db.registration.findMany({ where: { eventId }, orderBy: { number: "asc" } });
  const by = (category: ParticipantCategory, status: string) =>
    rows.filter((row) => row.category === category && row.status === status);
  return { rows, by };
}

/** Within each category, everyone confirmed arrived before everyone waiting. */
function expectArrivalOrder(by: (category: ParticipantCategory, status: string) => { number: number }[]) {
  for (const category of participantCategories) {
    const lastConfirmed = Math.max(...by(category, "CONFIRMED").map((row) => row.number));
    const firstWaiting = Math.min(...by(category, "WAITLISTED").map((row) => row.number));
    expect(lastConfirmed).toBeLessThan(firstWaiting);
  }
}

describe("seat allocation under a rush", () => {
  it("confirms exactly the seats per category when 300 register at once", async () => {
    const event = await createTestEvent();
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        createRegistration({
          slug: event.slug,
          locale: "ru",
          input: registrationInput({ category: participantCategories[i % 4] }),
        }),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);

    const { rows, by } = await statusesByCategory(event.id);
    expect(rows).toHaveLength(300);
    for (const category of participantCategories) {
      expect(by(category, "CONFIRMED")).toHaveLength(DEMO_QUOTAS[category]);
      expect(by(category, "WAITLISTED")).toHaveLength(75 - DEMO_QUOTAS[category]);
    }
    expectArrivalOrder(by);

    // What the event page shows is what the database holds.
    const shown = await getPublicEvent({ slug: event.slug });
    expect(shown?.seats.total).toBe(0);
    expect(shown?.seats.byCategory).toEqual({
      GOVERNMENT: 0,
      LOCAL_GOVERNMENT: 0,
      CIVIL_SOCIETY: 0,
      OTHER: 0,
    });

    // Every registration has exactly its letter, queued with it.
    const letters = await db.outboxMessage.groupBy({
      by: ["template"],
      where: { eventId: event.id },
      _count: true,
    });
    expect(Object.fromEntries(letters.map((row) => [row.template, row._count]))).toEqual({
      "registration-confirmed": 40,
      "registration-waitlisted": 260,
    });
  });

  it("holds across two app processes sharing one database", async () => {
    const event = await createTestEvent();
    const env = { ...process.env, SLUG: event.slug, COUNT: "150" };
    const burst = () =>
      run(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "tests/support/register-burst.ts"],
        {
          env,
        },
      );
    const outputs = await Promise.all([burst(), burst()]);
    const outcomes = outputs.flatMap(({ stdout }) => JSON.parse(stdout) as string[]);
    expect(outcomes.filter((outcome) => outcome === "CONFIRMED")).toHaveLength(40);
    expect(outcomes.filter((outcome) => outcome === "WAITLISTED")).toHaveLength(260);

    const { by } = await statusesByCategory(event.id);
    for (const category of participantCategories) {
      expect(by(category, "CONFIRMED")).toHaveLength(DEMO_QUOTAS[category]);
    }
    expectArrivalOrder(by);
  });

  it("registers an email once, however it is typed, and answers the rest neutrally", async () => {
    const event = await createTestEvent();
    const spellings = ["aigul@example.test", " Aigul@Example.TEST", "AIGUL@example.test "];
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        createRegistration({
          slug: event.slug,
          locale: "ky",
          input: registrationInput({ email: spellings[i % 3] }),
        }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "already_registered")).toHaveLength(8);
    expect(await db.registration.count({ where: { eventId: event.id } })).toBe(1);
    // The owner of the address gets the link again, once however often it is tried.
    expect(await db.outboxMessage.count({ where: { eventId: event.id, template: "manage-link" } })).toBe(1);
  });

  it("puts a registration in review when the event requires approval, taking no seat", async () => {
    const event = await createTestEvent({ requiresApproval: true, capacity: 1, quotas: {} });
    const first = await createRegistration({ slug: event.slug, locale: "en", input: registrationInput() });
    const second = await createRegistration({ slug: event.slug, locale: "en", input: registrationInput() });
    expect([first, second].map((result) => result.ok && result.status)).toEqual(["PENDING", "PENDING"]);
  });

  it("refuses registrations outside the window", async () => {
    const closed = await createTestEvent({ registrationClosesAt: new Date(Date.now() - 1000) });
    const draft = await createTestEvent({ status: "DRAFT" });
    expect(await createRegistration({ slug: closed.slug, locale: "ru", input: registrationInput() })).toEqual(
      {
        ok: false,
        reason: "closed",
      },
    );
    expect(await createRegistration({ slug: draft.slug, locale: "ru", input: registrationInput() })).toEqual({
      ok: false,
      reason: "closed",
    });
    expect(
      await createRegistration({ slug: "no-such-event", locale: "ru", input: registrationInput() }),
    ).toEqual({
      ok: false,
      reason: "not_found",
    });
  });
});

describe("seats shown on the event page", () => {
  it("count down as people register and cancel", async () => {
    const event = await createTestEvent();
    const seats = async () => (await getPublicEvent({ slug: event.slug }))?.seats;
    expect((await seats())?.byCategory.OTHER).toBe(3);
    const first = await createRegistration({
      slug: event.slug,
      locale: "ru",
      input: registrationInput({ category: "OTHER" }),
    });
    expect(await seats()).toMatchObject({ total: 39, byCategory: { OTHER: 2, GOVERNMENT: 15 } });
    if (!first.ok) throw new Error("registration failed");
    await cancelRegistration({ token: first.manageToken });
    expect(await seats()).toMatchObject({ total: 40, byCategory: { OTHER: 3 } });
  });
});

describe("the waiting list", () => {
  it("promotes exactly one waiting person of the freed category, once, when two cancellations race", async () => {
    const event = await createTestEvent({ capacity: 3, quotas: { GOVERNMENT: 1, CIVIL_SOCIETY: 2 } });
    const register = (category: ParticipantCategory) =>
      createRegistration({ slug: event.slug, locale: "ru", input: registrationInput({ category }) });
    const holder = await register("GOVERNMENT");
    const civil = await register("CIVIL_SOCIETY");
    const waitingCivil = await register("CIVIL_SOCIETY");
    const waitingGov1 = await register("GOVERNMENT");
    const waitingGov2 = await register("GOVERNMENT");
    expect([holder, civil, waitingCivil, waitingGov1, waitingGov2].map((r) => r.ok && r.status)).toEqual([
      "CONFIRMED",
      "CONFIRMED",
      "CONFIRMED",
      "WAITLISTED",
      "WAITLISTED",
    ]);
    if (!holder.ok || !waitingGov1.ok || !waitingGov2.ok) throw new Error("setup failed");

    const outcomes = await Promise.all([
      cancelRegistration({ token: holder.manageToken }),
      cancelRegistration({ token: holder.manageToken }),
    ]);
    expect(outcomes).toContainEqual({ ok: true });
    expect(outcomes).toContainEqual({ ok: false, reason: "not_active" });

    const status = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(holder.registrationId)).toBe("CANCELLED");
    expect(await status(waitingGov1.registrationId)).toBe("CONFIRMED");
    expect(await status(waitingGov2.registrationId)).toBe("WAITLISTED");
    expect(
      await db.outboxMessage.count({
        where: { registrationId: waitingGov1.registrationId, template: "registration-promoted" },
      }),
    ).toBe(1);
    expect(
      await db.auditLog.count({
        where: { entityId: waitingGov1.registrationId, action: "registration.promoted" },
      }),
    ).toBe(1);
  });
});
