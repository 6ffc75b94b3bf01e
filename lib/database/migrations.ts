import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import * as engineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { queryOnce } from "@/lib/database/query-once";

// Prisma Migrate without a downloaded engine: Prisma's own schema engine
// compiled to WebAssembly, talking to PostgreSQL through the pg adapter. The
// migrations folder and the _prisma_migrations table stay exactly as
// `prisma migrate deploy` expects them (docs/decisions/002-migrations.md).

export const MIGRATIONS_DIR = path.resolve("prisma/migrations");
export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");

const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmLoaded = false;
let lastPanic: string | undefined;

async function loadWasm() {
  if (wasmLoaded) return;
  // The package imports its .wasm file as an ES module, which plain Node
  // cannot do without a flag: instantiate it here instead.
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const wasmPath = path.join(packageDir, "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    "./schema_engine_bg.js": engineBindings as unknown as WebAssembly.ModuleImports,
  });
  engineBindings.__wbg_set_wasm(instance.exports);
  // The engine reports a Rust panic's message here before it traps.
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => {
      lastPanic = message;
    },
  };
  (instance.exports.__wbindgen_start as () => void)();
  wasmLoaded = true;
}

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type SqlQuery = Parameters<Adapter["queryRaw"]>[0];
/** The parts of the pg adapter's internals that fitForMigrations() mends. */
type AdapterInternals = {
  client: { query: (sql: string) => Promise<unknown> };
  onError: (error: unknown) => never;
  performIO: (query: SqlQuery) => Promise<{ fields: { dataTypeID: number }[] }>;
};

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * Two mends to the pg adapter, for the schema engine only:
 * - it runs a migration script split on every ";", which breaks function
 *   bodies and commits statement by statement; send the script whole, as one
 *   simple query, so PostgreSQL runs it in one implicit transaction;
 * - the engine describes a schema with catalog queries that return columns of
 *   PostgreSQL's one-byte "char" type, which the adapter refuses to map; let
 *   it read them as text, then tell the engine they are characters.
 */
function fitForMigrations(adapter: Adapter): Adapter {
  const internals = adapter as unknown as AdapterInternals;
  adapter.executeScript = async (script) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };

  const charColumns = new WeakMap<SqlQuery, number[]>();
  const performIO = internals.performIO.bind(adapter);
  internals.performIO = async (query) => {
    const result = await performIO(query);
    const indexes: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID !== PG_CHAR_OID) return;
      field.dataTypeID = PG_TEXT_OID;
      indexes.push(index);
    });
    if (indexes.length > 0) charColumns.set(query, indexes);
    return result;
  };
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumns.get(query) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
  return adapter;
}

/**
 * Wraps the pg adapter for the schema engine. Its own shadow database is
 * dropped while its pool is still connected, which PostgreSQL refuses: end
 * the pool first.
 */
function adapterFactory(databaseUrl: string): {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Ends every pool the engine opened: freeing the engine does not. */
  dispose: () => Promise<void>;
} {
  const url = new URL(databaseUrl);
  // Discrete options: the adapter's shadow-database helper spreads them and
  // would lose a connection string.
  const config = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: url.pathname.slice(1),
    ssl: url.searchParams.get("sslmode") === "require" ? { rejectUnauthorized: false } : undefined,
  };
  const factory = new PrismaPg(config);
  const opened: Adapter[] = [];
  const connect = async () => {
    const adapter = fitForMigrations(await factory.connect());
    opened.push(adapter);
    return adapter;
  };
  return {
    factory: {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect,
      async connectToShadowDb() {
        const admin = await factory.connect();
        const name = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll("-", "")}`;
        await admin.executeScript(`CREATE DATABASE "${name}"`);
        const shadow = fitForMigrations(await new PrismaPg({ ...config, database: name }).connect());
        const disposeShadow = shadow.dispose.bind(shadow);
        shadow.dispose = async () => {
          await disposeShadow();
          await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
          await admin.dispose();
        };
        return shadow;
      },
    },
    dispose: async () => {
      // A pool the engine ended already refuses a second end: nothing to do.
      await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
    },
  };
}

async function withEngine<T>(
  { databaseUrl, schema }: { databaseUrl: string; schema: string },
  run: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await loadWasm();
  const adapters = adapterFactory(databaseUrl);
  const engine = await engineBindings.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapters.factory),
  );
  try {
    return await run(engine);
  } catch (error) {
    if (lastPanic) throw new Error(`The schema engine panicked: ${lastPanic}`, { cause: error });
    throw error;
  } finally {
    engine.free();
    await adapters.dispose();
  }
}

export async function readMigrationList(): Promise<MigrationList> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const directories = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockfilePath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: "migration_lock.toml",
      content: await readFile(lockfilePath, "utf8").catch(() => null),
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (directory) => {
        const file = path.join(MIGRATIONS_DIR, directory, "migration.sql");
        const content = await readFile(file, "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: directory, migrationFile: { path: "migration.sql", content } };
      }),
    ),
  };
}

/**
 * Whether every migration in the folder is recorded as applied. Read with
 * plain SQL: loading the schema engine to learn that there is nothing to do
 * cost every start about half a second.
 */
async function allApplied(databaseUrl: string, migrationsList: MigrationList): Promise<boolean> {
  try {
    const rows = await queryOnce<{ name: string }>(
      databaseUrl,
      "SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    const applied = new Set(rows.map((row) => row.name));
    return migrationsList.migrationDirectories.every((directory) => applied.has(directory.path));
  } catch {
    // No migrations table yet (a fresh database), or anything else: the
    // engine decides, and reports what is wrong.
    return false;
  }
}

/**
 * Applies the migrations not yet applied, as `prisma migrate deploy` does;
 * with `upTo`, only those up to that one (a restore rebuilds the schema a
 * backup was taken with, then loads it, then applies the rest).
 */
export async function applyMigrations({ databaseUrl, upTo }: { databaseUrl: string; upTo?: string }) {
  const allMigrations = await readMigrationList();
  const migrationsList = upTo
    ? {
        ...allMigrations,
        migrationDirectories: allMigrations.migrationDirectories.filter(({ path }) => path <= upTo),
      }
    : allMigrations;
  if (await allApplied(databaseUrl, migrationsList)) return [];
  const schema = await readFile(SCHEMA_PATH, "utf8");
  return withEngine({ databaseUrl, schema }, async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList,
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that would bring a database built from the migrations folder to
 * the schema (schema.prisma unless given); empty when they agree. Uses a
 * temporary shadow database on the server behind `databaseUrl`.
 */
export async function diffMigrationsToSchema({
  databaseUrl,
  schema,
}: {
  databaseUrl: string;
  schema?: string;
}) {
  const migrationsList = await readMigrationList();
  const target = schema ?? (await readFile(SCHEMA_PATH, "utf8"));
  return withEngine({ databaseUrl, schema: target }, async (engine) => {
    const { stdout } = await engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: target }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return isEmptyScript(stdout ?? "") ? "" : (stdout ?? "");
  });
}

/** The engine writes a comment, not nothing, when there is no change. */
function isEmptyScript(script: string): boolean {
  return script.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}
