import { jsonError } from "@/lib/api/json";
import { publicRoute } from "@/lib/entry-points/route";
import { getEnv } from "@/lib/env";
import { scrapeMetrics } from "@/lib/metrics/registry";
import { metricsAccess } from "@/lib/metrics/rules";

export const dynamic = "force-dynamic";

/**
 * The Prometheus text format, for a monitoring system holding METRICS_TOKEN
 * as its bearer token: 404 when the token is not set (nothing is served),
 * 401 for a missing or wrong one.
 */
export const GET = publicRoute({
  name: "api.metrics",
  run: async ({ request }) => {
    const access = metricsAccess({
      token: getEnv().METRICS_TOKEN,
      authorization: request.headers.get("authorization"),
    });
    if (access === "disabled") return jsonError(404, "not_found");
    if (access === "refused") {
      return jsonError(401, "unauthorized", {}, { headers: { "WWW-Authenticate": "Bearer" } });
    }
    const { contentType, text } = await scrapeMetrics();
    return new Response(text, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
  },
});
