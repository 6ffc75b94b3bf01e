import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { TEMPLATE_DATABASE, withDatabase } from "./database-global-setup";

// Each test file works in its own database, copied from the migrated
// template, so files run in parallel and in any order.

const serverUrl = inject("serverUrl");
const name = `kattoo_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
await admin.end();

process.env.DATABASE_URL = withDatabase(serverUrl, name);
process.env.APP_SECRET ??= randomBytes(32).toString("base64url");

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
  const cleanup = new pg.Client({ connectionString: serverUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cleanup.end();
});
