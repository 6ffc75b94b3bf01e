// `node lib/cli/launch.mjs <entry> [arguments]`, behind `npm start`, `npm run
// worker` and the other commands: runs lib/cli/<entry>.ts compiled by the
// build, in this same process. Plain JavaScript, so that production needs no
// TypeScript loader (docs/decisions/029-a-production-that-fits.md).
// - `start` builds first when the build is missing or older than any source
//   it is made from, so a `git pull` never serves a stale app.
// - The others never build (two commands building at once would break the
//   build): with a stale build, as in a checkout being edited, they run from
//   the TypeScript sources through tsx instead.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { COMPILED_DIR } from "./compile-target.mjs";

const SOURCES = [
  "app",
  "components",
  "lib",
  "emails",
  "prisma",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
];
const BUILD_ID = ".next/BUILD_ID";
const ENTRIES = ["start", "worker", "backup", "restore", "staff-create", "db-migrate"];

async function newestModification(entry) {
  if (!existsSync(entry)) return 0;
  const info = await stat(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestModification(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

async function isBuildStale() {
  if (!existsSync(BUILD_ID) || !existsSync(compiled("start"))) return true;
  const built = (await stat(BUILD_ID)).mtimeMs;
  const times = await Promise.all(SOURCES.map(newestModification));
  return Math.max(...times) > built;
}

/**
 * `npm run build` (Next's build, then lib/cli/compile.mjs), dated by when it
 * started: a source changed while it ran (an editor's save, a `git pull`) is
 * newer than the build, which is then stale.
 */
async function build() {
  const started = new Date();
  await new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", "build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build failed (exit code ${code}).`)),
    );
  });
  await utimes(BUILD_ID, started, started);
}

function compiled(entry) {
  return path.resolve(COMPILED_DIR, `${entry}.mjs`);
}

// The entry's own arguments start where they would had it been run directly.
const [entry] = process.argv.splice(2, 1);
if (!ENTRIES.includes(entry)) {
  console.error(`Usage: node lib/cli/launch.mjs ${ENTRIES.join("|")} [arguments]`);
  process.exit(2);
}
const stale = await isBuildStale();
if (stale && entry === "start") {
  console.log("Building Kattoo (first start or changed sources)…");
  await build();
  await import(pathToFileURL(compiled(entry)).href);
} else if (stale) {
  const { register } = await import("tsx/esm/api");
  register();
  await import("./server-only.mjs");
  await import(`./${entry}.ts`);
} else {
  await import(pathToFileURL(compiled(entry)).href);
}
