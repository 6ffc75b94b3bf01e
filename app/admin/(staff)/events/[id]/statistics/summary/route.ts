import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { zonedParts } from "@/lib/events/rules";
import { exportFileName } from "@/lib/exports/schema";
import { listEventLogoFiles } from "@/lib/images/data";
import { getOutcomeParticipants, getSummaryEvent } from "@/lib/outcomes/data";
import { renderOutcomeSummary } from "@/lib/outcomes/pdf";
import { eventOutcomes } from "@/lib/outcomes/rules";
import { statisticsLabels } from "@/lib/statistics/labels";

export const dynamic = "force-dynamic";

/** The outcomes on one A4 page for the donor report, in the staff member's language: figures only, no names. */
export const GET = eventRoute({
  name: "admin.events.statistics.summary",
  params: z.object({ id: z.uuid() }),
  event: ({ params }) => ({ event: params.id }),
  permission: "event.statistics",
  run: async ({ params }) => {
    const event = await getSummaryEvent({ eventId: params.id });
    if (!event) return jsonError(404, "not_found");
    const [data, labels, logos] = await Promise.all([
      getOutcomeParticipants({ eventId: event.id }),
      statisticsLabels(),
      listEventLogoFiles({ eventId: event.id }),
    ]);
    const now = new Date();
    const pdf = await renderOutcomeSummary({
      summary: {
        event,
        outcomes: eventOutcomes(data.people, data.threshold),
        people: data.people,
        anonymousRatings: data.anonymousRatings,
        threshold: data.threshold,
        now,
        logos,
      },
      labels,
    });
    const name = exportFileName({
      slug: event.slug,
      suffix: "outcomes",
      date: zonedParts(now, event.timeZone).date,
      format: "pdf",
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${name}"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
