import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { OutboxStatus, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { getDatabaseFigures } from "@/lib/metrics/data";

// GET /api/metrics. This process counts two things itself: how long each
// entry point takes, and how often a rate limit refuses one; Node's own
// figures (memory, event loop, CPU) come with prom-client. What the database
// knows (letters, registrations, the worker's heartbeat, backups) is read at
// scrape time instead (lib/metrics/data.ts), so that every instance reports
// the same figures and the worker, another process, needs no port of its
// own. Kept on globalThis: development's hot reloads re-run this module, and
// a metric registered twice throws.
//
// An age that cannot be told (no backup ever taken, no heartbeat ever
// written) is +Inf, so that "older than" alerts fire on it.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kattoo_" });
  const registers = [registry];
  return {
    registry,
    requestDuration: new Histogram({
      name: "kattoo_request_duration_seconds",
      help: "Time an entry point (server action or route handler) took, by its name.",
      labelNames: ["entry"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: "kattoo_rate_limit_refusals_total",
      help: "Requests a rate limit refused (an action's rate_limited answer, a 429), by entry point.",
      labelNames: ["entry"] as const,
      registers,
    }),
    letters: new Gauge({
      name: "kattoo_outbox_letters",
      help: "Letters in the outbox by status: QUEUED and SENDING wait, SENT went, FAILED gave up.",
      labelNames: ["status"] as const,
      registers,
    }),
    oldestWaitingLetterAge: new Gauge({
      name: "kattoo_outbox_oldest_waiting_letter_age_seconds",
      help: "Since the oldest letter still waiting to go (queued or being sent) was queued; 0 when none waits.",
      registers,
    }),
    workerHeartbeatAge: new Gauge({
      name: "kattoo_worker_heartbeat_age_seconds",
      help: "Since any outbox worker last wrote its heartbeat (every 30 s while it runs).",
      registers,
    }),
    registrations: new Gauge({
      name: "kattoo_registrations",
      help: "Registrations of every event by status.",
      labelNames: ["status"] as const,
      registers,
    }),
    lastBackupAge: new Gauge({
      name: "kattoo_backup_last_success_age_seconds",
      help: "Since the last backup that worked was started.",
      registers,
    }),
    lastBackupFailed: new Gauge({
      name: "kattoo_backup_last_attempt_failed",
      help: "1 when the latest backup attempt failed, 0 when it worked or none was made.",
      registers,
    }),
    poolConnections: new Gauge({
      name: "kattoo_database_pool_connections",
      help: "This process's database pool: connections open (total), idle, and callers waiting for one.",
      labelNames: ["state"] as const,
      registers,
    }),
  };
}

const key = Symbol.for("kattoo.metrics");
const holder = globalThis as unknown as { [key]?: ReturnType<typeof createMetrics> };

function processMetrics() {
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

const secondsSince = (at: Date | undefined, now: Date) =>
  at ? Math.max(0, (now.getTime() - at.getTime()) / 1000) : Number.POSITIVE_INFINITY;

/** Every metric in the Prometheus text format, the database's read now. */
export async function scrapeMetrics(): Promise<{ contentType: string; text: string }> {
  const metrics = processMetrics();
  const figures = await getDatabaseFigures();
  const now = new Date();
  for (const status of Object.values(OutboxStatus)) {
    metrics.letters.set({ status }, figures.lettersByStatus.get(status) ?? 0);
  }
  for (const status of Object.values(RegistrationStatus)) {
    metrics.registrations.set({ status }, figures.registrationsByStatus.get(status) ?? 0);
  }
  metrics.oldestWaitingLetterAge.set(
    figures.oldestWaitingLetterAt ? secondsSince(figures.oldestWaitingLetterAt, now) : 0,
  );
  metrics.workerHeartbeatAge.set(secondsSince(figures.lastHeartbeatAt, now));
  metrics.lastBackupAge.set(secondsSince(figures.lastBackupAt, now));
  metrics.lastBackupFailed.set(figures.lastBackupFailed ? 1 : 0);
  if (figures.pool) {
    metrics.poolConnections.set({ state: "total" }, figures.pool.total);
    metrics.poolConnections.set({ state: "idle" }, figures.pool.idle);
    metrics.poolConnections.set({ state: "waiting" }, figures.pool.waiting);
  }
  return { contentType: metrics.registry.contentType, text: await metrics.registry.metrics() };
}
