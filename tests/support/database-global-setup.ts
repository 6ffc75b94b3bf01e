import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrations";

// One PostgreSQL for the run: DATABASE_URL's server when set, else an
// embedded one in a temporary folder. A template database is built once from
// the migrations; each test file gets its own copy (database-per-file.ts).

export const TEMPLATE_DATABASE = "kattoo_test_template";

declare module "vitest" {
  export interface ProvidedContext {
    serverUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let stop = async () => {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const directory = await mkdtemp(path.join(tmpdir(), "kattoo-test-db-"));
    const database = await startEmbeddedPostgres({ directory });
    serverUrl = database.url;
    stop = async () => {
      await database.stop();
      await rm(directory, { recursive: true, force: true });
    };
  }

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await applyMigrations({ databaseUrl: withDatabase(serverUrl, TEMPLATE_DATABASE) });
  // A template must have no open connection while it is copied.
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [
    TEMPLATE_DATABASE,
  ]);
  await admin.end();

  project.provide("serverUrl", serverUrl);
  return stop;
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
