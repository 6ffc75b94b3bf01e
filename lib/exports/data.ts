import "server-only";
import { db } from "@/lib/db";
import type { ExportRow } from "@/lib/exports/cells";
import { type ExportOptions, exportOptionsSchema } from "@/lib/exports/schema";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegistrationFilters } from "@/lib/registrations/filters";
import { registrationOrderSql, registrationWhereSql } from "@/lib/registrations/filters-sql";

/** The rows an export will hold: the registrations list's own filters. */
export async function countExportRows({
  eventId,
  filters,
}: {
  eventId: string;
  filters: RegistrationFilters;
}) {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM registration r WHERE ${registrationWhereSql(eventId, filters)}`;
  return row?.count ?? 0;
}

/**
 * The filtered registrations in the list's order, a batch at a time, so an
 * export holds two batches in memory at most, whatever its size (the one
 * written and the one read ahead). Keyset pagination: each
 * batch starts after the last row of the one before, never with OFFSET. One
 * statement per batch, in SQL rather than through Prisma's models, whose
 * mapping of each row cost more than the query: the days attended come
 * aggregated, and the time of registration comes as the wall clock of the
 * event's zone, to the minute.
 */
export async function* registrationBatches({
  event,
  filters,
  batchSize = 5000,
}: {
  event: { id: string; timeZone: string };
  filters: RegistrationFilters;
  batchSize?: number;
}): AsyncGenerator<ExportRow[]> {
  const where = registrationWhereSql(event.id, filters);
  const order = registrationOrderSql(filters);
  const read = (after: Prisma.Sql) => db.$queryRaw<ExportRow[]>`
    SELECT r.number, r.status, r.category, r.region, r.gender, r.last_name AS "lastName",
      r.first_name AS "firstName", r.patronymic, r.organization, r.position, r.email, r.phone,
      r.needs_accommodation AS "needsAccommodation", r.dietary_needs AS "dietaryNeeds",
      r.accessibility_needs AS "accessibilityNeeds",
      date_trunc('minute', r.created_at AT TIME ZONE ${event.timeZone}) AS "createdAt",
      ARRAY(SELECT a.event_day_id::text FROM attendance a WHERE a.registration_id = r.id) AS "attendedDayIds"
    FROM registration r
    WHERE ${where} AND ${after}
    ORDER BY ${order.orderBy}
    LIMIT ${batchSize}`;
  let next = read(Prisma.sql`TRUE`);
  try {
    for (;;) {
      const rows = await next;
      const last = rows.at(-1);
      const more = last !== undefined && rows.length === batchSize;
      // The database reads the next batch while this one is written out.
      if (more) next = read(order.after(last));
      if (last) yield rows;
      if (!more) return;
    }
  } finally {
    // A reader gone early: nobody waits for the batch read ahead.
    next.catch(() => {});
  }
}

/** What an export needs of its event: slug, zone and days. */
export function getEventForExport({ id }: { id: string }) {
  return db.event.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      timeZone: true,
      days: { orderBy: { startsAt: "asc" }, select: { id: true, date: true } },
    },
  });
}

export type ExportEvent = NonNullable<Awaited<ReturnType<typeof getEventForExport>>>;

/** The export page's last choices of a staff member, or the defaults. */
export async function getExportPreferences({ staffId }: { staffId: string }): Promise<ExportOptions> {
  const staff = await db.staffUser.findUnique({
    where: { id: staffId },
    select: { exportPreferences: true },
  });
  return exportOptionsSchema.parse(staff?.exportPreferences ?? {});
}
