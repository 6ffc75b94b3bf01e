import { existsSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

// The one place that reads process.env (STYLE.md, habit 7). Parsed on first
// use, not at import, so `next build` needs no runtime configuration.

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Unset: Kattoo starts its own PostgreSQL in KATTOO_DATA_DIR. */
  DATABASE_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** Where the embedded database and local secrets live. */
  KATTOO_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data")),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
  /**
   * How many reverse proxies of ours stand in front of the app
   * (lib/http/client-address.ts). 0, the default, fits `npm start` reached
   * directly; behind nginx, 1.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Registrations accepted per client address in ten minutes. */
  REGISTRATION_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  /** Registrations accepted per event in an hour, from all addresses together. */
  REGISTRATION_EVENT_RATE_LIMIT: z.coerce.number().int().min(1).default(2000),
  /** The public address used in links inside letters. */
  APP_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  /**
   * Signs participants' management links (and, later, staff sessions). Every
   * instance must share it; `npm start` generates one into KATTOO_DATA_DIR
   * when it is unset. Changing it invalidates every link already sent.
   */
  APP_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32).optional()),
  /** smtp://user:password@host:587 or smtps://…; unset, letters go to the local mailbox. */
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^smtps?$/ }).optional()),
  /** The sender of every letter; replies go to the event's contact address. */
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default("Kattoo <no-reply@kattoo.local>")),
  /** Whether `npm start` runs the outbox worker itself ("inline") or leaves it to `npm run worker` ("off"). */
  OUTBOX_WORKER: z.enum(["inline", "off"]).default("inline"),
  /** The first delay before a failed letter is tried again; it doubles with each attempt. */
  OUTBOX_RETRY_BASE_SECONDS: z.coerce.number().positive().default(30),
  /** How long before the first day confirmed participants get their reminder. */
  REMINDER_HOURS_BEFORE: z.coerce.number().int().min(1).default(48),
  /** The time of day, UTC, of the worker's daily backup (embedded database only). */
  BACKUP_AT: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "HH:MM, 00:00 to 23:59")
    .default("03:00"),
  /** How many daily backups the worker keeps in KATTOO_DATA_DIR/backups. */
  BACKUP_KEEP: z.coerce.number().int().min(1).default(14),
  /** "true": admins must set up a second factor (TOTP) before they can do anything else. */
  REQUIRE_ADMIN_SECOND_FACTOR: z.stringbool().default(false),
  /** How much the server and the worker log; unset: info in production, debug in development, nothing in tests. */
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  ),
  /** The bearer token GET /api/metrics asks for; unset, the address answers 404. */
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
  /** The first admin account, created by the seed when no staff exists. */
  ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().default("admin@kattoo.local")),
  ADMIN_PASSWORD: optionalString,
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function getEnv(): Env {
  if (parsed) return parsed;
  // A local .env fills in what the environment leaves unset (Next.js reads
  // it too; the command-line tools need it as well).
  if (existsSync(".env")) process.loadEnvFile(".env");
  const result = envSchema.safeParse(process.env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  parsed = result.data;
  return parsed;
}

export function dataDirectory(): string {
  return path.resolve(getEnv().KATTOO_DATA_DIR);
}

export function appUrl(): string {
  const env = getEnv();
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

export function appSecret(): string {
  const secret = getEnv().APP_SECRET;
  if (!secret) throw new Error("APP_SECRET is not set: start Kattoo with `npm start`.");
  return secret;
}

/**
 * The server's database; the launcher sets it before the app starts. Read
 * afresh, not from the cached environment: command-line tools set it once
 * they have started (or found) the embedded database.
 */
export function databaseUrl(): string {
  const url = envSchema.shape.DATABASE_URL.parse(process.env.DATABASE_URL);
  if (!url) throw new Error("DATABASE_URL is not set: start Kattoo with `npm start`.");
  return url;
}
