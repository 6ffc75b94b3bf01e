import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { waitUntilHealthy } from "../support/health";
import { NGINX, nginxConfiguration, shippedEnvironment, shippedSite, startNginx } from "../support/nginx";
import { insertEventUnderWay, sql } from "./database";
import { freshLoopback, postRegistration } from "./proxy-helpers";
import { manageLinkFromLetter } from "./registration-helpers";
import { createStaff, signIn } from "./staff-helpers";

// Kattoo deployed as docs/deploy.md says: Debian's nginx with the shipped
// site (docs/deploy/nginx-kattoo.conf, its TLS taken out) in front of two
// instances, each started by `npm start` (as kattoo.service does, through launch.mjs) with the
// shipped environment (docs/deploy/kattoo.env) on one PostgreSQL: the e2e
// server's. Both have OUTBOX_WORKER=off, as the shipped environment says; the
// e2e server's worker stands in for kattoo-worker.service.

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const [FIRST, SECOND, PROXY] = [E2E_PORT + 60, E2E_PORT + 61, E2E_PORT + 62];
const proxy = `http://127.0.0.1:${PROXY}`;
const LIMIT = 3;

test.describe.configure({ mode: "serial" });
// CI installs nginx (.ci/run): there the test must run, not skip.
test.skip(!existsSync(NGINX) && !process.env.CI, "nginx is not installed");

const stops: (() => Promise<void>)[] = [];
let slug = "";

/** `npm start` with the shipped environment, on the e2e database; resolves once it answers. */
async function startInstance(port: number) {
  const lock = JSON.parse(readFileSync(".data/e2e/kattoo.lock", "utf8")) as { databaseUrl: string };
  const child = spawn("npm", ["start"], {
    env: {
      ...process.env,
      ...shippedEnvironment,
      DATABASE_URL: lock.databaseUrl,
      APP_SECRET: readFileSync(".data/e2e/app-secret", "utf8").trim(),
      PORT: String(port),
      APP_URL: proxy,
      SMTP_URL: "",
      REGISTRATION_RATE_LIMIT: String(LIMIT),
    },
    // Its own process group, stopped as a whole as systemd stops a unit.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk) => (output += chunk));
  stops.push(() => stopGroup(child));
  await waitUntilHealthy(`http://127.0.0.1:${port}/api/health`, 120_000, () => output);
}

async function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGTERM");
  await exited;
}

let nginxErrorLog = "";

async function startProxy() {
  const nginx = await startNginx((prefix) =>
    shippedSite({ prefix, upstreams: [FIRST, SECOND], listen: PROXY }),
  );
  nginxErrorLog = nginx.errorLog;
  stops.push(nginx.stop);
  await waitUntilHealthy(`${proxy}/api/health`, 120_000, () => readFileSync(nginx.errorLog, "utf8"));
}

/** A registration through nginx from `localAddress`, with the headers given; resolves to its status. */
function register(localAddress: string, email: string, headers: Record<string, string> = {}) {
  const payload = {
    lastName: "Асанова",
    firstName: "Айпери",
    organization: "Ак-Суу айыл өкмөтү",
    position: "Адис",
    category: "LOCAL_GOVERNMENT",
    region: "ISSYK_KUL",
    email,
    phone: "+996 555 000 222",
    gender: "FEMALE",
    consent: true,
  };
  return postRegistration({ port: PROXY, slug, localAddress, payload, headers });
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  ({ slug } = await insertEventUnderWay({ title: "Развёртывание", slugPrefix: "deploy" }));
  await Promise.all([startInstance(FIRST), startInstance(SECOND)]);
  await startProxy();
});

test.afterEach(async () => {
  const log = nginxErrorLog;
  const { status, expectedStatus } = test.info();
  if (status !== expectedStatus && existsSync(log)) {
    await test.info().attach("nginx error.log", { path: log });
  }
});

test.afterAll(async () => {
  for (const stop of stops.reverse()) await stop();
});

test("registrations go through nginx, limited by the address nginx saw, not one a client wrote", async () => {
  const client = freshLoopback();
  const forged = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
  const forgedAddresses: string[] = [];
  const emails: string[] = [];
  const statuses: number[] = [];
  for (let i = 0; i <= LIMIT; i++) {
    const [spoofed, peer] = [forged(), forged()];
    forgedAddresses.push(spoofed, peer);
    const email = `deploy-${randomUUID()}@example.kg`;
    emails.push(email);
    statuses.push(await register(client, email, { "x-forwarded-for": spoofed, "x-kattoo-peer": peer }));
  }
  // Round-robin over both instances, one limit in the shared database.
  expect(statuses).toEqual([...Array(LIMIT).fill(202), 429]);
  const registered = await sql<{ email: string }>(
    "SELECT email FROM registration WHERE event_id = (SELECT id FROM event WHERE slug = $1)",
    [slug],
  );
  expect(registered.map((row) => row.email).toSorted()).toEqual(emails.slice(0, LIMIT).toSorted());

  // Another client behind the same nginx has a limit of its own: the
  // address counted is the client's, not the proxy's.
  expect(await register(freshLoopback(), `deploy-${randomUUID()}@example.kg`)).toBe(202);
  // The limit's own rows (keys are kept as digests, lib/rate-limit/mutations.ts):
  // one for the client, none for an address it made up.
  const digest = (address: string) => createHash("sha256").update(`register:${address}`).digest("base64url");
  const counted = await sql<{ key: string }>("SELECT key FROM rate_limit WHERE key = ANY($1)", [
    [client, ...forgedAddresses].map(digest),
  ]);
  expect(counted.map((row) => row.key)).toEqual([digest(client)]);
});

test("a staff sign-in on one instance opens the staff area on the other", async ({ browser }) => {
  test.setTimeout(90_000);
  const account = createStaff("organizer");
  const context = await browser.newContext({ baseURL: `http://127.0.0.1:${FIRST}` });
  const page = await context.newPage();
  await signIn(page, account);
  // The first sign-in on a fresh instance also loads its routes: slow on a busy machine.
  await expect(page).toHaveURL("/admin", { timeout: 30_000 });
  // The same host, so the same cookie: the second instance checks it against the shared database.
  for (const base of [`http://127.0.0.1:${SECOND}`, proxy, proxy]) {
    const response = await page.goto(`${base}/admin`);
    await expect(page).toHaveURL(`${base}/admin`);
    await expect(page.getByRole("button", { name: "Выйти", exact: true })).toBeVisible();
    // A staff page is never kept by nginx.
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(response?.headers()["x-cache-status"]).not.toBe("HIT");
  }
  await context.close();
});

test("nginx serves the event page and the build's files from its cache, never a participant's page", async ({
  request,
}) => {
  for (const page of [`/events/${slug}`, `/ky/events/${slug}`, `/en/events/${slug}`]) {
    // Anyone may send the router's header without Next's `_rsc` parameter:
    // Next answers with a redirect, which must not become every visitor's page.
    const bare = await request.get(`${proxy}${page}`, { headers: { rsc: "1" }, maxRedirects: 0 });
    expect(bare.status()).toBe(307);
    const first = await request.get(`${proxy}${page}`, { maxRedirects: 0 });
    expect(first.status()).toBe(200);
    expect(first.headers()["cache-control"]).toBe("public, s-maxage=3, stale-while-revalidate=60");
    const again = await request.get(`${proxy}${page}`, { maxRedirects: 0 });
    // From nginx's cache: HIT, or, should this machine stall past the 3 s,
    // the stale copy while one request refreshes it.
    expect(again.headers()["x-cache-status"]).toMatch(/^(HIT|UPDATING|STALE)$/);
    expect(await again.text()).toBe(await first.text());
    // The router's own request for the page gets the router's answer, not the cached HTML.
    const router = await request.get(`${proxy}${page}?_rsc=test`, { headers: { rsc: "1" } });
    expect(router.headers()["content-type"]).toContain("text/x-component");
  }

  const html = await (await request.get(`${proxy}/events/${slug}`)).text();
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(asset).toBeDefined();
  await request.get(`${proxy}${asset}`);
  const cachedAsset = await request.get(`${proxy}${asset}`);
  expect(cachedAsset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(cachedAsset.headers()["x-cache-status"]).toBe("HIT");

  // A participant's own page (its link is a secret) and a form are never shared.
  const email = `deploy-${randomUUID()}@example.kg`;
  expect(await register(freshLoopback(), email)).toBe(202);
  for (const page of [await manageLinkFromLetter(email), `/events/${slug}/register`]) {
    for (let i = 0; i < 2; i++) {
      const response = await request.get(`${proxy}${page}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["cache-control"]).toMatch(/private.*no-store/);
      expect(response.headers()["x-cache-status"]).not.toBe("HIT");
    }
  }
});

test("the shipped site, TLS included, is a configuration nginx accepts", async () => {
  test.skip(!existsSync("/usr/bin/openssl"), "openssl is not installed");
  const prefix = await mkdtemp(path.join(tmpdir(), "kattoo-tls-"));
  try {
    // A certificate of the moment at the paths the site names, as certbot would put one.
    const [certificate, key] = [path.join(prefix, "fullchain.pem"), path.join(prefix, "privkey.pem")];
    execFileSync(
      "/usr/bin/openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=kattoo.example.org",
        "-keyout",
        key,
        "-out",
        certificate,
      ],
      { stdio: "ignore" },
    );
    const site = readFileSync("docs/deploy/nginx-kattoo.conf", "utf8")
      .replace("/var/lib/nginx/kattoo-cache", path.join(prefix, "cache"))
      .replace("/etc/letsencrypt/live/kattoo.example.org/fullchain.pem", certificate)
      .replace("/etc/letsencrypt/live/kattoo.example.org/privkey.pem", key);
    await writeFile(path.join(prefix, "nginx.conf"), nginxConfiguration(prefix, site));
    // Throws, with nginx's message, unless the configuration is valid.
    execFileSync(NGINX, ["-t", "-q", "-c", path.join(prefix, "nginx.conf"), "-p", prefix], { stdio: "pipe" });
  } finally {
    await rm(prefix, { recursive: true, force: true });
  }
});
