import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logging/logger";
import { handleWithRequestId, noteStaffAccount } from "@/lib/logging/request-context";

// Every request gets an id, in its response's X-Request-Id and in every log
// line written while it is handled, as lib/cli/serve.ts wraps Next's handler:
// a plain id from a proxy is kept, anything else replaced. The log lines are
// read back from the logger's destination.

const lines: Record<string, unknown>[] = [];
const logger = createLogger({
  level: "info",
  destination: { write: (line) => lines.push(JSON.parse(line)) },
});

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) =>
    handleWithRequestId(request, response, async () => {
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const staff = url.searchParams.get("staff");
      if (staff) noteStaffAccount(staff);
      // Another request may be handled meanwhile: each line keeps its own id.
      await sleep(Number(url.searchParams.get("wait") ?? 0));
      logger.info({ path: url.pathname, email: "someone@example.kg" }, "handled");
      response.end("ok");
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const lineOf = (path: string) => lines.find((line) => line.path === path);

describe("the request id", () => {
  it("is made for a request without one, sent back, and in the request's log lines", async () => {
    const response = await fetch(`${base}/first`);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(lineOf("/first")).toMatchObject({ requestId: id, msg: "handled" });
    // Never an email, whatever object is logged by mistake.
    expect(lineOf("/first")?.email).toBe("[redacted]");
    expect(JSON.stringify(lines)).not.toContain("someone@example.kg");
  });

  it("keeps a proxy's plain id", async () => {
    const response = await fetch(`${base}/kept`, { headers: { "X-Request-Id": "nginx_3f2a9c1b-77" } });
    expect(response.headers.get("x-request-id")).toBe("nginx_3f2a9c1b-77");
    expect(lineOf("/kept")?.requestId).toBe("nginx_3f2a9c1b-77");
  });

  it("replaces an id that could carry anything but an id into the log", async () => {
    for (const [index, sent] of [
      "short",
      "a".repeat(65),
      'id"},"level":60,"x":"',
      "id with spaces inside",
      "../../etc/passwd",
      "ид-на-кириллице-123",
    ].entries()) {
      const path = `/replaced-${index}`;
      const response = await fetch(`${base}${path}`, { headers: { "X-Request-Id": encodeURI(sent) } });
      const id = response.headers.get("x-request-id");
      expect(id).not.toBe(encodeURI(sent));
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(lineOf(path)?.requestId).toBe(id);
    }
  });

  it("stays with its own request while others are handled at the same time", async () => {
    const [slow, fast] = await Promise.all([
      fetch(`${base}/slow?wait=150`, { headers: { "X-Request-Id": "slow-request-0001" } }),
      fetch(`${base}/fast?wait=10`, { headers: { "X-Request-Id": "fast-request-0002" } }),
    ]);
    expect(slow.headers.get("x-request-id")).toBe("slow-request-0001");
    expect(fast.headers.get("x-request-id")).toBe("fast-request-0002");
    expect(lineOf("/slow")?.requestId).toBe("slow-request-0001");
    expect(lineOf("/fast")?.requestId).toBe("fast-request-0002");
  });

  it("brings the staff account's id once the entry-point layer knows it", async () => {
    await fetch(`${base}/staff?staff=4b4c1a52-staff-id`);
    await fetch(`${base}/anonymous`);
    expect(lineOf("/staff")?.staffId).toBe("4b4c1a52-staff-id");
    expect(lineOf("/anonymous")).not.toHaveProperty("staffId");
  });

  it("is absent from lines written outside any request (the worker's)", () => {
    logger.info({ path: "/outside" }, "no request");
    expect(lineOf("/outside")).not.toHaveProperty("requestId");
  });
});
