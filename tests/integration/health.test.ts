import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { db } from "@/lib/db";
import { startOutboxWorker } from "@/lib/emails/worker";
import { recordWorkerHeartbeat } from "@/lib/health/mutations";

// /api/health as a monitor reads it: the database, the outbox worker's last
// heartbeat (503 once it has been silent for five minutes, but not while the
// server has only just started) and the age of the oldest letter waiting.

const check = async () => {
  const response = await health(new Request("http://127.0.0.1/api/health"), {
    params: Promise.resolve({}),
  });
  return { status: response.status, body: await response.json() };
};

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** This server has been up for an hour: no start-up grace any more. */
const upForAnHour = () => vi.spyOn(process, "uptime").mockReturnValue(3600);

afterEach(async () => {
  vi.restoreAllMocks();
  await db.workerHeartbeat.deleteMany();
  await db.outboxMessage.deleteMany();
});

describe("GET /api/health", () => {
  it("is healthy on a fresh start, before the worker's first heartbeat", async () => {
    vi.spyOn(process, "uptime").mockReturnValue(20);
    expect(await check()).toEqual({
      status: 200,
      body: {
        status: "ok",
        db: "ok",
        worker: { state: "starting", secondsSinceHeartbeat: null },
        outbox: { oldestWaitingLetterAgeSeconds: null },
      },
    });
  });

  it("is healthy while the worker beats, and says how long ago it did", async () => {
    upForAnHour();
    await recordWorkerHeartbeat({ workerId: `worker-${randomUUID()}` });
    const { status, body } = await check();
    expect(status).toBe(200);
    expect(body.worker.state).toBe("ok");
    expect(body.worker.secondsSinceHeartbeat).toBeLessThan(5);
  });

  it("answers 503 once the worker has been silent for five minutes", async () => {
    upForAnHour();
    const workerId = `worker-${randomUUID()}`;
    await recordWorkerHeartbeat({ workerId });
    await db.workerHeartbeat.update({ where: { workerId }, data: { beatAt: minutesAgo(6) } });
    const { status, body } = await check();
    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "error", db: "ok", worker: { state: "silent" } });
    expect(body.worker.secondsSinceHeartbeat).toBeGreaterThanOrEqual(360);
  });

  it("answers 503 when no worker ever beat on a server up for longer than the grace", async () => {
    upForAnHour();
    const { status, body } = await check();
    expect(status).toBe(503);
    expect(body.worker).toEqual({ state: "silent", secondsSinceHeartbeat: null });
  });

  it("reports the age of the oldest letter still waiting to go", async () => {
    upForAnHour();
    await recordWorkerHeartbeat({ workerId: `worker-${randomUUID()}` });
    const letter = (status: "QUEUED" | "SENT", createdAt: Date) =>
      db.outboxMessage.create({
        data: { template: "confirmation", locale: "ru", toAddress: "a@kattoo.test", status, createdAt },
      });
    await letter("SENT", minutesAgo(90));
    await letter("QUEUED", minutesAgo(10));
    await letter("QUEUED", minutesAgo(1));
    const { status, body } = await check();
    expect(status).toBe(200);
    expect(body.outbox.oldestWaitingLetterAgeSeconds).toBeGreaterThanOrEqual(600);
    expect(body.outbox.oldestWaitingLetterAgeSeconds).toBeLessThan(630);
  });
});

describe("the worker's heartbeat", () => {
  it("is written by the running outbox worker at once", async () => {
    const worker = startOutboxWorker({
      send: async () => ({ providerMessageId: "unused" }),
      retryBaseSeconds: 30,
      workerId: `worker-${randomUUID()}`,
      idleMs: 20,
    });
    try {
      await vi.waitFor(async () => expect(await db.workerHeartbeat.count()).toBe(1), { timeout: 5000 });
    } finally {
      await worker.stop();
    }
    upForAnHour();
    expect((await check()).body.worker.state).toBe("ok");
  });

  it("forgets workers gone for a day", async () => {
    const gone = `worker-${randomUUID()}`;
    await recordWorkerHeartbeat({ workerId: gone });
    await db.workerHeartbeat.update({ where: { workerId: gone }, data: { beatAt: minutesAgo(25 * 60) } });
    await recordWorkerHeartbeat({ workerId: `worker-${randomUUID()}` });
    expect(await db.workerHeartbeat.findMany({ where: { workerId: gone } })).toEqual([]);
  });
});
