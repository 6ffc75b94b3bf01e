import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeRegistrationStatuses, createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, registrationInput } from "../support/factories";

const organizer = { type: "STAFF" as const };

async function eventWithWaitingList({ capacity, waiting }: { capacity: number; waiting: number }) {
  const event = await createTestEvent({ capacity, quotas: {} });
  for (let i = 0; i < capacity + waiting; i++) {
    await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
  }
  return event;
}

describe("bulk status changes by organizers", () => {
  it("confirms 20 of 100 waiting registrations against 20 free seats, in arrival order", async () => {
    const event = await eventWithWaitingList({ capacity: 10, waiting: 100 });
    await db.event.update({ where: { id: event.id }, data: { capacity: 30 } });
    const waiting = await db.registration.findMany({
      where: { eventId: event.id, status: "WAITLISTED" },
      orderBy: { number: "asc" },
    });
    expect(waiting).toHaveLength(100);

    const result = await changeRegistrationStatuses({
      eventId: event.id,
      registrationIds: waiting.map((r) => r.id).reverse(),
      to: "CONFIRMED",
      actor: organizer,
    });
    expect(result.changed).toEqual(waiting.slice(0, 20).map((r) => r.id));
    expect(result.skipped).toHaveLength(80);
    expect(await db.registration.count({ where: { eventId: event.id, status: "CONFIRMED" } })).toBe(30);
    expect(
      await db.outboxMessage.count({ where: { eventId: event.id, template: "registration-confirmed" } }),
    ).toBe(30);
    expect(
      await db.auditLog.count({ where: { eventId: event.id, action: "registration.status_changed" } }),
    ).toBe(20);
  });

  it("never exceeds the seats when two organizers confirm at the same moment", async () => {
    const event = await eventWithWaitingList({ capacity: 5, waiting: 40 });
    await db.event.update({ where: { id: event.id }, data: { capacity: 15 } });
    const waiting = await db.registration.findMany({ where: { eventId: event.id, status: "WAITLISTED" } });
    const ids = waiting.map((r) => r.id);
    const [first, second] = await Promise.all([
      changeRegistrationStatuses({
        eventId: event.id,
        registrationIds: ids.slice(0, 30),
        to: "CONFIRMED",
        actor: organizer,
      }),
      changeRegistrationStatuses({
        eventId: event.id,
        registrationIds: ids.slice(10),
        to: "CONFIRMED",
        actor: organizer,
      }),
    ]);
    expect(first.changed.length + second.changed.length).toBe(10);
    expect(await db.registration.count({ where: { eventId: event.id, status: "CONFIRMED" } })).toBe(15);
  });

  it("declining a confirmed registration gives its seat to the first waiting one", async () => {
    const event = await eventWithWaitingList({ capacity: 2, waiting: 2 });
    const [confirmed, , firstWaiting, secondWaiting] = await db.registration.findMany({
      where: { eventId: event.id },
      orderBy: { number: "asc" },
    });
    if (!confirmed || !firstWaiting || !secondWaiting) throw new Error("setup failed");
    await changeRegistrationStatuses({
      eventId: event.id,
      registrationIds: [confirmed.id],
      to: "DECLINED",
      actor: organizer,
    });
    const status = async (id: string) => (await db.registration.findUniqueOrThrow({ where: { id } })).status;
    expect(await status(confirmed.id)).toBe("DECLINED");
    expect(await status(firstWaiting.id)).toBe("CONFIRMED");
    expect(await status(secondWaiting.id)).toBe("WAITLISTED");
  });

  it("leaves a cancellation final", async () => {
    const event = await eventWithWaitingList({ capacity: 1, waiting: 0 });
    const [only] = await db.registration.findMany({ where: { eventId: event.id } });
    if (!only) throw new Error("setup failed");
    await changeRegistrationStatuses({
      eventId: event.id,
      registrationIds: [only.id],
      to: "CANCELLED",
      actor: organizer,
    });
    const again = await changeRegistrationStatuses({
      eventId: event.id,
      registrationIds: [only.id],
      to: "CONFIRMED",
      actor: organizer,
    });
    expect(again).toMatchObject({
      changed: [],
      skipped: [{ id: only.id, reason: "not_allowed" }],
      notFound: [],
    });
  });
});
