import { randomUUID } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  changeStaffAccount,
  confirmSecondFactor,
  createStaffAccount,
  startSecondFactor,
  verifySecondFactor,
} from "@/lib/staff/mutations";
import { passwordSchema } from "@/lib/staff/schema";

const system = { type: "SYSTEM" as const };
const PASSWORD = "a-test-password-of-the-staff";

async function staff(role: "ADMIN" | "ORGANIZER") {
  const result = await createStaffAccount({
    email: `${randomUUID()}@kattoo.test`,
    name: "Test",
    role,
    password: PASSWORD,
    actor: system,
  });
  if (!result.ok) throw new Error(result.reason);
  return result.id;
}

describe("staff accounts", () => {
  it("never leaves the instance without an active admin, even with two admins demoting each other at once", async () => {
    await db.staffUser.updateMany({ where: { role: "ADMIN" }, data: { role: "ORGANIZER" } });
    const [first, second] = [await staff("ADMIN"), await staff("ADMIN")];
    const results = await Promise.all(
      [first, second].map((staffId) =>
        changeStaffAccount({ staffId, change: { role: "ORGANIZER" }, actor: system }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "last_admin" }]);
    const [left] = await db.staffUser.findMany({ where: { role: "ADMIN", disabledAt: null } });
    expect(left).toBeDefined();
    expect(
      await changeStaffAccount({ staffId: left?.id ?? "", change: { disabled: true }, actor: system }),
    ).toEqual({
      ok: false,
      reason: "last_admin",
    });

    // The database refuses it too, whatever the application does.
    await expect(
      db.staffUser.update({ where: { id: left?.id }, data: { disabledAt: new Date() } }),
    ).rejects.toThrow(/last active admin/);
    await expect(db.staffUser.delete({ where: { id: left?.id } })).rejects.toThrow(/last active admin/);
  });

  it("disabling an account ends its sessions", async () => {
    const id = await staff("ORGANIZER");
    await changeStaffAccount({ staffId: id, change: { disabled: true }, actor: system });
    const account = await db.staffUser.findUniqueOrThrow({ where: { id } });
    expect(account.disabledAt).not.toBeNull();
    expect(account.sessionVersion).toBe(1);
  });

  it("refuses the commonest passwords, short ones and overlong ones", () => {
    expect(passwordSchema.safeParse("qwerty123456").success).toBe(false);
    expect(passwordSchema.safeParse("1q2w3e4r5t6y").success).toBe(false);
    expect(passwordSchema.safeParse("short-pw").success).toBe(false);
    expect(passwordSchema.safeParse("x".repeat(129)).success).toBe(false);
    expect(passwordSchema.safeParse("Жайлоо-Сусамыр-2026").success).toBe(true);
  });

  it("accepts each TOTP code and each recovery code once, and stores the secret encrypted", async () => {
    const id = await staff("ORGANIZER");
    const started = await startSecondFactor({ staffId: id, currentSecret: PASSWORD });
    const secret = (started.ok && started.secret) || "";
    const totp = new TOTP({ secret: Secret.fromBase32(secret) });
    const stored = await db.staffUser.findUniqueOrThrow({ where: { id } });
    expect(stored.totpSecret).not.toContain(secret);

    expect(await confirmSecondFactor({ staffId: id, code: "12345" })).toBeNull();
    const codes = (await confirmSecondFactor({ staffId: id, code: totp.generate() })) ?? [];
    expect(codes).toHaveLength(10);
    expect(await db.staffRecoveryCode.count({ where: { staffId: id } })).toBe(10);
    expect(JSON.stringify(await db.staffRecoveryCode.findMany())).not.toContain(codes[0]);

    const verify = async (code: string) => {
      const account = await db.staffUser.findUniqueOrThrow({ where: { id } });
      return verifySecondFactor({
        staffId: id,
        secret: account.totpSecret ?? "",
        lastStep: account.totpLastStep,
        code,
      });
    };
    // The code that turned it on was spent; the next step's opens once.
    expect(await verify(totp.generate())).toBe(false);
    const next = totp.generate({ timestamp: Date.now() + 30_000 });
    expect(await Promise.all([verify(next), verify(next)])).toContain(false);
    expect(await verify(next)).toBe(false);

    expect(await verify(codes[3]?.toUpperCase() ?? "")).toBe(true);
    expect(await verify(codes[3] ?? "")).toBe(false);
    expect(await db.staffRecoveryCode.count({ where: { staffId: id } })).toBe(9);
  });
});
