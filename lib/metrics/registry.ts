import "server-only";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

// What this process counts itself, for GET /api/metrics: how long each entry
// point takes and how often a rate limit refuses one, and Node's own figures
// (memory, event loop, CPU). Figures the database knows (letters, registrations,
// backups) are read at scrape time instead (lib/metrics/data.ts), so that
// every instance and the worker's process report the same ones. Kept on
// globalThis: development's hot reloads re-run this module, and a metric
// registered twice throws.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kattoo_" });
  return {
    registry,
    requestDuration: new Histogram({
      name: "kattoo_request_duration_seconds",
      help: "Time an entry point (server action or route handler) took, by its name.",
      labelNames: ["entry"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    rateLimitRefusals: new Counter({
      name: "kattoo_rate_limit_refusals_total",
      help: "Requests a rate limit refused (an action's rate_limited answer, a 429), by entry point.",
      labelNames: ["entry"] as const,
      registers: [registry],
    }),
  };
}

const key = Symbol.for("kattoo.metrics");
const holder = globalThis as unknown as { [key]?: ReturnType<typeof createMetrics> };

export function processMetrics() {
  holder[key] ??= createMetrics();
  return holder[key];
}

/** One call of an entry point, from its start, and whether a rate limit refused it. */
export function recordEntryPointCall({
  entry,
  startedAt,
  rateLimited,
}: {
  entry: string;
  startedAt: number;
  rateLimited: boolean;
}) {
  const metrics = processMetrics();
  metrics.requestDuration.observe({ entry }, (performance.now() - startedAt) / 1000);
  if (rateLimited) metrics.rateLimitRefusals.inc({ entry });
}
