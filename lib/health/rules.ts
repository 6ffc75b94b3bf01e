// Whether the outbox worker is alive, as /api/health answers it. A worker
// writes a heartbeat each round, at most every 30 s (lib/emails/worker.ts);
// five minutes without one is a worker stopped or stuck on a letter.

export const WORKER_SILENCE_LIMIT_MS = 5 * 60_000;

/**
 * - "ok": a heartbeat within the limit;
 * - "starting": none yet, but this server started within the limit, and its
 *   worker (started once the server answers) may not have written one;
 * - "elsewhere": OUTBOX_WORKER=off, the worker runs on its own and this
 *   instance's health does not depend on it;
 * - "silent": none within the limit, where one was due: the instance is unhealthy.
 */
export type WorkerState = "ok" | "starting" | "elsewhere" | "silent";

export function workerState({
  lastHeartbeatAt,
  serverStartedAt,
  now,
  outboxWorker,
}: {
  lastHeartbeatAt: Date | undefined;
  serverStartedAt: Date;
  now: Date;
  outboxWorker: "inline" | "off";
}): WorkerState {
  const within = (at: Date) => now.getTime() - at.getTime() < WORKER_SILENCE_LIMIT_MS;
  if (lastHeartbeatAt && within(lastHeartbeatAt)) return "ok";
  if (outboxWorker === "off") return "elsewhere";
  return within(serverStartedAt) ? "starting" : "silent";
}
