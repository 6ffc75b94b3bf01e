import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (`prisma generate`, and `prisma migrate deploy` on a
// machine where it can fetch its engine). The app itself migrates with
// lib/database/migrations.ts, which needs no downloaded engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
