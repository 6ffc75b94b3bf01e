import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { type RegistrationFilters, readAnswerFilter, registrationOrder } from "@/lib/registrations/filters";
import { foldForSearch } from "@/lib/registrations/search";

// The list's filters (registrationWhere in filters.ts) as SQL over
// `registration r`, and its order (registrationOrder) turned into SQL, for
// reads too large for Prisma's models: an export reads a hundred thousand
// rows, and Prisma's mapping of each one cost more than the query. Apart from
// filters.ts because the list's client component imports that file, and
// Prisma's SQL builder is server code. tests/integration/exports.test.ts
// holds both to the same rows in the same order, for every filter and sort.

export function registrationWhereSql(eventId: string, filters: RegistrationFilters): Prisma.Sql {
  const conditions = [Prisma.sql`r.event_id = ${eventId}::uuid`];
  if (filters.status) conditions.push(Prisma.sql`r.status = ${filters.status}::"RegistrationStatus"`);
  if (filters.category) conditions.push(Prisma.sql`r.category = ${filters.category}::"ParticipantCategory"`);
  if (filters.region) conditions.push(Prisma.sql`r.region = ${filters.region}`);
  if (filters.gender) conditions.push(Prisma.sql`r.gender = ${filters.gender}::"Gender"`);
  if (filters.day) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT FROM attendance a WHERE a.registration_id = r.id AND a.event_day_id = ${filters.day}::uuid)`,
    );
  }
  const answer = readAnswerFilter(filters.answer);
  if (answer?.value === "yes" || answer?.value === "no") {
    conditions.push(
      Prisma.sql`EXISTS (SELECT FROM registration_answer ra WHERE ra.registration_id = r.id AND ra.question_id = ${answer.questionId}::uuid AND ra.boolean_value = ${answer.value === "yes"})`,
    );
  } else if (answer) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT FROM registration_answer_option ao WHERE ao.registration_id = r.id AND ao.question_id = ${answer.questionId}::uuid AND ao.option_id = ${answer.value}::uuid)`,
    );
  }
  // As Prisma's `contains` does: the typed % and _ are wildcards there too.
  if (filters.q) conditions.push(Prisma.sql`r.search_text LIKE ${`%${foldForSearch(filters.q)}%`}`);
  return Prisma.join(conditions, " AND ");
}

/** A field of the list's order as its column: lastName is r.last_name. */
function column(field: string): Prisma.Sql {
  return Prisma.raw(`r.${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`);
}

/**
 * The list's order (registrationOrder: its columns, then the arrival number,
 * all in one direction) as ORDER BY, and the rows that come after a given
 * one in it, by a row comparison: keyset pagination for any sort.
 */
export function registrationOrderSql(filters: RegistrationFilters): {
  orderBy: Prisma.Sql;
  after: (row: Record<string, unknown>) => Prisma.Sql;
} {
  const order = registrationOrder(filters);
  const fields = order.flatMap((entry) => Object.keys(entry));
  const ascending = order.every((entry) => Object.values(entry).every((direction) => direction === "asc"));
  const direction = Prisma.raw(ascending ? "ASC" : "DESC");
  const columns = Prisma.join(fields.map(column));
  return {
    orderBy: Prisma.join(fields.map((field) => Prisma.sql`${column(field)} ${direction}`)),
    after: (row) =>
      Prisma.sql`(${columns}) ${Prisma.raw(ascending ? ">" : "<")} (${Prisma.join(fields.map((field) => row[field]))})`,
  };
}
