import { chmod, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { startKattoo } from "./support/kattoo-server";
import { type BenchRow, measured, repeat } from "./support/stats";

// 6. Start-up: from `npm start` to the first 200 on /api/health, cold (empty
// data folder: initdb, migrations, seed) and warm (build and data present),
// and the resident memory of the app and of PostgreSQL when idle. Baseline:
// the embedded PostgreSQL alone starting on the same folders, the floor any
// start of Kattoo on its own database stands on.

const RUNS = 3;
const PORT = 3210;

async function timeStart(dataDir: string) {
  const started = performance.now();
  // Its own embedded database: not the one the other benchmarks share.
  const server = await startKattoo({ port: PORT, dataDir, env: { DATABASE_URL: "" } });
  return { seconds: (performance.now() - started) / 1000, server };
}

/** Resident memory of a process and all its descendants, in MiB. */
async function treeRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const own = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  const children = await readdir(`/proc/${pid}/task`).then(
    async (tasks) =>
      (
        await Promise.all(
          tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "")),
        )
      )
        .join(" ")
        .split(/\s+/)
        .filter(Boolean)
        .map(Number),
    () => [] as number[],
  );
  const sizes = await Promise.all(children.map(treeRss));
  return own + sizes.reduce((sum, size) => sum + size, 0);
}

async function freshFolder(): Promise<string> {
  const directory = await mkdtemp(path.join(tmpdir(), "kattoo-start-"));
  await chmod(directory, 0o755);
  return directory;
}

export async function startUp(_server: unknown, log: (line: string) => void): Promise<BenchRow[]> {
  const cold: number[] = [];
  const warm: number[] = [];
  const coldDatabase: number[] = [];
  const warmDatabase: number[] = [];
  const appRss: number[] = [];
  const databaseRss: number[] = [];
  await repeat(RUNS, async (i) => {
    const dataDir = await freshFolder();
    try {
      log(`start-up: cold, run ${i + 1}/${RUNS}`);
      const first = await timeStart(dataDir);
      cold.push(first.seconds);
      await first.server.stop();

      log(`start-up: warm, run ${i + 1}/${RUNS}`);
      const second = await timeStart(dataDir);
      warm.push(second.seconds);
      await sleep(5_000);
      const postmaster = Number(
        (await readFile(path.join(dataDir, "postgres", "cluster", "postmaster.pid"), "utf8")).split("\n")[0],
      );
      const database = await treeRss(postmaster);
      databaseRss.push(database);
      appRss.push((await treeRss(second.server.pid ?? 0)) - database);
      await second.server.stop();

      log(`start-up: PostgreSQL alone, run ${i + 1}/${RUNS}`);
      const alone = await freshFolder();
      let started = performance.now();
      await (await startEmbeddedPostgres({ directory: alone })).stop();
      coldDatabase.push((performance.now() - started) / 1000);
      started = performance.now();
      const again = await startEmbeddedPostgres({ directory: alone });
      warmDatabase.push((performance.now() - started) / 1000);
      await again.stop();
      await rm(alone, { recursive: true, force: true });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
  const row = (figure: string, kattoo: number[], baseline: number[]): BenchRow => ({
    benchmark: "start-up",
    figure,
    kattoo: measured(kattoo),
    baseline: measured(baseline),
    ratio: measured(baseline).median / measured(kattoo).median,
  });
  return [
    row("cold start, s (empty data folder)", cold, coldDatabase),
    row("warm start, s (build and data present)", warm, warmDatabase),
    { benchmark: "start-up", figure: "app resident memory when idle, MiB", kattoo: measured(appRss) },
    {
      benchmark: "start-up",
      figure: "PostgreSQL resident memory when idle, MiB",
      kattoo: measured(databaseRss),
    },
  ];
}
