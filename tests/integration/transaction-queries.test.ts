import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { duplicateEvent } from "@/lib/events/mutations";
import { createTestEvent } from "../support/factories";

// Inside a transaction every query goes to one connection. Prisma loads the
// relations of an `include` in parallel, so an include of several relations
// in a transaction sent queries to a connection already busy with one: pg
// warns "Calling client.query() when the client is already executing a
// query", deprecated and refused from pg 9. Every query sent to a busy
// connection is recorded here.

const staff = { type: "STAFF" as const };
const overlapping: string[] = [];
type Internals = { _activeQuery: unknown; _queryQueue: unknown[] };
const query = pg.Client.prototype.query;

beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const busy = this as unknown as Internals;
    if (busy._activeQuery || busy._queryQueue.length > 0) {
      const [text] = args as [string | { text?: string }];
      overlapping.push((typeof text === "string" ? text : (text?.text ?? "")).slice(0, 120));
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
});

afterAll(() => {
  pg.Client.prototype.query = query;
});

beforeEach(() => {
  overlapping.length = 0;
});

describe("one query at a time on a transaction's connection", () => {
  it("when an event is copied with its days, sectors and parties", async () => {
    const event = await createTestEvent({ days: 2 });
    await db.eventParty.create({ data: { eventId: event.id, role: "ORGANIZER", name: { ru: "Центр" } } });
    const copyId = await duplicateEvent({ id: event.id, actor: staff });
    const copy = await db.event.findUniqueOrThrow({
      where: { id: copyId ?? "" },
      include: { days: true, quotas: true, parties: true },
    });
    expect(copy.days).toHaveLength(2);
    expect(copy.quotas).toHaveLength(4);
    expect(copy.parties).toHaveLength(1);
    expect(overlapping).toEqual([]);
  });
});
