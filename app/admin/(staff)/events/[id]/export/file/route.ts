import { getLocale } from "next-intl/server";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { zonedParts } from "@/lib/events/rules";
import { countExportRows, getEventForExport } from "@/lib/exports/data";
import { exportLabels } from "@/lib/exports/labels";
import { recordExport } from "@/lib/exports/mutations";
import { exportFileName, parseExportOptions } from "@/lib/exports/schema";
import { exportStream } from "@/lib/exports/stream";
import type { Locale } from "@/lib/i18n/routing";
import { getChoiceQuestions, getEventRegions } from "@/lib/questions/data";
import { parseRegistrationFilters } from "@/lib/registrations/filters";

export const dynamic = "force-dynamic";

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * An event's registrations as .xlsx or CSV, with the list's filters from the
 * query (`status`, `category`, `q`, …) and `format`, `separator`, `columns`.
 * Streamed; X-Export-Rows tells the page how many rows to expect.
 */
export const GET = eventRoute({
  name: "admin.events.export.file",
  params: z.object({ id: z.uuid() }),
  // Both drop what they do not know, as the list's own links do.
  query: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  event: ({ params }) => ({ event: params.id }),
  permission: "event.exports",
  run: async ({ params, query, staff }) => {
    const event = await getEventForExport({ id: params.id });
    if (!event) return jsonError(404, "not_found");
    const filters = parseRegistrationFilters(query, {
      questions: await getChoiceQuestions({ eventId: event.id }),
    });
    // A question column is one of the event's questions.
    const questionIds = event.questions.map((question) => question.id);
    const options = parseExportOptions(query, questionIds);
    const rowCount = await countExportRows({ eventId: event.id, filters });
    await recordExport({
      eventId: event.id,
      filters,
      options,
      questionIds,
      rowCount,
      actor: { type: "STAFF", staffId: staff.id },
    });
    const file = exportFileName({
      slug: event.slug,
      date: zonedParts(new Date(), event.timeZone).date,
      format: options.format,
    });
    const locale = (await getLocale()) as Locale;
    const regions = await getEventRegions({ eventId: event.id });
    return new Response(exportStream({ event, filters, options, labels: exportLabels(locale, regions) }), {
      headers: {
        "Content-Type": CONTENT_TYPES[options.format],
        "Content-Disposition": `attachment; filename="${file}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Export-Rows": String(rowCount),
      },
    });
  },
});
