import { publicRoute } from "@/lib/entry-points/route";
import { getEnv } from "@/lib/env";
import { checkDatabase, getOutboxProgress } from "@/lib/health/data";
import { workerState } from "@/lib/health/rules";

export const dynamic = "force-dynamic";

const secondsSince = (at: Date | undefined, now: Date) =>
  at ? Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000)) : null;

/**
 * 200 while the database answers and the outbox worker is alive (or just
 * starting, or run elsewhere); 503 otherwise, so that a monitor notices a
 * stuck worker as well as a lost database.
 */
export const GET = publicRoute({
  name: "api.health",
  run: async () => {
    const headers = { "Cache-Control": "no-store" };
    const db = await checkDatabase();
    if (!db) return Response.json({ status: "error", db: "error" }, { status: 503, headers });
    const now = new Date();
    const { lastHeartbeatAt, oldestWaitingLetterAt } = await getOutboxProgress();
    const worker = workerState({
      lastHeartbeatAt,
      serverStartedAt: new Date(now.getTime() - process.uptime() * 1000),
      now,
      outboxWorker: getEnv().OUTBOX_WORKER,
    });
    const ok = worker !== "silent";
    return Response.json(
      {
        status: ok ? "ok" : "error",
        db: "ok",
        worker: { state: worker, secondsSinceHeartbeat: secondsSince(lastHeartbeatAt, now) },
        outbox: { oldestWaitingLetterAgeSeconds: secondsSince(oldestWaitingLetterAt, now) },
      },
      { status: ok ? 200 : 503, headers },
    );
  },
});
