import { parseArgs } from "node:util";
import { withDatabase } from "@/lib/cli/database";

// `npm run backup [-- --to <file>]`: a consistent backup of Kattoo's database
// (DATABASE_URL, or the embedded one, running or not), by default into
// KATTOO_DATA_DIR/backups with the UTC time and the schema version in its name.

const { values } = parseArgs({ options: { to: { type: "string" } } });

const result = await withDatabase(async (databaseUrl) => {
  process.env.DATABASE_URL = databaseUrl;
  const { runBackup } = await import("@/lib/backup/backup");
  return runBackup({ trigger: "MANUAL", to: values.to });
});
if (result.status === "done") {
  console.log(`Backup written: ${result.file} (${formatSize(result.sizeBytes)})`);
  process.exit(0);
}
console.error(
  result.status === "failed"
    ? `The backup failed: ${result.error}`
    : "Another backup of this database is being taken right now: try again in a moment.",
);
process.exit(1);

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
