import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive } from "@/lib/processes/liveness";

// One Kattoo process owns a data folder at a time. The lock records who holds
// it and where its database listens, so a second start can say so clearly and
// a lock left by a killed process is recognised and taken over.

export type LockHolder = { pid: number; databaseUrl?: string; appUrl?: string };

export class DataFolderInUseError extends Error {
  constructor(
    readonly directory: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Kattoo is already running on ${directory} (pid ${holder.pid}` +
        `${holder.appUrl ? `, ${holder.appUrl}` : ""}). Stop it first, or set KATTOO_DATA_DIR to another folder.`,
    );
  }
}

function lockPath(directory: string) {
  return path.join(directory, "kattoo.lock");
}

export async function readLockHolder(directory: string): Promise<LockHolder | undefined> {
  try {
    const holder = JSON.parse(await readFile(lockPath(directory), "utf8")) as LockHolder;
    return isProcessAlive(holder.pid) ? holder : undefined;
  } catch {
    return undefined;
  }
}

export async function acquireInstanceLock(directory: string) {
  await mkdir(directory, { recursive: true });
  const file = lockPath(directory);
  let holder: LockHolder = { pid: process.pid };
  for (;;) {
    try {
      await writeFile(file, JSON.stringify(holder), { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const current = await readLockHolder(directory);
      if (current) throw new DataFolderInUseError(directory, current);
      // Left by a process that no longer runs.
      await rm(file, { force: true });
    }
  }
  return {
    /** Records what other commands need to reach this instance. */
    update: async (details: Omit<LockHolder, "pid">) => {
      holder = { ...holder, ...details };
      await writeFile(file, JSON.stringify(holder), { mode: 0o600 });
    },
    release: () => rm(file, { force: true }),
  };
}
