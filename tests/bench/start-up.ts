import { chmod, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { processTree } from "../support/process-tree";
import { startKattoo } from "./support/kattoo-server";
import { type BenchRow, measured, repeat } from "./support/stats";

// 6. Start-up: from `npm start` to the first 200 on /api/health, cold (empty
// data folder: initdb, migrations, seed) and warm (build and data present),
// and the resident memory when idle of everything `npm start` starts (npm
// itself, and the launcher with the web server in it and its outbox worker
// thread), of Kattoo's own process (npm aside, as a service unit runs it), and of
// PostgreSQL. Target (issue 19): ≤ 300 MiB for everything Kattoo starts,
// PostgreSQL aside: its own process (the 670 MiB counted the launcher,
// web server, worker and esbuild services, not npm). Baseline:
// the embedded PostgreSQL alone starting on the same folders, the floor any
// start of Kattoo on its own database stands on.

const RUNS = 3;
const PORT = 3210;
const IDLE_AFTER_MS = 20_000;

async function timeStart(dataDir: string) {
  const started = performance.now();
  // Its own embedded database: not the one the other benchmarks share.
  const server = await startKattoo({ port: PORT, dataDir, env: { DATABASE_URL: "" } });
  return { seconds: (performance.now() - started) / 1000, server };
}

/** Resident memory of a process and all its descendants, in MiB. */
async function treeRss(pid: number): Promise<number> {
  return (await processTree(pid)).reduce((sum, process) => sum + process.rssMiB, 0);
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
  const ownRss: number[] = [];
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
      // The worker thread starts once the server answers, and loads its
      // modules after: measured once both have settled.
      await sleep(IDLE_AFTER_MS);
      const postmaster = Number(
        (await readFile(path.join(dataDir, "postgres", "cluster", "postmaster.pid"), "utf8")).split("\n")[0],
      );
      const database = await treeRss(postmaster);
      databaseRss.push(database);
      const tree = await processTree(second.server.pid ?? 0);
      const kattoo = tree.filter((member) => !/\bpostgres\b/.test(member.command));
      for (const member of kattoo)
        log(`start-up:   ${member.rssMiB.toFixed(0)} MiB  ${member.command.slice(0, 90)}`);
      appRss.push(kattoo.reduce((sum, member) => sum + member.rssMiB, 0));
      ownRss.push(
        kattoo
          .filter((member) => !/^npm|^sh -c/.test(member.command))
          .reduce((sum, member) => sum + member.rssMiB, 0),
      );
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
    {
      benchmark: "start-up",
      figure: "resident memory when idle, MiB: the same with npm, which `npm start` keeps as its parent",
      kattoo: measured(appRss),
    },
    {
      benchmark: "start-up",
      figure: "resident memory when idle, MiB: Kattoo's own process (launcher, web server, worker thread)",
      kattoo: measured(ownRss),
      target: "≤ 300",
      met: measured(ownRss).median <= 300,
    },
    {
      benchmark: "start-up",
      figure: "PostgreSQL resident memory when idle, MiB",
      kattoo: measured(databaseRss),
    },
  ];
}
