import { describe, expect, it } from "vitest";
import { postgresSettings } from "@/lib/database/embedded";

const GiB = 1024 ** 3;

describe("the embedded PostgreSQL's memory settings", () => {
  it("fit a 1 GB server beside Kattoo", () => {
    expect(postgresSettings(1 * GiB)).toEqual({
      max_connections: "51",
      shared_buffers: "64MB",
      work_mem: "4MB",
      maintenance_work_mem: "32MB",
      effective_cache_size: "256MB",
    });
  });

  it("grow with the machine, within bounds", () => {
    expect(postgresSettings(4 * GiB)).toMatchObject({
      shared_buffers: "256MB",
      work_mem: "16MB",
      max_connections: "100",
    });
    expect(postgresSettings(64 * GiB)).toMatchObject({
      shared_buffers: "512MB",
      work_mem: "16MB",
      maintenance_work_mem: "256MB",
      effective_cache_size: "4096MB",
    });
    expect(postgresSettings(GiB / 4)).toMatchObject({
      shared_buffers: "32MB",
      work_mem: "2MB",
      max_connections: "40",
    });
  });

  it("allow every pool Kattoo opens at once", () => {
    // Web server, worker and one command, pg's default 10 each, and the 3 reserved.
    expect(Number(postgresSettings(GiB / 4).max_connections)).toBeGreaterThanOrEqual(3 * 10 + 3);
  });
});
