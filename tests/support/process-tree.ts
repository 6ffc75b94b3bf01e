import { readdir, readFile } from "node:fs/promises";

// A process and all its descendants, read from /proc (Linux): what a
// command started, and how much memory each part holds.

export type TreeProcess = { pid: number; command: string; rssMiB: number };

export async function processTree(pid: number): Promise<TreeProcess[]> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  if (status === "") return [];
  const command = (await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => ""))
    .split("\0")
    .join(" ")
    .trim();
  const rssMiB = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) / 1024;
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children = (
    await Promise.all(
      tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "")),
    )
  )
    .join(" ")
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  const descendants = await Promise.all(children.map(processTree));
  return [{ pid, command, rssMiB }, ...descendants.flat()];
}
