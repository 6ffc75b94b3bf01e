import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { applyMigrations } from "@/lib/database/migrations";
import { getEnv } from "@/lib/env";
import { isSeeded, seedDatabase } from "@/prisma/seed";

// The launcher's preparation of the database: migrations, then the seed when
// the demo seminar or the first account is missing. In production it runs as
// a thread that ends once done (lib/cli/start.ts), so the schema engine,
// Prisma's client and the seed's modules leave memory with it rather than
// staying loaded in the launcher for as long as Kattoo runs.

export type Prepared = Awaited<ReturnType<typeof prepareDatabase>>;

export async function prepareDatabase(databaseUrl: string) {
  const applied = await applyMigrations({ databaseUrl });
  const { admin } = (await isSeeded(databaseUrl)) ? {} : await seed(databaseUrl);
  return { applied, admin };
}

async function seed(databaseUrl: string) {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = getEnv();
  // Loaded only when there is something to seed: Prisma's client takes about
  // a second to load, a fifth of a warm start.
  const { createPrismaClient } = await import("@/lib/database/client");
  const db = createPrismaClient(databaseUrl);
  return seedDatabase({ db, adminEmail: ADMIN_EMAIL, adminPassword: ADMIN_PASSWORD }).finally(() =>
    db.$disconnect(),
  );
}

if (!isMainThread && parentPort) {
  parentPort.postMessage(await prepareDatabase((workerData as { databaseUrl: string }).databaseUrl));
}
