import "server-only";
import { createPrismaClient, type PoolUse, poolUseOf } from "@/lib/database/client";
import { databaseUrl } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// One Prisma client per process (STYLE.md, habit 8), kept on globalThis so
// development's hot reloads do not open new pools. Only data.ts and
// mutations.ts files import it (biome.json).
//
// Created on first use, not at import: `next build` loads every route module
// but has no database.

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(databaseUrl());
  return globalForPrisma.prisma;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/** This process's connections to the database, for /api/metrics. */
export function databasePoolUse(): PoolUse | undefined {
  return poolUseOf(client());
}
