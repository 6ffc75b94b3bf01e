import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import type { ExportOptions } from "@/lib/exports/schema";
import type { RegistrationFilters } from "@/lib/registrations/filters";

/**
 * Before an export's first byte: the audit entry (it carries personal data
 * out) with its filters, format, columns and row count, none of them personal;
 * and the choices, remembered for the staff member's next export.
 */
export async function recordExport({
  eventId,
  filters,
  options,
  rowCount,
  actor,
}: {
  eventId: string;
  filters: RegistrationFilters;
  options: ExportOptions;
  rowCount: number;
  actor: Actor & { staffId: string };
}) {
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actor,
      action: "registrations.exported",
      entityType: "event",
      entityId: eventId,
      eventId,
      data: { filters, format: options.format, columns: options.columns, rowCount },
    });
    await tx.staffUser.update({ where: { id: actor.staffId }, data: { exportPreferences: options } });
  });
}
