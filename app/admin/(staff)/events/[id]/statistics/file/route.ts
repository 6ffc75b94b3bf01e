import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { zonedParts } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import { getEventForExport } from "@/lib/exports/data";
import { exportFileName } from "@/lib/exports/schema";
import type { Locale } from "@/lib/i18n/routing";
import { ORGANIZERS, staffOrResponse } from "@/lib/staff/require-staff";
import { getEventStatistics } from "@/lib/statistics/data";
import { statisticsLabels } from "@/lib/statistics/labels";
import { statisticsTables } from "@/lib/statistics/tables";
import { statisticsWorkbook } from "@/lib/statistics/workbook";

export const dynamic = "force-dynamic";

/** The statistics page's figures as an .xlsx file. Counts only: no personal data. */
export async function GET(_request: Request, { params }: RouteContext<"/admin/events/[id]/statistics/file">) {
  const guard = await staffOrResponse(ORGANIZERS);
  if ("response" in guard) return guard.response;
  const id = z.uuid().safeParse((await params).id);
  const event = id.success ? await getEventForExport({ id: id.data }) : null;
  if (!event) return jsonError(404, "not_found");
  const t = await getTranslations("admin.statistics");
  const locale = (await getLocale()) as Locale;
  const file = await statisticsWorkbook({
    title: `${localize(event.title, locale)} — ${t("title")}`,
    sheetName: t("title"),
    tables: statisticsTables(await getEventStatistics({ eventId: event.id }), await statisticsLabels()),
    totalLabel: t("total"),
  });
  const name = exportFileName({
    slug: event.slug,
    suffix: "statistics",
    date: zonedParts(new Date(), event.timeZone).date,
    format: "xlsx",
  });
  return new Response(new Uint8Array(file), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
