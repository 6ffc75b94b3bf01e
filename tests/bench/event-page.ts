import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import { createTestEvent } from "../support/factories";
import { waitUntilHealthy } from "../support/health";
import { NGINX, shippedSite, startNginx } from "../support/nginx";
import type { KattooServer } from "./support/kattoo-server";
import { type BenchRow, measured, repeat } from "./support/stats";

// 2. Event page: GET /events/<slug> in Russian and in Kyrgyz at 50 concurrent
// clients. Baseline: the same HTML bytes served by a plain Node http server
// in the same run. Then the Russian page through Debian's nginx with the site
// docs/deploy.md ships, against the same nginx serving the page's bytes from
// a file. Then: how soon a registration shows in the seats left.

const CLIENTS = 50;
const SECONDS = 5;
const RUNS = 3;

type Run = { perSecond: number; p50: number; p99: number; errors: number };

async function load(url: string): Promise<Run> {
  const result = await autocannon({ url, connections: CLIENTS, duration: SECONDS });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

/**
 * Kattoo's page against a baseline serving the same bytes, each `RUNS` times
 * for SECONDS at CLIENTS: requests a second (met at `least` of the
 * baseline's), p50 and p99.
 */
async function compared({
  benchmark,
  kattooUrl,
  baselineUrl,
  baselineName,
  least,
  log,
}: {
  benchmark: string;
  kattooUrl: string;
  baselineUrl: string;
  baselineName: string;
  least: number;
  log: (line: string) => void;
}): Promise<BenchRow[]> {
  const kattoo = await repeat(RUNS, (i) => {
    log(`${benchmark}: Kattoo, run ${i + 1}/${RUNS}`);
    return load(kattooUrl);
  });
  const baseline = await repeat(RUNS, (i) => {
    log(`${benchmark}: ${baselineName}, run ${i + 1}/${RUNS}`);
    return load(baselineUrl);
  });
  const perSecond = measured(kattoo.map((run) => run.perSecond));
  const baselinePerSecond = measured(baseline.map((run) => run.perSecond));
  const latency = (figure: "p50" | "p99") => ({
    benchmark,
    figure: `${figure} ms`,
    kattoo: measured(kattoo.map((run) => run[figure])),
    baseline: measured(baseline.map((run) => run[figure])),
  });
  return [
    {
      benchmark,
      figure: "requests/s",
      kattoo: perSecond,
      baseline: baselinePerSecond,
      ratio: perSecond.median / baselinePerSecond.median,
      target: `≥ ${least} of ${baselineName}`,
      met: perSecond.median / baselinePerSecond.median >= least,
      note: `errors: ${kattoo.reduce((sum, run) => sum + run.errors, 0)}`,
    },
    latency("p50"),
    latency("p99"),
  ];
}

/** A plain Node server answering every request with the given bytes. */
async function plainServer(html: Buffer) {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": html.length });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Russian page through the shipped nginx site, and the same bytes from a file by the same nginx. */
async function throughNginx(server: KattooServer, slug: string, log: (line: string) => void) {
  if (!existsSync(NGINX)) {
    log("event page through nginx: skipped, nginx is not installed");
    return [];
  }
  const page = `/events/${slug}`;
  const html = await (await fetch(`${server.url}${page}`)).text();
  const folder = await mkdtemp(path.join(tmpdir(), "kattoo-static-"));
  // nginx's workers, not root, read it.
  await chmod(folder, 0o755);
  await writeFile(path.join(folder, "page.html"), html);
  const port = Number(new URL(server.url).port);
  const [proxied, fromFile] = [`http://127.0.0.1:${port + 10}`, `http://127.0.0.1:${port + 11}`];
  const nginx = await startNginx(
    (prefix) => `${shippedSite({ prefix, upstreams: [port], listen: port + 10 })}
  server {
    listen 127.0.0.1:${port + 11};
    location / { root ${folder}; try_files /page.html =404; default_type "text/html; charset=utf-8"; }
  }`,
  );
  try {
    await waitUntilHealthy(`${fromFile}/`, 10_000, () => readFileSync(nginx.errorLog, "utf8"));
    return await compared({
      benchmark: "event page through nginx (Russian)",
      kattooUrl: `${proxied}${page}`,
      baselineUrl: `${fromFile}/`,
      baselineName: "nginx serving a file",
      least: 0.8,
      log,
    });
  } finally {
    await nginx.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

const seatsText = (html: string) => html.match(/data-testid="seats-total"[^>]*>([^<]*)</)?.[1] ?? "";

/** Seconds from a registration's answer until the page shows one seat fewer. */
async function secondsUntilSeatsChange(server: KattooServer, slug: string): Promise<number> {
  const page = `${server.url}/events/${slug}`;
  const before = seatsText(await (await fetch(page)).text());
  const response = await fetch(`${server.url}/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      lastName: "Асанова",
      firstName: "Мээрим",
      organization: "Айыл өкмөтү",
      position: "Адис",
      category: "LOCAL_GOVERNMENT",
      region: "NARYN",
      email: `seats-${Date.now()}@example.kg`,
      phone: "+996 555 000 000",
      gender: "FEMALE",
      consent: true,
    }),
  });
  if (response.status !== 202) throw new Error(`registration answered ${response.status}`);
  const started = performance.now();
  while (seatsText(await (await fetch(page)).text()) === before) {
    if (performance.now() - started > 60_000) throw new Error("the seats shown never changed");
    await sleep(100);
  }
  return (performance.now() - started) / 1000;
}

export async function eventPage(server: KattooServer, log: (line: string) => void): Promise<BenchRow[]> {
  const event = await createTestEvent();
  const rows: BenchRow[] = [];
  for (const [language, path] of [
    ["Russian", `/events/${event.slug}`],
    ["Kyrgyz", `/ky/events/${event.slug}`],
  ] as const) {
    const url = `${server.url}${path}`;
    const html = Buffer.from(await (await fetch(url)).arrayBuffer());
    const plain = await plainServer(html);
    try {
      rows.push(
        ...(await compared({
          benchmark: `event page (${language})`,
          kattooUrl: url,
          baselineUrl: plain.url,
          baselineName: "plain Node",
          least: 0.5,
          log,
        })),
      );
    } finally {
      await plain.close();
    }
  }
  rows.push(...(await throughNginx(server, event.slug, log)));
  log("event page: how soon a registration shows in the seats left…");
  const delays = await repeat(RUNS, () => secondsUntilSeatsChange(server, event.slug));
  rows.push({
    benchmark: "event page",
    figure: "seconds until the seats shown change",
    kattoo: measured(delays),
    target: "a few seconds (≤ 5)",
    met: measured(delays).median <= 5,
  });
  return rows;
}
