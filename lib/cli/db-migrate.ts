import { withDatabase } from "@/lib/cli/database";
import { applyMigrations } from "@/lib/database/migrations";

// `npm run db:migrate`: applies pending migrations, as `prisma migrate deploy`.
const applied = await withDatabase((databaseUrl) => applyMigrations({ databaseUrl }));
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "The database is up to date.");
