import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { publicRoute } from "@/lib/entry-points/route";
import { eventSummaryForApi } from "@/lib/events/api";
import { getPublicEvent } from "@/lib/events/data";
import { eventSlugSchema } from "@/lib/events/schema";
import { listHandouts } from "@/lib/handouts/data";
import { getProgrammeSessions } from "@/lib/programme/data";
import { getEventForm, getPlacesTaken } from "@/lib/questions/data";

export const dynamic = "force-dynamic";

/** Public details of an event, its seats left, its form (built-in fields, regions, its own questions), its programme and its public handouts. Cached for a few seconds at most. */
export const GET = publicRoute({
  name: "api.events.get",
  params: z.object({ slug: eventSlugSchema }),
  run: async ({ params }) => {
    const event = await getPublicEvent({ slug: params.slug });
    if (!event) return jsonError(404, "not_found");
    const [form, placesTaken, sessions, handouts] = await Promise.all([
      getEventForm({ eventId: event.id }),
      getPlacesTaken({ eventId: event.id }),
      getProgrammeSessions({ eventId: event.id }),
      listHandouts({ eventId: event.id, visibilities: ["PUBLIC"] }),
    ]);
    if (!form) return jsonError(404, "not_found");
    return Response.json(eventSummaryForApi({ event, form, placesTaken, sessions, handouts }), {
      headers: { "Cache-Control": "public, max-age=5, stale-while-revalidate=5" },
    });
  },
});
