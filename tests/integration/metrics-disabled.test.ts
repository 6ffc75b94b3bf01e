import { describe, expect, it, vi } from "vitest";
import { GET as metrics } from "@/app/api/metrics/route";

// Without METRICS_TOKEN the metrics are not served: the address answers as
// an unknown one would, whatever the request carries.

vi.hoisted(() => {
  // Empty counts as unset, and a local .env cannot fill it in.
  process.env.METRICS_TOKEN = "";
});

describe("GET /api/metrics without METRICS_TOKEN", () => {
  it("answers 404, with or without a token", async () => {
    for (const authorization of [undefined, "Bearer ", "Bearer anything-at-all-here"]) {
      const headers = authorization ? { authorization } : undefined;
      const response = await metrics(new Request("http://127.0.0.1/api/metrics", { headers }), {
        params: Promise.resolve({}),
      });
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("kattoo_");
    }
  });
});
