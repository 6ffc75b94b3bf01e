import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  countFound,
  countRegistrations,
  listRegistrations,
  REGISTRATIONS_PAGE_SIZE,
} from "@/lib/registrations/data";
import {
  pageStartQuery,
  parsePageStart,
  type RegistrationFilters,
  type RegistrationPageStart,
  registrationOrder,
  registrationSorts,
  registrationWhere,
} from "@/lib/registrations/filters";
import { createRegistration } from "@/lib/registrations/mutations";
import { insertRegistrations } from "../support/bulk-registrations";
import { createTestEvent, registrationInput } from "../support/factories";

// The staff list pages by cursor. Walking it with the page's own links, forward
// to the end and back to the start, must show every row the filters select
// exactly once, in the list's order, for every sort and both directions.

let eventId: string;

beforeAll(async () => {
  const event = await createTestEvent({ capacity: 1000, quotas: {} });
  eventId = event.id;
  // Many ties: 40 organizations, 14 regions, 5 statuses…
  await insertRegistrations((sql, params) => db.$executeRawUnsafe(sql, ...params), {
    eventId,
    count: 600,
    tag: randomUUID(),
  });
  // …and people of one name, whose order only their arrival decides.
  for (let i = 0; i < 5; i++) {
    const result = await createRegistration({ slug: event.slug, locale: "ru", input: registrationInput() });
    if (!result.ok) throw new Error(result.reason);
  }
});

/** Follows a link as the browser would: the start written into the address and read back from it. */
function followed(start: RegistrationPageStart | undefined, filters: RegistrationFilters) {
  return start && parsePageStart(pageStartQuery(start), filters);
}

const orders = registrationSorts.flatMap((sort) => [
  { sort, desc: undefined },
  { sort, desc: "1" as const },
]);

describe("the registrations list, page by page", () => {
  it.each(orders)("shows each row once, forwards and back, sorted by $sort (desc: $desc)", async (order) => {
    const filters: RegistrationFilters = { category: "LOCAL_GOVERNMENT", ...order };
    const all = await db.registration.findMany({
      where: registrationWhere(eventId, filters),
      orderBy: registrationOrder(filters),
      select: { id: true },
    });
    expect(all.length).toBeGreaterThan(3 * REGISTRATIONS_PAGE_SIZE);

    const forwards: string[][] = [];
    let page = await listRegistrations({ eventId, contacts: true, filters });
    expect(page.previous).toBeUndefined();
    forwards.push(page.rows.map((row) => row.id));
    while (page.next) {
      page = await listRegistrations({
        eventId,
        contacts: true,
        filters,
        start: followed(page.next, filters),
      });
      forwards.push(page.rows.map((row) => row.id));
    }
    expect(forwards.flat()).toEqual(all.map((row) => row.id));
    expect(forwards.slice(0, -1).every((ids) => ids.length === REGISTRATIONS_PAGE_SIZE)).toBe(true);

    const backwards: string[][] = [page.rows.map((row) => row.id)];
    while (page.previous) {
      page = await listRegistrations({
        eventId,
        contacts: true,
        filters,
        start: followed(page.previous, filters),
      });
      backwards.unshift(page.rows.map((row) => row.id));
    }
    expect(page.rows.length).toBe(REGISTRATIONS_PAGE_SIZE);
    expect(backwards.flat()).toEqual(all.map((row) => row.id));
  });

  it("opens the first page for a cursor it cannot read or that belongs to another sort", async () => {
    const byName: RegistrationFilters = { sort: "name" };
    const first = await listRegistrations({ eventId, contacts: true, filters: byName });
    const fromNumber = pageStartQuery({ cursor: { number: 12 }, backwards: false });
    for (const query of [
      fromNumber,
      new URLSearchParams({ after: "not-a-cursor" }),
      new URLSearchParams({ before: Buffer.from('{"lastName":1}').toString("base64url") }),
    ]) {
      const start = parsePageStart(query, byName);
      expect(start).toBeUndefined();
      expect((await listRegistrations({ eventId, contacts: true, filters: byName, start })).rows).toEqual(
        first.rows,
      );
    }
    expect(parsePageStart(fromNumber, {})).toEqual({ cursor: { number: 12 }, backwards: false });
  });

  it.each<RegistrationFilters>([
    { status: "CONFIRMED", category: "LOCAL_GOVERNMENT" },
    { region: "NARYN", category: "LOCAL_GOVERNMENT" },
    { q: "өмүрбекова", sort: "name" },
  ])("says how many rows the filters find: %o", async (filters) => {
    const page = await listRegistrations({ eventId, contacts: true, filters });
    const found = await countFound({
      eventId,
      contacts: true,
      filters,
      counts: await countRegistrations({ eventId }),
      onePage: page.next ? undefined : page.rows.length,
    });
    const expected = await db.registration.count({ where: registrationWhere(eventId, filters) });
    expect(expected).toBeGreaterThan(0);
    expect(found).toEqual({ count: expected, more: false });
  });
});
