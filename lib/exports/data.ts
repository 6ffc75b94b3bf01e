import "server-only";
import { db } from "@/lib/db";
import type { ExportRow } from "@/lib/exports/cells";
import { type ExportOptions, exportOptionsSchema } from "@/lib/exports/schema";
import { type RegistrationFilters, registrationOrder, registrationWhere } from "@/lib/registrations/filters";

/** The rows an export will hold: the registrations list's own filters. */
export function countExportRows({ eventId, filters }: { eventId: string; filters: RegistrationFilters }) {
  return db.registration.count({ where: registrationWhere(eventId, filters) });
}

/**
 * The filtered registrations in the list's order, a batch at a time, so an
 * export holds one batch in memory whatever its size. Keyset pagination: each
 * batch starts after the last row of the one before (by the unique arrival
 * number, Prisma's cursor), never with OFFSET.
 */
export async function* registrationBatches({
  eventId,
  filters,
  batchSize = 1000,
}: {
  eventId: string;
  filters: RegistrationFilters;
  batchSize?: number;
}): AsyncGenerator<ExportRow[]> {
  const where = registrationWhere(eventId, filters);
  const orderBy = registrationOrder(filters);
  let after: number | undefined;
  for (;;) {
    const rows = await db.registration.findMany({
      where,
      orderBy,
      take: batchSize,
      ...(after === undefined ? {} : { cursor: { number: after }, skip: 1 }),
      select: {
        number: true,
        status: true,
        category: true,
        region: true,
        gender: true,
        lastName: true,
        firstName: true,
        patronymic: true,
        organization: true,
        position: true,
        email: true,
        phone: true,
        needsAccommodation: true,
        dietaryNeeds: true,
        accessibilityNeeds: true,
        createdAt: true,
        attendance: { select: { eventDayId: true } },
      },
    });
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)?.number;
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
