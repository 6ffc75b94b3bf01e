// Run as its own process by embedded-database.test.ts: takes the data
// folder's lock, starts the embedded PostgreSQL, says so, and waits to be
// killed — as `npm start` would be by SIGKILL.
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { acquireInstanceLock } from "@/lib/processes/instance-lock";

const directory = process.argv[2] ?? "";
const lock = await acquireInstanceLock(directory);
const database = await startEmbeddedPostgres({ directory: `${directory}/postgres` });
await lock.update({ databaseUrl: database.url });
console.log(database.url);
setInterval(() => {}, 60_000);
