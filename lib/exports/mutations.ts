import "server-only";
import { type Actor, recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { type ExportOptions, preferencesOf } from "@/lib/exports/schema";
import type { RegistrationFilters } from "@/lib/registrations/filters";

/**
 * Before an export's first byte: the audit entry (it carries personal data
 * out) with its filters, format, columns (the questions' by id) and row
 * count, none of them personal; and the choices, remembered for the staff
 * member's next export of this event's or another's registrations.
 */
export async function recordExport({
  eventId,
  filters,
  options,
  questionIds,
  rowCount,
  actor,
}: {
  eventId: string;
  filters: RegistrationFilters;
  options: ExportOptions;
  /** The event's questions, those left out included. */
  questionIds: readonly string[];
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
      data: {
        filters,
        format: options.format,
        columns: options.columns,
        questions: options.questionIds,
        rowCount,
      },
    });
    await tx.staffUser.update({
      where: { id: actor.staffId },
      data: { exportPreferences: preferencesOf(options, questionIds) },
    });
  });
}
