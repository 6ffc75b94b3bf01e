import { type ChildProcess, spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// A fresh Kattoo for a benchmark: `npm start` on its own port and its own
// embedded database (or BENCH_DATABASE_URL), production build.

export type KattooServer = Awaited<ReturnType<typeof startKattoo>>;

/** The server's APP_SECRET, shared with the benchmark so that it can sign a staff session. */
const BENCH_SECRET = "benchmark-secret-benchmark-secret-0123456789";

export async function startKattoo({
  port,
  env = {},
  dataDir: existing,
}: {
  port: number;
  env?: Record<string, string>;
  /** A data folder to start on (and keep); by default a fresh one, removed on stop. */
  dataDir?: string;
}) {
  const url = `http://127.0.0.1:${port}`;
  const healthy = () =>
    fetch(`${url}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
  if (await healthy())
    throw new Error(`Something already answers on port ${port}: stop it, or set BENCH_PORT.`);
  const dataDir = existing ?? (await mkdtemp(path.join(tmpdir(), "kattoo-bench-")));
  // As root, PostgreSQL runs as "postgres", which must reach the folder.
  await chmod(dataDir, 0o755);
  const childEnv = {
    ...process.env,
    KATTOO_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    APP_SECRET: BENCH_SECRET,
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
    ...env,
  };
  const child = spawnNpm(["start", "--silent"], childEnv);
  const deadline = Date.now() + 300_000;
  while (!(await healthy())) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error("Kattoo did not start for the benchmark.");
    await sleep(50);
  }
  const databaseUrl =
    process.env.BENCH_DATABASE_URL ??
    (JSON.parse(await readFile(path.join(dataDir, "kattoo.lock"), "utf8")) as { databaseUrl: string })
      .databaseUrl;
  return {
    url,
    databaseUrl,
    secret: BENCH_SECRET,
    dataDir,
    pid: child.pid,
    /** One more outbox worker, as `npm run worker` runs it beside the server. */
    startWorker: () => {
      const worker = spawnNpm(["run", "worker", "--silent"], { ...childEnv, DATABASE_URL: databaseUrl });
      return { stop: () => stopGroup(worker) };
    },
    stop: async () => {
      await stopGroup(child);
      if (!existing) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function spawnNpm(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn("npm", args, {
    env,
    // Its banner and log lines are not read: a pipe nobody empties would block it once full.
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
}

/** As Ctrl+C does: SIGINT to the whole group (PostgreSQL's fast shutdown; SIGTERM would ask it for a smart one, which waits for idle clients). */
async function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  if (child.pid) process.kill(-child.pid, "SIGINT");
  await exited;
}
