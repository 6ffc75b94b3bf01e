import { describe, expect, it } from "vitest";
import {
  backupFileName,
  backupsToPrune,
  backupWarning,
  isBackupDue,
  lastScheduledSlot,
} from "@/lib/backup/rules";

const at = (iso: string) => new Date(iso);
const ok = (iso: string) => ({ startedAt: at(iso), ok: true });
const failed = (iso: string) => ({ startedAt: at(iso), ok: false });

describe("the daily backup's schedule (UTC)", () => {
  it("takes today's slot once it has come, else yesterday's", () => {
    expect(lastScheduledSlot({ now: at("2026-12-02T03:00:00Z"), at: "03:00" })).toEqual(
      at("2026-12-02T03:00:00Z"),
    );
    expect(lastScheduledSlot({ now: at("2026-12-02T02:59:00Z"), at: "03:00" })).toEqual(
      at("2026-12-01T03:00:00Z"),
    );
    expect(lastScheduledSlot({ now: at("2026-01-01T00:10:00Z"), at: "23:30" })).toEqual(
      at("2025-12-31T23:30:00Z"),
    );
  });

  it("is due at the slot, and once taken not again until the next", () => {
    const now = at("2026-12-02T03:01:00Z");
    expect(isBackupDue({ now, at: "03:00" })).toBe(true);
    const yesterday = ok("2026-12-01T03:00:05Z");
    expect(isBackupDue({ now, at: "03:00", lastAttempt: yesterday, lastSuccess: yesterday })).toBe(true);
    const today = ok("2026-12-02T03:00:05Z");
    expect(isBackupDue({ now, at: "03:00", lastAttempt: today, lastSuccess: today })).toBe(false);
    expect(
      isBackupDue({
        now: at("2026-12-02T02:00:00Z"),
        at: "03:00",
        lastAttempt: yesterday,
        lastSuccess: yesterday,
      }),
    ).toBe(false);
  });

  it("tries a failed backup again after an hour, not every minute", () => {
    const lastSuccess = ok("2026-12-01T03:00:05Z");
    const lastAttempt = failed("2026-12-02T03:00:05Z");
    expect(isBackupDue({ now: at("2026-12-02T03:30:00Z"), at: "03:00", lastAttempt, lastSuccess })).toBe(
      false,
    );
    expect(isBackupDue({ now: at("2026-12-02T04:00:06Z"), at: "03:00", lastAttempt, lastSuccess })).toBe(
      true,
    );
  });

  it("takes a missed backup when the worker comes back after the slot", () => {
    const lastSuccess = ok("2026-11-30T03:00:05Z");
    expect(
      isBackupDue({ now: at("2026-12-02T11:00:00Z"), at: "03:00", lastAttempt: lastSuccess, lastSuccess }),
    ).toBe(true);
  });
});

describe("backup files", () => {
  it("are named by their UTC time and schema version", () => {
    expect(
      backupFileName({ at: at("2026-12-02T03:00:07.123Z"), schemaVersion: "20261202032249_backup_run" }),
    ).toBe("kattoo-20261202T030007Z-20261202032249_backup_run.jsonl.gz");
  });

  it("beyond the newest N are pruned, whatever their schema; other files are not", () => {
    const files = [
      "kattoo-20261130T030000Z-20261126023944_init.jsonl.gz",
      "notes.txt",
      "kattoo-20261202T030000Z-20261202032249_backup_run.jsonl.gz",
      "kattoo-20261201T030000Z-20261126023944_init.jsonl.gz",
      "kattoo-20261129T030000Z-20261126023944_init.jsonl.gz.partial",
    ];
    expect(backupsToPrune({ files, keep: 2 })).toEqual([
      "kattoo-20261130T030000Z-20261126023944_init.jsonl.gz",
    ]);
    expect(backupsToPrune({ files, keep: 14 })).toEqual([]);
  });
});

describe("the Instance page's warning", () => {
  const now = at("2026-12-03T12:00:00Z");
  it("warns when no backup was ever taken, when the last attempt failed, and after 48 hours", () => {
    expect(backupWarning({ now })).toBe("never");
    expect(
      backupWarning({
        now,
        lastAttempt: failed("2026-12-03T03:00:00Z"),
        lastSuccess: ok("2026-12-02T03:00:00Z"),
      }),
    ).toBe("failed");
    const old = ok("2026-12-01T11:59:00Z");
    expect(backupWarning({ now, lastAttempt: old, lastSuccess: old })).toBe("stale");
    const recent = ok("2026-12-01T12:01:00Z");
    expect(backupWarning({ now, lastAttempt: recent, lastSuccess: recent })).toBeUndefined();
  });
});
