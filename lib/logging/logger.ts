import "server-only";
import pino, { type Logger } from "pino";
import { getEnv } from "@/lib/env";

// One structured logger, JSON lines on stdout. Log what happened and where
// (an entry point's name, an error's message and stack), never a request's
// body, a secret or a participant's details.

let logger: Logger | undefined;

/** Made on first use, like the environment it reads (lib/env.ts). */
export function getLogger(): Logger {
  logger ??= pino({ level: getEnv().NODE_ENV === "test" ? "silent" : "info", base: undefined });
  return logger;
}
