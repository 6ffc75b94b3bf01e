import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat, utimes } from "node:fs/promises";
import path from "node:path";

// `npm start` builds when the production build is missing or older than any
// source it is made from, so a `git pull` never serves a stale app.

const SOURCES = [
  "app",
  "components",
  "lib",
  "emails",
  "proxy.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "prisma/schema.prisma",
];
const BUILD_ID = ".next/BUILD_ID";

async function newestModification(entry: string): Promise<number> {
  if (!existsSync(entry)) return 0;
  const info = await stat(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestModification(path.join(entry, child))));
  return Math.max(info.mtimeMs, ...times);
}

export async function isBuildStale(): Promise<boolean> {
  if (!existsSync(BUILD_ID)) return true;
  const built = (await stat(BUILD_ID)).mtimeMs;
  const times = await Promise.all(SOURCES.map(newestModification));
  return Math.max(...times) > built;
}

/**
 * `next build`, dated by when it started: a source changed while it ran (an
 * editor's save, a `git pull`) is newer than the build, which is then stale.
 */
export async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const started = new Date();
  await runNpmScript("build", env);
  await utimes(BUILD_ID, started, started);
}

export function runNpmScript(script: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "--silent", script], { stdio: "inherit", env });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run ${script} failed (exit code ${code}).`)),
    );
  });
}
