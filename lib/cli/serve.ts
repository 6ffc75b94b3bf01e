import { startWebServer } from "@/lib/cli/web-server";

// The web server as a process of its own: `npm run dev` runs it so (with
// --dev), beside its launcher, and the tests that need one of their own.
// SIGTERM or Ctrl+C: the requests in flight finish, then the process leaves.

const server = await startWebServer({ dev: process.argv.includes("--dev") });

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void server.close().then(() => process.exit(0)));
}
