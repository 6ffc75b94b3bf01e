import "server-only";
import { type Logger, pino } from "pino";
import { getEnv } from "@/lib/env";

// One logger for the server: JSON lines on stdout, collected by whatever runs
// the process (no transports, no files). Log what happened and where (an
// entry point's name, an error's message and stack), never a request's body,
// a secret or a participant's details. Tests keep it silent, so a logged error
// is seen by the test that provokes it, not by every run. Made on first use,
// like the environment it reads: `next build` imports this module too.

const LEVELS = { production: "info", development: "debug", test: "silent" } as const;

let logger: Logger | undefined;

export function getLogger(): Logger {
  logger ??= pino({ level: LEVELS[getEnv().NODE_ENV] });
  return logger;
}

/**
 * An entry point (a server action, a route handler) that failed unexpectedly:
 * its name, the error's message and stack, never the request, which may hold
 * personal data.
 */
export function logFailure(entry: string, error: unknown) {
  const { message, stack } = error instanceof Error ? error : new Error(String(error));
  getLogger().error({ entry, error: { message, stack } }, "entry point failed");
}
