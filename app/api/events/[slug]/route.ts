import { jsonError } from "@/lib/api/json";
import { eventSummaryForApi } from "@/lib/events/api";
import { getPublicEvent } from "@/lib/events/data";

export const dynamic = "force-dynamic";

/** Public details of an event and its seats left. Cached for a few seconds at most. */
export async function GET(_request: Request, { params }: RouteContext<"/api/events/[slug]">) {
  const { slug } = await params;
  const event = await getPublicEvent({ slug });
  if (!event) return jsonError(404, "not_found");
  return Response.json(eventSummaryForApi(event), {
    headers: { "Cache-Control": "public, max-age=5, stale-while-revalidate=5" },
  });
}
