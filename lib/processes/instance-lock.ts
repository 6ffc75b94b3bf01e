import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { isProcessAlive, waitForProcessExit } from "@/lib/processes/liveness";

// One Kattoo process owns a data folder at a time. The lock records who holds
// it and where its database listens, so a second start can say so clearly and
// a lock left by a killed process is recognised and taken over.

export type LockHolder = {
  pid: number;
  databaseUrl?: string;
  appUrl?: string;
  /** Processes the holder started that would outlive it if it were killed. */
  children?: number[];
};

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

async function readLock(directory: string): Promise<LockHolder | undefined> {
  try {
    return JSON.parse(await readFile(lockPath(directory), "utf8")) as LockHolder;
  } catch {
    return undefined;
  }
}

/** The process that holds the lock, if it still runs. */
export async function readLockHolder(directory: string): Promise<LockHolder | undefined> {
  const holder = await readLock(directory);
  return holder && isProcessAlive(holder.pid) ? holder : undefined;
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
      const current = await readLock(directory);
      if (current && isProcessAlive(current.pid)) throw new DataFolderInUseError(directory, current);
      // Left by a process that was killed: end what it left running (its
      // web server would hold the port), then take the lock over.
      for (const child of current?.children ?? []) {
        if (isProcessAlive(child)) process.kill(child, "SIGTERM");
        await waitForProcessExit(child, 10_000);
      }
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
