import "server-only";
import { errorFields, getLogger } from "@/lib/logging/logger";
import { anonymizeExpiredRegistrations } from "@/lib/privacy/mutations";

const HOUR_MS = 3_600_000;

/**
 * Runs the retention job in the worker at start and then every hour. The job
 * is idempotent, so a restart or a second worker does no harm.
 */
export function startRetentionJob({ everyMs = HOUR_MS }: { everyMs?: number } = {}) {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    running = anonymizeExpiredRegistrations()
      .then((count) => {
        if (count > 0) getLogger().info({ count }, "retention: registrations anonymized");
      })
      .catch((error: unknown) => {
        getLogger().error({ error: errorFields(error) }, "retention job failed");
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
