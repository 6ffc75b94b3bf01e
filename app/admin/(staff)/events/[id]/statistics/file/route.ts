import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { zonedParts } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import { getEventForExport } from "@/lib/exports/data";
import { exportFileName } from "@/lib/exports/schema";
import type { Locale } from "@/lib/i18n/routing";
import { getAnswerStatistics, getEventStatistics } from "@/lib/statistics/data";
import { statisticsLabels } from "@/lib/statistics/labels";
import { answerTables, statisticsTables } from "@/lib/statistics/tables";
import { statisticsWorkbook } from "@/lib/statistics/workbook";

export const dynamic = "force-dynamic";

/** The statistics page's figures as an .xlsx file. Counts only: no personal data. */
export const GET = eventRoute({
  name: "admin.events.statistics.file",
  params: z.object({ id: z.uuid() }),
  event: ({ params }) => ({ event: params.id }),
  permission: "event.statistics",
  run: async ({ params }) => {
    const event = await getEventForExport({ id: params.id });
    if (!event) return jsonError(404, "not_found");
    const t = await getTranslations("admin.statistics");
    const locale = (await getLocale()) as Locale;
    const labels = await statisticsLabels();
    const [statistics, answers] = await Promise.all([
      getEventStatistics({ eventId: event.id }),
      getAnswerStatistics({ eventId: event.id }),
    ]);
    const file = await statisticsWorkbook({
      title: `${localize(event.title, locale)} — ${t("title")}`,
      sheetName: t("title"),
      tables: [
        ...statisticsTables(statistics, labels),
        ...answerTables(answers, labels).flatMap((question) => [question.answers, question.bySector]),
      ],
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
  },
});
