import { getLocale } from "next-intl/server";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { zonedParts } from "@/lib/events/rules";
import { countExportRows, getEventForExport } from "@/lib/exports/data";
import { exportLabels } from "@/lib/exports/labels";
import { recordExport } from "@/lib/exports/mutations";
import { exportFileName, parseExportOptions } from "@/lib/exports/schema";
import { exportStream } from "@/lib/exports/stream";
import type { Locale } from "@/lib/i18n/routing";
import { parseRegistrationFilters } from "@/lib/registrations/filters";
import { ORGANIZERS, staffOrResponse } from "@/lib/staff/require-staff";

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
export async function GET(request: Request, { params }: RouteContext<"/admin/events/[id]/export/file">) {
  const guard = await staffOrResponse(ORGANIZERS);
  if ("response" in guard) return guard.response;
  const id = z.uuid().safeParse((await params).id);
  const event = id.success ? await getEventForExport({ id: id.data }) : null;
  if (!event) return jsonError(404, "not_found");

  const query = new URL(request.url).searchParams;
  const filters = parseRegistrationFilters(query);
  const options = parseExportOptions(query);
  const rowCount = await countExportRows({ eventId: event.id, filters });
  await recordExport({
    eventId: event.id,
    filters,
    options,
    rowCount,
    actor: { type: "STAFF", staffId: guard.staff.id },
  });
  const file = exportFileName({
    slug: event.slug,
    date: zonedParts(new Date(), event.timeZone).date,
    format: options.format,
  });
  const locale = (await getLocale()) as Locale;
  return new Response(exportStream({ event, filters, options, labels: exportLabels(locale) }), {
    headers: {
      "Content-Type": CONTENT_TYPES[options.format],
      "Content-Disposition": `attachment; filename="${file}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
      "X-Export-Rows": String(rowCount),
    },
  });
}
