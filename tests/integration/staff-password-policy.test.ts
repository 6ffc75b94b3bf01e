import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeOwnPassword, createStaffAccount, resetStaffPassword } from "@/lib/staff/mutations";
import { seedDatabase } from "@/prisma/seed";

// ADMIN_PASSWORD passes the rules of a chosen password, and a password someone
// else has seen (generated, or reset by an admin) is changed at first sign-in.

describe("password policy", () => {
  it("refuses to seed with an ADMIN_PASSWORD that a staff member could not choose, before writing anything", async () => {
    for (const [password, reason] of [
      ["short-pw", /fewer than 12 characters/],
      ["qwerty123456", /commonest passwords/],
    ] as const) {
      await expect(
        seedDatabase({ db, adminEmail: "admin@kattoo.test", adminPassword: password }),
      ).rejects.toThrow(reason);
    }
    expect(await db.staffUser.count()).toBe(0);
    expect(await db.event.count()).toBe(0);
  });

  it("the first admin's generated password must be changed at the first sign-in", async () => {
    const seeded = await seedDatabase({ db, adminEmail: `first-${randomUUID()}@kattoo.test` });
    const admin = await db.staffUser.findUniqueOrThrow({ where: { email: seeded.admin?.email } });
    expect(admin.mustChangePassword).toBe(true);
  });

  it("an admin's reset sets the flag, and the owner's own new password clears it", async () => {
    const created = await createStaffAccount({
      email: `reset-${randomUUID()}@kattoo.test`,
      name: "Test",
      role: "ORGANIZER",
      password: "an-own-password-long",
      actor: { type: "SYSTEM" },
    });
    if (!created.ok) throw new Error(created.reason);
    const flag = async () =>
      (await db.staffUser.findUniqueOrThrow({ where: { id: created.id } })).mustChangePassword;
    expect(await flag()).toBe(false);
    const password = await resetStaffPassword({ staffId: created.id, actor: { type: "SYSTEM" } });
    expect(await flag()).toBe(true);
    expect(
      await changeOwnPassword({
        staffId: created.id,
        currentPassword: password,
        newPassword: "my-very-own-password",
      }),
    ).toEqual({ ok: true });
    expect(await flag()).toBe(false);
  });
});
