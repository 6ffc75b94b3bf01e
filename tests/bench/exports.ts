import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { db } from "@/lib/db";
import { insertRegistrations } from "../support/bulk-registrations";
import { createTestEvent } from "../support/factories";
import { processTree } from "../support/process-tree";
import type { KattooServer } from "./support/kattoo-server";
import { type BenchRow, measured, repeat } from "./support/stats";

// 6. Exports: an event's 100,000 registrations exported as CSV and as .xlsx
// through the running server (signed in as an admin), timed from the request
// to the last byte, three runs each, with the web server's peak resident
// memory during the export. Baseline: PostgreSQL's own COPY of the same
// columns to CSV, read through pg, in the same run. Before each of those
// runs, an export of 10,000 rows gives the memory to compare with: streamed,
// the peak should hardly grow with ten times the rows.

export const BENCH_ADMIN = { email: "bench-admin@kattoo.test", password: "bench-admin-password-long" };

const SMALL = 10_000;
const LARGE = 100_000;
const RUNS = 3;
/** Issue 9's targets, as multiples of COPY's time, and the memory growth allowed from 10,000 rows to 100,000. */
const TARGETS = { csv: 2, xlsx: 6, growthMb: 50 } as const;
const COLUMNS = `number, last_name, first_name, patronymic, organization, position, category, region, gender,
  email, phone, status, needs_accommodation, dietary_needs, accessibility_needs, created_at,
  (SELECT count(*) FROM attendance a WHERE a.registration_id = r.id) AS days_attended`;

/** Signs in through Auth.js's own endpoints; returns the session cookie. */
async function signIn(server: KattooServer): Promise<string> {
  const csrf = await fetch(`${server.url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, ...BENCH_ADMIN }),
  });
  const session = response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0] ?? "")
    .find((cookie) => cookie.includes("session-token="));
  if (!session) throw new Error("The benchmark could not sign in.");
  return session;
}

/**
 * Kattoo's own process among those `npm start` started: the launcher, which
 * serves the pages (and so the export) and runs the worker thread
 * (decision 034).
 */
async function webServerPid(rootPid: number): Promise<number> {
  const server = (await processTree(rootPid)).find(({ command }) =>
    /^node .*launch\.mjs start/.test(command),
  );
  if (!server) throw new Error("Kattoo's process was not found.");
  return server.pid;
}

async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Seconds to the last byte, and the server's peak RSS in MB meanwhile. */
async function exportThroughServer(server: KattooServer, url: string, cookie: string, pid: number) {
  let peak = await rss(pid);
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await rss(pid));
      await sleep(20);
    }
  })();
  const started = performance.now();
  const response = await fetch(`${server.url}${url}`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`Export failed: ${response.status}`);
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.byteLength;
  const seconds = (performance.now() - started) / 1000;
  running = false;
  await sampler;
  return { seconds, peakMb: peak, bytes };
}

async function copyThroughPg(databaseUrl: string, eventId: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  const stream = client.query(
    copyTo(
      `COPY (SELECT ${COLUMNS} FROM registration r WHERE event_id = '${eventId}' ORDER BY number) TO STDOUT WITH CSV HEADER`,
    ),
  );
  await pipeline(stream, new Writable({ write: (_chunk, _encoding, done) => done() }));
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return seconds;
}

/** An event with this many registrations, inserted by SQL. */
async function eventWith(size: number) {
  const event = await createTestEvent({ quotas: {} });
  await insertRegistrations((sql, params) => db.$executeRawUnsafe(sql, ...params), {
    eventId: event.id,
    count: size,
    tag: randomUUID(),
  });
  return event;
}

export async function exportsBench(
  server: KattooServer & { pid?: number },
  log: (line: string) => void,
): Promise<BenchRow[]> {
  if (!server.pid) throw new Error("The server's process id is needed.");
  const pid = await webServerPid(server.pid);
  const cookie = await signIn(server);
  const url = (eventId: string, format: "csv" | "xlsx") =>
    `/admin/events/${eventId}/export/file?format=${format}`;

  log(`exports: ${SMALL} and ${LARGE} registrations…`);
  const small = await eventWith(SMALL);
  const large = await eventWith(LARGE);
  const copy = measured(await repeat(RUNS, () => copyThroughPg(server.databaseUrl, large.id)));
  const rows: BenchRow[] = [];
  for (const format of ["csv", "xlsx"] as const) {
    // The sizes alternate so that both find the server in the same state: its
    // heap grows over its first exports, whatever their size.
    const runs = await repeat(RUNS, async (i) => {
      log(`exports: ${SMALL} then ${LARGE} rows as ${format}, run ${i + 1}/${RUNS}`);
      const before = await exportThroughServer(server, url(small.id, format), cookie, pid);
      return {
        ...(await exportThroughServer(server, url(large.id, format), cookie, pid)),
        smallPeakMb: before.peakMb,
      };
    });
    const time = measured(runs.map((run) => run.seconds));
    const peak = measured(runs.map((run) => run.peakMb));
    const smallPeak = measured(runs.map((run) => run.smallPeakMb));
    rows.push(
      {
        benchmark: "exports",
        figure: `${LARGE} rows as ${format}, s to the last byte (baseline: COPY … TO STDOUT WITH CSV)`,
        kattoo: time,
        baseline: copy,
        ratio: time.median / copy.median,
        target: `≤ ${TARGETS[format]}× COPY`,
        met: time.median <= TARGETS[format] * copy.median,
        note: `${Math.round((runs[0]?.bytes ?? 0) / 1024)} KiB`,
      },
      {
        benchmark: "exports",
        figure: `${LARGE} rows as ${format}, web server's peak RSS, MB (baseline: the same at ${SMALL} rows)`,
        kattoo: peak,
        baseline: smallPeak,
        target: `≤ ${TARGETS.growthMb} MB above the baseline`,
        met: peak.median - smallPeak.median <= TARGETS.growthMb,
      },
    );
  }
  return rows;
}
