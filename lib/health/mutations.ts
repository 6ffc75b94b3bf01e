import "server-only";
import { db } from "@/lib/db";

/**
 * The worker `workerId` is alive now. Rows of workers gone for a day (each
 * start is a new id) are deleted on the way: two small statements, at most
 * every 30 s.
 */
export async function recordWorkerHeartbeat({ workerId }: { workerId: string }) {
  await db.$executeRaw`
    INSERT INTO worker_heartbeat (worker_id, beat_at) VALUES (${workerId}, now())
    ON CONFLICT (worker_id) DO UPDATE SET beat_at = now()`;
  await db.$executeRaw`DELETE FROM worker_heartbeat WHERE beat_at < now() - interval '1 day'`;
}
