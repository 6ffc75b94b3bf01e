import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { zonedParts } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import { getEventForExport } from "@/lib/exports/data";
import { exportFileName } from "@/lib/exports/schema";
import type { Locale } from "@/lib/i18n/routing";
import { listEventLogoFiles } from "@/lib/images/data";
import { getOutcomeParticipants, getResponseSheets } from "@/lib/outcomes/data";
import { eventOutcomes, logframeIndicators } from "@/lib/outcomes/rules";
import { getAnswerStatistics, getEventStatistics } from "@/lib/statistics/data";
import { statisticsLabels } from "@/lib/statistics/labels";
import {
  answerTables,
  budgetTables,
  indicatorHead,
  indicatorNumber,
  indicatorRows,
  outcomeChartTables,
  responseSheet,
  statisticsTables,
} from "@/lib/statistics/tables";
import { statisticsWorkbook } from "@/lib/statistics/workbook";
import { getEventBudget } from "@/lib/travel/data";

export const dynamic = "force-dynamic";

/**
 * The statistics page's figures as an .xlsx file: the counts, the outcomes'
 * scores, gains and ratings, the budget's nights, trips and per-diem where
 * the event has logistics, the logframe indicators, and a sheet per outcome
 * instrument with a row per response.
 * Names and free-text answers only for a reader with `event.contacts`
 * (docs/decisions/043-outcome-reports.md): a viewer's file has neither.
 */
export const GET = eventRoute({
  name: "admin.events.statistics.file",
  params: z.object({ id: z.uuid() }),
  event: ({ params }) => ({ event: params.id }),
  permission: "event.statistics",
  run: async ({ params, access }) => {
    const event = await getEventForExport({ id: params.id });
    if (!event) return jsonError(404, "not_found");
    const t = await getTranslations("admin.statistics");
    const locale = (await getLocale()) as Locale;
    const labels = await statisticsLabels();
    const to = await getTranslations("outcomes");
    const [statistics, answers, outcomeData, responses, budget, logos] = await Promise.all([
      getEventStatistics({ eventId: event.id }),
      getAnswerStatistics({ eventId: event.id }),
      getOutcomeParticipants({ eventId: event.id }),
      getResponseSheets({ eventId: event.id, personal: access.permissions.has("event.contacts") }),
      getEventBudget({ eventId: event.id }),
      listEventLogoFiles({ eventId: event.id }),
    ]);
    const outcomes = eventOutcomes(outcomeData.people, outcomeData.threshold);
    const indicators = logframeIndicators(outcomes, outcomeData.anonymousRatings);
    const indicatorSheet = {
      name: t("outcomes.indicatorsSheet"),
      note: t("outcomes.indicatorsNote"),
      head: indicatorHead(labels),
      rows: indicatorRows(indicators, labels, (_, figure) => indicatorNumber(figure)).map((row) => [
        row.name,
        ...row.cells,
      ]),
    };
    const file = await statisticsWorkbook({
      title: `${localize(event.title, locale)} — ${t("title")}`,
      sheetName: t("title"),
      tables: [
        ...statisticsTables(statistics, labels),
        ...answerTables(answers, labels).flatMap((question) => [question.answers, question.bySector]),
        ...(responses.length > 0
          ? outcomeChartTables(
              { outcomes, people: outcomeData.people, anonymousRatings: outcomeData.anonymousRatings },
              labels,
            )
          : []),
        ...(budget ? budgetTables(budget, labels) : []),
      ],
      totalLabel: t("total"),
      logos,
      sheets:
        responses.length > 0
          ? [
              indicatorSheet,
              ...responses.map((sheet) => responseSheet(sheet, to(`title.${sheet.kind}`), labels)),
            ]
          : [],
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
