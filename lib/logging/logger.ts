import { type DestinationStream, type LevelWithSilent, type Logger, pino } from "pino";
import { getEnv } from "@/lib/env";
import { currentRequest } from "@/lib/logging/request-context";

// One logger for every server process (the web server, the worker): JSON
// lines on stdout, collected by whatever runs the process (no transports, no
// files), in development too (docs/decisions/027-logs-metrics-health.md).
// Each line written while a request is handled carries its id and, once
// known, the staff account's id (lib/logging/request-context.ts). Log what
// happened and where (an entry point's name, an error's message and stack),
// never a request's body, a secret or a participant's details. Tests keep it
// silent unless LOG_LEVEL says otherwise. Made on first use, like the
// environment it reads: `next build` imports this module too.
//
// No "server-only" marker: lib/cli/serve.ts runs outside Next, as plain Node.

const DEFAULT_LEVELS = { production: "info", development: "debug", test: "silent" } as const;

// Keys that must never reach a log line, whatever object is logged by mistake.
const NEVER_LOGGED = ["password", "token", "email", "phone", "secret"].flatMap((key) => [key, `*.${key}`]);

export function createLogger({
  level,
  destination,
}: {
  level: LevelWithSilent;
  /** Standard output unless given: a test reads the lines it writes. */
  destination?: DestinationStream;
}): Logger {
  return pino(
    {
      level,
      redact: { paths: NEVER_LOGGED, censor: "[redacted]" },
      mixin: () => {
        const request = currentRequest();
        return request ? { requestId: request.requestId, staffId: request.staffId } : {};
      },
    },
    destination,
  );
}

let logger: Logger | undefined;

export function getLogger(): Logger {
  const env = getEnv();
  logger ??= createLogger({ level: env.LOG_LEVEL ?? DEFAULT_LEVELS[env.NODE_ENV] });
  return logger;
}

/**
 * An entry point (a server action, a route handler) that failed unexpectedly:
 * its name, the error's message and stack, never the request, which may hold
 * personal data.
 */
export function logFailure(entry: string, error: unknown) {
  getLogger().error({ entry, error: errorFields(error) }, "entry point failed");
}

/** What a log line keeps of an error: its message and stack, no attached data. */
export function errorFields(error: unknown): { message: string; stack?: string } {
  const { message, stack } = error instanceof Error ? error : new Error(String(error));
  return { message, stack };
}
