import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runBackup } from "@/lib/backup/backup";
import { getLatestBackupRuns } from "@/lib/backup/data";
import { listTables, textClient } from "@/lib/backup/dump";
import { recordBackupRun } from "@/lib/backup/mutations";
import { RestoreError, restoreBackup } from "@/lib/backup/restore";
import { readMigrationList } from "@/lib/database/migrations";
import { db } from "@/lib/db";
import { recordWorkerHeartbeat } from "@/lib/health/mutations";
import { seedDatabase } from "@/prisma/seed";
import { eventWithEveryQuestion } from "../support/answered-event";

// A backup restores every row of every table, exactly; a damaged one changes
// nothing; and a backup that cannot be written says so where staff look.

const sourceUrl = process.env.DATABASE_URL as string;
const otherDatabase = (suffix: string) => {
  const url = new URL(sourceUrl);
  url.pathname = `${url.pathname}_${suffix}`;
  return url.toString();
};

let folder: string;

async function query(databaseUrl: string, text: string) {
  const client = textClient(databaseUrl);
  await client.connect();
  try {
    return (await client.query<Record<string, string | null>>(text)).rows;
  } finally {
    await client.end();
  }
}

/** Every table's rows, ordered by primary key, as PostgreSQL writes them. */
async function everyRow(databaseUrl: string) {
  const client = textClient(databaseUrl);
  await client.connect();
  try {
    const result: Record<string, unknown[]> = {};
    for (const table of await listTables(client)) {
      const { rows: keys } = await client.query<{ name: string }>(
        `SELECT a.attname AS name FROM pg_index i
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
         WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY a.attnum`,
        [client.escapeIdentifier(table)],
      );
      const order = keys.map((key) => client.escapeIdentifier(key.name)).join(", ");
      result[table] = (
        await client.query({ text: `SELECT * FROM ${client.escapeIdentifier(table)} ORDER BY ${order}` })
      ).rows;
    }
    return result;
  } finally {
    await client.end();
  }
}

/** The databases this file made beside its own: other files make theirs on the same server meanwhile. */
async function databaseNames() {
  const prefix = `${new URL(sourceUrl).pathname.slice(1)}_`;
  return (await query(otherDatabase("x").replace(/\/[^/]*$/, "/postgres"), "SELECT datname FROM pg_database"))
    .map((row) => String(row.datname))
    .filter((name) => name.startsWith(prefix));
}

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "kattoo-backup-"));
  const { admin } = await seedDatabase({ db, adminEmail: "backup-admin@example.test" });
  const { event, registrationId } = await eventWithEveryQuestion();
  const staff = await db.staffUser.findFirstOrThrow({ where: { email: admin?.email } });
  const day = await db.eventDay.findFirstOrThrow({ where: { eventId: event.id } });
  await db.attendance.create({ data: { registrationId, eventDayId: day.id, markedById: staff.id } });
  await db.certificate.create({ data: { registrationId, code: "BKP7Q2X9KMAZ" } });
  await db.eventImage.create({
    data: {
      eventId: event.id,
      kind: "COVER",
      alt: { ru: "Обложка", ky: "Мукаба" },
      hash: "0".repeat(64),
      contentType: "image/png",
      width: 1,
      height: 1,
      // Every byte value, so that no byte is lost or changed on the way.
      bytes: Buffer.from(Array.from({ length: 256 }, (_, index) => index)),
    },
  });
  // A handout of three pieces, the last short, every byte value in them.
  const handoutBytes = Buffer.from(Array.from({ length: 2 * 65536 + 3 }, (_, index) => index % 256));
  await db.handout.create({
    data: {
      eventId: event.id,
      title: { ru: "Раздаточный материал" },
      fileName: "Программа.pdf",
      contentType: "application/pdf",
      size: handoutBytes.byteLength,
      sha256: "1".repeat(64),
      visibility: "PARTICIPANTS",
      chunks: {
        create: [0, 1, 2].map((position) => ({
          position,
          bytes: handoutBytes.subarray(position * 65536, (position + 1) * 65536),
        })),
      },
    },
  });
  await db.eventParty.create({ data: { eventId: event.id, role: "ORGANIZER", name: { ru: "Организатор" } } });
  await db.event.update({
    where: { id: event.id },
    data: {
      confirmationWording: { ru: "Возьмите паспорт.", ky: "Паспортуңузду ала келиңиз.", en: "" },
      waitlistWording: { ru: "Ждите письма." },
    },
  });
  await db.staffSession.create({ data: { staffId: staff.id, device: "Firefox, Linux" } });
  await db.staffRecoveryCode.create({ data: { staffId: staff.id, codeHash: "f".repeat(64) } });
  await db.auditLog.create({
    data: {
      actorType: "STAFF",
      actorId: staff.id,
      action: "test.backup",
      entityType: "event",
      entityId: event.id,
    },
  });
  await db.rateLimit.create({ data: { key: "registration:127.0.0.1", windowStart: new Date(), count: 3 } });
  await db.attemptThrottle.create({ data: { key: "e".repeat(64), attempts: 2, lastAttemptAt: new Date() } });
  await db.mailboxMessage.create({
    data: {
      toAddress: "a@example.test",
      subject: "Тема «кавычки»\n",
      html: "<p>ы</p>",
      text: "ы\t\\",
      raw: "raw",
    },
  });
  await db.eventMembership.create({ data: { eventId: event.id, staffId: staff.id, role: "MANAGER" } });
  const partner = await db.organization.create({ data: { name: "ОО Ресурсный центр для пожилых" } });
  await db.event.update({ where: { id: event.id }, data: { organizationId: partner.id } });
  // Travel, a room for a night, the per-diem rate and the travel ceiling.
  const { region } = await db.registration.findUniqueOrThrow({ where: { id: registrationId } });
  await db.registrationTravel.create({
    data: {
      registrationId,
      eventId: event.id,
      fromSettlement: "Нарын",
      fromRegion: region,
      arrivesAt: new Date(day.startsAt.getTime() - 86_400_000),
      departsAt: day.endsAt,
      transport: "BUS",
      nights: [new Date(day.date.getTime() - 86_400_000)],
      passportNumber: "ID1234567",
      farePaid: 1200,
    },
  });
  const hotel = await db.hotel.create({ data: { eventId: event.id, name: "Гостиница «Ак-Кеме»" } });
  const room = await db.hotelRoom.create({
    data: { hotelId: hotel.id, eventId: event.id, name: "101", beds: 2 },
  });
  await db.roomNight.create({
    data: {
      registrationId,
      eventId: event.id,
      roomId: room.id,
      night: new Date(day.date.getTime() - 86_400_000),
    },
  });
  await db.perDiemRate.create({ data: { eventId: event.id, category: "GOVERNMENT", amount: 1500 } });
  await db.travelCeiling.create({ data: { eventId: event.id, region, amount: 2000 } });
  // The demo's pre-test answered by name, its anonymous survey's ballot.
  const instruments = await db.instrument.findMany({
    where: { event: { slug: "migration-strategy-seminar" } },
    include: { questions: { include: { options: true } } },
  });
  const preTest = instruments.find((instrument) => instrument.kind === "PRE_TEST");
  const survey = instruments.find((instrument) => instrument.kind === "FEEDBACK");
  const [question] = preTest?.questions ?? [];
  const [option] = question?.options ?? [];
  if (!preTest || !survey || !question || !option) throw new Error("the demo's instruments are missing");
  const response = await db.instrumentResponse.create({
    data: { instrumentId: preTest.id, anonymous: false, registrationId, submittedOn: new Date() },
  });
  await db.instrumentAnswer.create({ data: { responseId: response.id, questionId: question.id } });
  await db.instrumentAnswerOption.create({
    data: { responseId: response.id, questionId: question.id, optionId: option.id },
  });
  await db.instrumentBallot.create({ data: { instrumentId: survey.id, registrationId } });
  await recordWorkerHeartbeat({ workerId: "worker-backup-test" });
  await recordBackupRun({
    startedAt: new Date(Date.now() - 86_400_000),
    trigger: "SCHEDULED",
    file: "/old.gz",
  });
});

afterAll(async () => {
  const admin = new pg.Client({ connectionString: otherDatabase("x").replace(/\/[^/]*$/, "/postgres") });
  await admin.connect();
  for (const name of await databaseNames()) {
    await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
  }
  await admin.end();
});

describe("backup and restore", () => {
  it("fills every table for this test (a new table must be filled here too)", async () => {
    const rows = await everyRow(sourceUrl);
    const empty = Object.entries(rows).flatMap(([table, list]) => (list.length === 0 ? [table] : []));
    expect(empty).toEqual([]);
  });

  it("restores into a new database with every row of every table equal", async () => {
    const file = path.join(folder, "full.jsonl.gz");
    const result = await runBackup({ trigger: "MANUAL", to: file });
    expect(result).toMatchObject({ status: "done", file });
    const before = await everyRow(sourceUrl);

    const copy = otherDatabase("copy");
    await restoreBackup({ databaseUrl: copy, file });

    const after = await everyRow(copy);
    expect(after).toEqual({
      ...before,
      // Recorded after the dump was taken: the copy has every run before it.
      backup_run: before.backup_run?.filter((row) => (row as { file: string }).file !== file),
    });
    // The sequences go on where they were: a new registration number is not one already given.
    const [sequence] = await query(copy, "SELECT last_value FROM registration_number_seq");
    const [highest] = await query(sourceUrl, "SELECT max(number) AS max FROM registration");
    expect(Number(sequence?.last_value)).toBeGreaterThanOrEqual(Number(highest?.max));
    const migrations = (await readMigrationList()).migrationDirectories.map((directory) => directory.path);
    expect(
      (await query(copy, "SELECT migration_name FROM _prisma_migrations ORDER BY 1")).map(
        (r) => r.migration_name,
      ),
    ).toEqual(migrations);
  });

  it("refuses a database that has rows without --force, and restores over it with --force", async () => {
    const file = path.join(folder, "again.jsonl.gz");
    await runBackup({ trigger: "MANUAL", to: file });
    const target = otherDatabase("nonempty");
    await restoreBackup({ databaseUrl: target, file });

    await expect(restoreBackup({ databaseUrl: target, file })).rejects.toThrow(/is not empty.*add --force/);
    const { keptAs } = await restoreBackup({ databaseUrl: target, file, force: true });
    expect(keptAs).toMatch(/_before_/);
    expect(await databaseNames()).toContain(keptAs);
  });

  it("stops on a truncated backup with a clear message and leaves the target as it was", async () => {
    const file = path.join(folder, "whole.jsonl.gz");
    await runBackup({ trigger: "MANUAL", to: file });
    const target = otherDatabase("untouched");
    await restoreBackup({ databaseUrl: target, file });
    const before = await everyRow(target);
    const databasesBefore = await databaseNames();

    const bytes = await readFile(file);
    const half = path.join(folder, "half.jsonl.gz");
    await writeFile(half, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const restoring = restoreBackup({ databaseUrl: target, file: half, force: true });
    await expect(restoring).rejects.toThrow(RestoreError);
    await expect(restoring).rejects.toThrow(
      /damaged or incomplete.*Nothing was restored: the database \S+_untouched is as it was/,
    );

    expect(await everyRow(target)).toEqual(before);
    // No half-filled scratch database is left behind either.
    expect((await databaseNames()).sort()).toEqual(databasesBefore.sort());
  });

  it("refuses a backup whose schema is newer than the code, naming both", async () => {
    const last = (await readMigrationList()).migrationDirectories.at(-1)?.path;
    const file = path.join(folder, "future.jsonl.gz");
    const header = {
      format: "kattoo-backup",
      version: 1,
      schemaVersion: "99991231000000_from_the_future",
      createdAt: new Date().toISOString(),
    };
    await writeFile(file, gzipSync(`${JSON.stringify(header)}\n`));
    await expect(restoreBackup({ databaseUrl: otherDatabase("future"), file })).rejects.toThrow(
      `The backup's schema (99991231000000_from_the_future) is newer than this code's last migration (${last})`,
    );
    expect(await databaseNames()).not.toContain(new URL(otherDatabase("future")).pathname.slice(1));
  });

  it("refuses a file that is not a backup", async () => {
    const file = path.join(folder, "notes.txt");
    await writeFile(file, "not a backup");
    await expect(restoreBackup({ databaseUrl: otherDatabase("notes"), file })).rejects.toThrow(
      /is not a Kattoo backup/,
    );
  });
});

describe("the backup's folder and schedule", () => {
  it("fails loudly into a folder it cannot write, recording the error, and leaves no file", async () => {
    // Root writes through permission bits, so the folder is made impossible
    // another way: its parent is a file.
    const blocker = path.join(folder, "a-file");
    await writeFile(blocker, "");
    const result = await runBackup({ trigger: "SCHEDULED", directory: path.join(blocker, "backups") });

    expect(result).toMatchObject({ status: "failed", error: expect.stringMatching(/ENOTDIR|EEXIST/) });
    const { lastAttempt } = await getLatestBackupRuns();
    expect(lastAttempt).toMatchObject({ ok: false, error: expect.stringMatching(/ENOTDIR|EEXIST/) });
  });

  it("keeps the newest BACKUP_KEEP dated backups and leaves other files alone", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "kattoo-backups-"));
    const old = [
      "kattoo-20261101T030000Z-20261126023944_init.jsonl.gz",
      "kattoo-20261102T030000Z-20261126023944_init.jsonl.gz",
      "kattoo-20261103T030000Z-20261126023944_init.jsonl.gz",
    ];
    for (const name of [...old, "notes.txt"]) await writeFile(path.join(directory, name), "x");

    const result = await runBackup({ trigger: "SCHEDULED", directory, keep: 2 });

    expect(result.status).toBe("done");
    const kept = (await readdir(directory)).sort();
    expect(kept).toEqual([old[2], path.basename((result as { file: string }).file), "notes.txt"].sort());
  });

  it("takes no backup while another process holds the backup lock", async () => {
    const holder = new pg.Client({ connectionString: sourceUrl });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock(190022)");
      expect(await runBackup({ trigger: "SCHEDULED", directory: folder })).toEqual({ status: "busy" });
    } finally {
      await holder.end();
    }
  });
});
