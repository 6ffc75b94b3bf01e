import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegistrationFilters } from "@/lib/registrations/filters";

// The list's filters and order (registrationWhere and registrationOrder in
// filters.ts) as SQL over `registration r`, for reads too large for Prisma's
// models: an export reads a hundred thousand rows, and Prisma's mapping of
// each one cost more than the query. Apart from filters.ts because the list's
// client component imports that file, and Prisma's SQL builder is server code.
// tests/integration/exports.test.ts holds both to the same
// rows in the same order, for every filter and sort.

export function registrationWhereSql(eventId: string, filters: RegistrationFilters): Prisma.Sql {
  const conditions = [Prisma.sql`r.event_id = ${eventId}::uuid`];
  if (filters.status) conditions.push(Prisma.sql`r.status = ${filters.status}::"RegistrationStatus"`);
  if (filters.category) conditions.push(Prisma.sql`r.category = ${filters.category}::"ParticipantCategory"`);
  if (filters.region) conditions.push(Prisma.sql`r.region = ${filters.region}::"Region"`);
  if (filters.gender) conditions.push(Prisma.sql`r.gender = ${filters.gender}::"Gender"`);
  if (filters.day) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT FROM attendance a WHERE a.registration_id = r.id AND a.event_day_id = ${filters.day}::uuid)`,
    );
  }
  // As Prisma's `contains` does: the typed % and _ are wildcards there too.
  if (filters.q) conditions.push(Prisma.sql`r.search_text LIKE ${`%${filters.q.toLowerCase()}%`}`);
  return Prisma.join(conditions, " AND ");
}

/** What a keyset needs of the last row read to continue after it, in any of the list's orders. */
export type RegistrationSortKey = {
  number: number;
  lastName: string;
  firstName: string;
  organization: string;
  region: string;
  status: string;
};

/** The columns each sort orders by before the arrival number, which breaks ties (registrationOrder). */
const SORT_COLUMNS = {
  name: {
    columns: [Prisma.raw("r.last_name"), Prisma.raw("r.first_name")],
    values: (row: RegistrationSortKey) => [row.lastName, row.firstName],
  },
  organization: { columns: [Prisma.raw("r.organization")], values: (row) => [row.organization] },
  region: { columns: [Prisma.raw("r.region")], values: (row) => [row.region] },
  status: { columns: [Prisma.raw("r.status")], values: (row) => [row.status] },
} satisfies Record<string, { columns: Prisma.Sql[]; values: (row: RegistrationSortKey) => string[] }>;

/**
 * The list's order as ORDER BY, and the condition for the rows that come
 * after a given one in it: keyset pagination for any sort.
 */
export function registrationOrderSql(filters: RegistrationFilters): {
  orderBy: Prisma.Sql;
  after: (row: RegistrationSortKey) => Prisma.Sql;
} {
  const direction = Prisma.raw(filters.desc ? "DESC" : "ASC");
  const beyond = Prisma.raw(filters.desc ? "<" : ">");
  if (!filters.sort || filters.sort === "number") {
    return {
      orderBy: Prisma.sql`r.number ${direction}`,
      after: (row) => Prisma.sql`r.number ${beyond} ${row.number}`,
    };
  }
  const { columns, values } = SORT_COLUMNS[filters.sort];
  const key = Prisma.join(columns);
  return {
    orderBy: Prisma.sql`${Prisma.join(columns.map((column) => Prisma.sql`${column} ${direction}`))}, r.number ASC`,
    after: (row) => {
      const last = Prisma.join(values(row));
      return Prisma.sql`((${key}) ${beyond} (${last}) OR ((${key}) = (${last}) AND r.number > ${row.number}))`;
    },
  };
}
