import "server-only";
import { db } from "@/lib/db";

/** True when the database answers within two seconds. */
export async function checkDatabase(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), 2000);
  });
  try {
    return await Promise.race([db.$queryRaw`SELECT 1`.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The last heartbeat of any outbox worker, and when the oldest letter still
 * waiting to go (queued, or claimed and being sent) was queued: what
 * /api/health and /api/metrics report of the outbox, in one round trip.
 */
export async function getOutboxProgress(): Promise<{
  lastHeartbeatAt: Date | undefined;
  oldestWaitingLetterAt: Date | undefined;
}> {
  const [row] = await db.$queryRaw<{ last_heartbeat_at: Date | null; oldest_waiting_at: Date | null }[]>`
    SELECT (SELECT max(beat_at) FROM worker_heartbeat) AS last_heartbeat_at,
           (SELECT min(created_at) FROM outbox_message WHERE status IN ('QUEUED', 'SENDING')) AS oldest_waiting_at`;
  return {
    lastHeartbeatAt: row?.last_heartbeat_at ?? undefined,
    oldestWaitingLetterAt: row?.oldest_waiting_at ?? undefined,
  };
}
