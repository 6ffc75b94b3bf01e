import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// A transaction waits up to ten seconds for a connection (Prisma's default is
// two): on a busy small server, a short wait is better than a failed action.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

// The pool is ours, handed to the adapter, so that /api/metrics can say how
// many connections it holds and how many callers wait for one (the adapter
// keeps the pool it makes itself out of reach).
const pools = new WeakMap<PrismaClient, pg.Pool>();

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl });
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    transactionOptions,
  });
  pools.set(client, pool);
  return client;
}

export type PoolUse = { total: number; idle: number; waiting: number };

/** The connections of a client's pool right now. */
export function poolUseOf(client: PrismaClient): PoolUse | undefined {
  const pool = pools.get(client);
  return pool && { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}
