import path from "node:path";
import { parseArgs } from "node:util";
import { RestoreError, restoreBackup } from "@/lib/backup/restore";
import { withDatabase } from "@/lib/cli/database";

// `npm run restore -- <file> [--force]`: restores a backup made by
// `npm run backup` (or the worker) into Kattoo's database. Stop Kattoo first.

const { values, positionals } = parseArgs({
  options: { force: { type: "boolean", default: false } },
  allowPositionals: true,
});
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error("Usage: npm run restore -- <backup file> [--force]");
  process.exit(2);
}

try {
  const { keptAs } = await withDatabase((databaseUrl) =>
    restoreBackup({ databaseUrl, file: path.resolve(file), force: values.force, log: console.log }),
  );
  console.log(`Restored ${file}.`);
  if (keptAs)
    console.log(`The database it replaced is kept as ${keptAs}: drop it once you no longer need it.`);
  process.exit(0);
} catch (error) {
  console.error(error instanceof RestoreError ? error.message : error);
  process.exit(1);
}
