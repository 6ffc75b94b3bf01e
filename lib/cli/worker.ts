import { constants, setPriority } from "node:os";
import { isMainThread, parentPort } from "node:worker_threads";
import { startWorkerJobs } from "@/lib/cli/worker-jobs";

// `npm run worker`, and the worker thread `npm start` runs beside the web
// server (lib/cli/start.ts), until SIGINT or SIGTERM, or until the launcher
// asks its thread to stop.

// Letters wait for a registration rush, not the rush for the letters: the
// worker runs at the lowest CPU priority, so on a busy machine the kernel
// gives its time to the web server and PostgreSQL, and on an idle one it
// takes all it wants. Linux keeps a nice value per thread: this lowers the
// worker's own thread, never the launcher beside it (decision 033).
setPriority(constants.priority.PRIORITY_LOW);

const jobs = await startWorkerJobs();
const STOP_GRACE_MS = 10_000;

async function shutdown() {
  // A letter in flight may wait on a database that is stopping too: give up after a while.
  setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
  await jobs.stop();
  process.exit(0);
}

if (isMainThread) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, shutdown);
  // The process that started this one is gone (killed without a chance to
  // stop its children): stop too, rather than send letters for an instance
  // that is no longer there.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown();
  }, 2_000).unref();
} else {
  // A thread sees no signals: the launcher, which does, says when to stop.
  parentPort?.once("message", () => void shutdown());
}
