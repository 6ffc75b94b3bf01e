import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eventPage } from "./event-page";
import { BENCH_ADMIN, exportsBench } from "./exports";
import { letters } from "./letters";
import { registrationRush } from "./registration-rush";
import { staffSearch } from "./staff-search";
import { startUp } from "./start-up";
import { type KattooServer, startKattoo } from "./support/kattoo-server";
import { startSmtpSink } from "./support/smtp-sink";
import type { BenchRow } from "./support/stats";

// `npm run bench [-- <name>…]`: runs the benchmarks against a fresh Kattoo
// (production build, embedded PostgreSQL unless BENCH_DATABASE_URL), prints
// one table and writes it to tests/bench/results/<date>.json. Every figure is
// the median of several runs, next to a baseline measured in the same run.

const benchmarks = {
  registration: registrationRush,
  "event-page": eventPage,
  "staff-search": staffSearch,
  "start-up": startUp,
  letters: (server: KattooServer, log: (line: string) => void) => letters(server, smtp, log),
  exports: exportsBench,
} as const;

type Name = keyof typeof benchmarks;

const requested = process.argv.slice(2).filter((name) => !name.startsWith("-"));
const unknown = requested.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Known: ${Object.keys(benchmarks).join(", ")}.`);
  process.exit(2);
}
const names = (requested.length > 0 ? requested : Object.keys(benchmarks)) as Name[];
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

// The server's letters go to an SMTP server that accepts everything, in a
// process of its own: the letters benchmark counts what arrives there, and a
// rush's letters cost what they cost a deployed server.
const smtp = await startSmtpSink();
log("Starting Kattoo (production build, fresh database)…");
const server = await startKattoo({
  // Another checkout's benchmark may hold the default port.
  port: Number(process.env.BENCH_PORT ?? 3200),
  // The outbox worker runs, as `npm start` runs it: a rush's letters are
  // rendered while it lasts, and the figures say what a user's server does.
  env: {
    REGISTRATION_RATE_LIMIT: "100000000",
    REGISTRATION_EVENT_RATE_LIMIT: "100000000",
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    SMTP_URL: smtp.url,
  },
});
// The server runs in a process group of its own: Ctrl+C stops it here.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log("Stopping…");
    void Promise.all([server.stop(), smtp.close()]).finally(() => process.exit(130));
  });
}
// The benchmarks prepare their data through the app's own modules.
process.env.DATABASE_URL = server.databaseUrl;
process.env.APP_SECRET = server.secret;

const format = (value: number | undefined) =>
  value === undefined ? "" : value >= 100 ? value.toFixed(0) : value.toFixed(value >= 10 ? 1 : 2);

const rows: BenchRow[] = [];
try {
  for (const name of names) {
    // One benchmark failing does not lose the others' figures.
    try {
      const measured = await benchmarks[name](server, log);
      console.table(measured.map(tableRow));
      rows.push(...measured);
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await server.stop();
  await smtp.close();
}

function tableRow(row: BenchRow) {
  return {
    benchmark: row.benchmark,
    figure: row.figure,
    kattoo: `${format(row.kattoo.median)} (${format(row.kattoo.min)}–${format(row.kattoo.max)})`,
    baseline: row.baseline
      ? `${format(row.baseline.median)} (${format(row.baseline.min)}–${format(row.baseline.max)})`
      : "",
    ratio: format(row.ratio),
    target: row.target ?? "",
    met: row.met === undefined ? "" : row.met ? "yes" : "NO",
  };
}

console.table(rows.map(tableRow));

const directory = path.join(import.meta.dirname, "results");
await mkdir(directory, { recursive: true });
const file = path.join(directory, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
await writeFile(file, `${JSON.stringify({ date: new Date().toISOString(), rows }, null, 2)}\n`);
log(`Results written to ${path.relative(process.cwd(), file)}`);
process.exit(0);
