import { describe, expect, it } from "vitest";
import { workerState } from "@/lib/health/rules";

const now = new Date("2026-12-02T10:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

describe("workerState", () => {
  const state = (
    lastHeartbeatAt: Date | undefined,
    serverUpMinutes: number,
    outboxWorker: "inline" | "off",
  ) => workerState({ lastHeartbeatAt, serverStartedAt: minutesAgo(serverUpMinutes), now, outboxWorker });

  it("is ok while a heartbeat is under five minutes old", () => {
    expect(state(minutesAgo(4.9), 600, "inline")).toBe("ok");
    expect(state(minutesAgo(1), 600, "off")).toBe("ok");
  });

  it("gives a server five minutes from its start before the worker's silence counts", () => {
    expect(state(undefined, 1, "inline")).toBe("starting");
    // A heartbeat left from before a restart does not make a fresh start unhealthy.
    expect(state(minutesAgo(300), 4, "inline")).toBe("starting");
    expect(state(undefined, 5, "inline")).toBe("silent");
    expect(state(minutesAgo(5), 600, "inline")).toBe("silent");
  });

  it("does not hold an instance that leaves letters to another process responsible for them", () => {
    expect(state(undefined, 600, "off")).toBe("elsewhere");
    expect(state(minutesAgo(60), 600, "off")).toBe("elsewhere");
  });
});
