import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as register } from "@/app/api/events/[slug]/registrations/route";
import { GET as health } from "@/app/api/health/route";
import { GET as metrics } from "@/app/api/metrics/route";
import { recordBackupRun } from "@/lib/backup/mutations";
import { db } from "@/lib/db";
import { idle } from "@/lib/entry-points/state";
import { recordWorkerHeartbeat } from "@/lib/health/mutations";
import { PEER_HEADER } from "@/lib/http/client-address";
import { updateRegistrationAction } from "@/lib/registrations/actions";
import { createRegistration } from "@/lib/registrations/mutations";
import { createTestEvent, registrationInput } from "../support/factories";

// GET /api/metrics as Prometheus scrapes it: only with METRICS_TOKEN as its
// bearer token, and with figures that match the rows in the database. (Unset
// token: tests/integration/metrics-disabled.test.ts.)

const TOKEN = "metrics-token-for-the-tests";

vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-token-for-the-tests";
  process.env.REGISTRATION_RATE_LIMIT = "1";
});

// A server action reads the client's address from its request's headers.
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [PEER_HEADER]: "198.51.100.61" }) }));

const noParams = { params: Promise.resolve({}) };

function scrape(authorization?: string) {
  const headers = authorization ? { authorization } : undefined;
  return metrics(new Request("http://127.0.0.1/api/metrics", { headers }), noParams);
}

/** The value of one series, as the text format writes it: `name{labels} value`. */
function seriesValue(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function letter(status: "QUEUED" | "SENDING" | "SENT" | "FAILED", createdAt = new Date()) {
  await db.outboxMessage.create({
    data: {
      template: "confirmation",
      locale: "ru",
      toAddress: `${randomUUID()}@kattoo.test`,
      status,
      createdAt,
    },
  });
}

describe("GET /api/metrics", () => {
  it("refuses a request without the token, with a wrong one, or with it sent another way", async () => {
    for (const authorization of [
      undefined,
      "Bearer wrong-token-of-some-length",
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      `Basic ${TOKEN}`,
      TOKEN,
      `Bearer  ${TOKEN}`,
    ]) {
      const response = await scrape(authorization);
      expect(response.status, String(authorization)).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect(await response.text()).not.toContain("kattoo_");
    }
  });

  it("reports the outbox, the registrations, the worker and the backups as the database holds them", async () => {
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const event = await createTestEvent({ capacity: 100, quotas: {} });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await createRegistration({
        slug: event.slug,
        locale: "ru",
        input: registrationInput(),
      });
      if (!created.ok) throw new Error(created.reason);
      ids.push(created.registrationId);
    }
    await db.registration.update({ where: { id: ids[2] }, data: { status: "WAITLISTED" } });
    await db.registration.update({ where: { id: ids[3] }, data: { status: "CANCELLED" } });
    // The registrations' own letters are replaced by a known set.
    await db.outboxMessage.deleteMany();
    await letter("QUEUED", minutesAgo(10));
    await letter("QUEUED");
    await letter("QUEUED");
    await letter("SENDING");
    await letter("SENT", minutesAgo(60));
    await letter("SENT");
    await letter("FAILED", minutesAgo(120));
    await recordBackupRun({
      startedAt: minutesAgo(120),
      trigger: "SCHEDULED",
      file: "a.dump",
      sizeBytes: 10,
    });
    await recordBackupRun({
      startedAt: minutesAgo(60),
      trigger: "SCHEDULED",
      file: "b.dump",
      error: "ENOSPC",
    });
    await recordWorkerHeartbeat({ workerId: `worker-${randomUUID()}` });

    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    expect(seriesValue(text, 'kattoo_outbox_letters{status="QUEUED"}')).toBe(3);
    expect(seriesValue(text, 'kattoo_outbox_letters{status="SENDING"}')).toBe(1);
    expect(seriesValue(text, 'kattoo_outbox_letters{status="SENT"}')).toBe(2);
    expect(seriesValue(text, 'kattoo_outbox_letters{status="FAILED"}')).toBe(1);
    // The oldest letter still waiting is the queued one of ten minutes ago, not the failed one.
    const oldest = seriesValue(text, "kattoo_outbox_oldest_waiting_letter_age_seconds") ?? 0;
    expect(oldest).toBeGreaterThanOrEqual(600);
    expect(oldest).toBeLessThan(660);

    expect(seriesValue(text, 'kattoo_registrations{status="CONFIRMED"}')).toBe(2);
    expect(seriesValue(text, 'kattoo_registrations{status="WAITLISTED"}')).toBe(1);
    expect(seriesValue(text, 'kattoo_registrations{status="CANCELLED"}')).toBe(1);
    expect(seriesValue(text, 'kattoo_registrations{status="PENDING"}')).toBe(0);
    expect(seriesValue(text, 'kattoo_registrations{status="DECLINED"}')).toBe(0);

    expect(seriesValue(text, "kattoo_worker_heartbeat_age_seconds")).toBeLessThan(30);
    // The last backup that worked, two hours ago; the attempt after it failed.
    const backupAge = seriesValue(text, "kattoo_backup_last_success_age_seconds") ?? 0;
    expect(backupAge).toBeGreaterThanOrEqual(7200);
    expect(backupAge).toBeLessThan(7260);
    expect(seriesValue(text, "kattoo_backup_last_attempt_failed")).toBe(1);

    expect(seriesValue(text, 'kattoo_database_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(seriesValue(text, 'kattoo_database_pool_connections{state="waiting"}')).toBe(0);
    // Node's own figures come too.
    expect(seriesValue(text, "kattoo_process_resident_memory_bytes")).toBeGreaterThan(0);
  });

  it("times each entry point by name and counts the requests a rate limit refused", async () => {
    const event = await createTestEvent({ capacity: 100, quotas: {} });
    const attempt = () =>
      register(
        new Request(`http://127.0.0.1/api/events/${event.slug}/registrations`, {
          method: "POST",
          headers: { "content-type": "application/json", [PEER_HEADER]: "203.0.113.50" },
          body: JSON.stringify(registrationInput()),
        }),
        { params: Promise.resolve({ slug: event.slug }) },
      );
    const before = await (await scrape(`Bearer ${TOKEN}`)).text();
    const refusals = 'kattoo_rate_limit_refusals_total{entry="api.events.registrations.create"}';
    const healthCalls = 'kattoo_request_duration_seconds_count{entry="api.health"}';

    expect((await attempt()).status).toBe(202);
    expect((await attempt()).status).toBe(429);
    expect((await attempt()).status).toBe(429);
    await health(new Request("http://127.0.0.1/api/health"), noParams);

    const after = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect((seriesValue(after, refusals) ?? 0) - (seriesValue(before, refusals) ?? 0)).toBe(2);
    expect((seriesValue(after, healthCalls) ?? 0) - (seriesValue(before, healthCalls) ?? 0)).toBe(1);
    expect(
      seriesValue(after, 'kattoo_request_duration_seconds_count{entry="api.events.registrations.create"}'),
    ).toBeGreaterThanOrEqual(3);
  });

  it("counts a server action that a rate limit refused", async () => {
    const refusals = 'kattoo_rate_limit_refusals_total{entry="registrations.update_own"}';
    const before = seriesValue(await (await scrape(`Bearer ${TOKEN}`)).text(), refusals) ?? 0;
    const form = new FormData();
    const fields = {
      lastName: "Асанова",
      firstName: "Айгүл",
      organization: "Айыл өкмөтү",
      position: "Башкы адис",
      category: "LOCAL_GOVERNMENT",
      region: "NARYN",
      phone: "+996 555 123 456",
      gender: "FEMALE",
    };
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    // A stranger trying tokens from one address: the 61st try in ten minutes is refused.
    const states = [];
    for (let i = 0; i < 62; i++) {
      states.push(await updateRegistrationAction(randomUUID().replace(/-/g, "").padEnd(43, "x"), idle, form));
    }
    expect(states.filter((state) => state.status === "failed" && state.code === "rate_limited")).toHaveLength(
      2,
    );
    const after = seriesValue(await (await scrape(`Bearer ${TOKEN}`)).text(), refusals) ?? 0;
    expect(after - before).toBe(2);
  });
});
