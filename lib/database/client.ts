import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// A transaction waits up to ten seconds for a connection (Prisma's default is
// two): on a busy small server, a short wait is better than a failed action.
const transactionOptions = { maxWait: 10_000, timeout: 15_000 };

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions });
}
