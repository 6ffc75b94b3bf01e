import { readdirSync, readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { processTree } from "../support/process-tree";

// What `npm start` runs in production once built (the server under test was
// started so): compiled JavaScript only — no TypeScript loader, no esbuild
// service — in one Node process, with its heap capped: the launcher, with the
// web server in it and the outbox worker as one of its threads
// (docs/decisions/029-a-production-that-fits.md, 034). The worker's thread
// alone runs at the lowest CPU priority, so that letters wait for a
// registration rush, not the rush for the letters (033).

test("npm start runs compiled JavaScript in one Node process with its heap capped, no tsx or esbuild", async () => {
  const lock = JSON.parse(readFileSync(".data/e2e/kattoo.lock", "utf8")) as { pid: number };
  const tree = await processTree(lock.pid);
  const kattoo = tree.filter((member) => !/\bpostgres\b/.test(member.command));

  expect(kattoo.map((member) => member.command).join("\n")).not.toMatch(/tsx|esbuild/);
  expect(kattoo.map((member) => member.command)).toEqual([
    expect.stringMatching(
      /^node --max-old-space-size=\d+ --max-semi-space-size=\d+ lib\/cli\/launch\.mjs start$/,
    ),
  ]);
});

test("the outbox worker's thread alone runs at the lowest CPU priority", async () => {
  const lock = JSON.parse(readFileSync(".data/e2e/kattoo.lock", "utf8")) as { pid: number };
  const niceOf = (task: string) => {
    const stat = readFileSync(`/proc/${lock.pid}/task/${task}/stat`, "utf8");
    // The fields after the command's closing parenthesis; nice is the 19th of /proc's stat.
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  };
  await expect
    .poll(
      () =>
        readdirSync(`/proc/${lock.pid}/task`)
          .map(niceOf)
          .filter((nice) => nice === 19).length,
    )
    .toBe(1);
  expect(niceOf(String(lock.pid))).toBe(0);
});
