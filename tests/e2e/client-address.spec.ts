import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { waitUntilHealthy } from "../support/health";
import { NGINX, startNginx } from "../support/nginx";
import { insertClosedEvent, sql } from "./database";
import { freshLoopback, postRegistration } from "./proxy-helpers";

// The client's address through the real web server (lib/cli/serve.ts), with
// forged headers: a second instance of the built app on the e2e database,
// reached directly (TRUSTED_PROXIES=0), and a third behind a real nginx
// (TRUSTED_PROXIES=1). The registration limit is 3 per address, so the
// fourth attempt from one client is refused (docs/decisions/013-client-address.md).

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100) + 20;
const LIMIT = 3;

test.describe.configure({ mode: "serial" });

let slug = "";
const stops: (() => Promise<void>)[] = [];

async function startServer(port: number, trustedProxies: number) {
  const lock = JSON.parse(readFileSync(".data/e2e/kattoo.lock", "utf8")) as { databaseUrl: string };
  const child = spawn(process.execPath, ["--import", "tsx", "lib/cli/serve.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: lock.databaseUrl,
      APP_SECRET: readFileSync(".data/e2e/app-secret", "utf8").trim(),
      TRUSTED_PROXIES: String(trustedProxies),
      REGISTRATION_RATE_LIMIT: String(LIMIT),
    },
    stdio: "ignore",
  });
  stops.push(() => stop(child));
  await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`, 60_000);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

/** A registration attempt from `localAddress` (any of 127.0.0.0/8 is this machine) with the headers given. */
function attempt(port: number, headers: Record<string, string>, localAddress = "127.0.0.1") {
  const payload = {
    lastName: "Эшимова",
    firstName: "Бермет",
    organization: "Айыл өкмөтү",
    position: "Адис",
    category: "GOVERNMENT",
    region: "NARYN",
    email: `client-${randomUUID()}@example.kg`,
    phone: "+996 555 000 111",
    gender: "FEMALE",
    consent: true,
  };
  return postRegistration({ port, slug, localAddress, payload, headers });
}

/** The statuses of LIMIT + 1 attempts, each with other forged headers. */
async function forgedBurst(port: number, localAddress = "127.0.0.1") {
  const statuses: number[] = [];
  for (let i = 1; i <= LIMIT + 1; i++) {
    statuses.push(
      await attempt(
        port,
        { "x-forwarded-for": `203.0.113.${i}, 198.51.100.${i}`, "x-kattoo-peer": `192.0.2.${i}` },
        localAddress,
      ),
    );
  }
  return statuses;
}

test.beforeAll(async () => {
  const id = await insertClosedEvent({ title: "Адрес клиента", slugPrefix: "client-address", capacity: 5 });
  const [event] = await sql<{ slug: string }>("SELECT slug FROM event WHERE id = $1", [id]);
  slug = event?.slug ?? "";
});

test.afterAll(async () => {
  for (const stopOne of stops.reverse()) await stopOne();
});

test("reached directly, forged X-Forwarded-For and peer headers get no fresh limit", async () => {
  test.setTimeout(120_000);
  const port = BASE_PORT;
  await startServer(port, 0);
  // A valid registration for an event that is closed: refused with 422 once
  // the limit has counted it, until the limit itself refuses.
  const statuses = await forgedBurst(port, freshLoopback());
  expect(statuses.slice(0, LIMIT).every((status) => status !== 429)).toBe(true);
  expect(statuses[LIMIT]).toBe(429);
  // Another machine (here another loopback address) has its own limit.
  expect(await attempt(port, {}, freshLoopback())).not.toBe(429);
});

test("behind nginx, each client is limited by the address nginx saw", async () => {
  test.skip(!existsSync(NGINX), "nginx is not installed");
  test.setTimeout(120_000);
  const [appPort, nginxPort] = [BASE_PORT + 1, BASE_PORT + 2];
  await startServer(appPort, 1);
  const nginx = await startNginx(
    () => `server {
    listen 127.0.0.1:${nginxPort};
    location / {
      proxy_pass http://127.0.0.1:${appPort};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }
  }`,
  );
  stops.push(nginx.stop);
  await waitUntilHealthy(`http://127.0.0.1:${nginxPort}/api/health`, 60_000);

  const statuses = await forgedBurst(nginxPort, freshLoopback());
  expect(statuses.slice(0, LIMIT).every((status) => status !== 429)).toBe(true);
  expect(statuses[LIMIT]).toBe(429);
  // A second client, behind the same nginx, is not held back by the first.
  expect(await attempt(nginxPort, {}, freshLoopback())).not.toBe(429);
});
