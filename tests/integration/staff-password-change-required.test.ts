import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth";
import { changeStaffAction, createStaffAction } from "@/lib/staff/actions";
import { createStaffAccount, startStaffSession } from "@/lib/staff/mutations";
import { ALL_STAFF, checkStaff } from "@/lib/staff/require-staff";

// An account whose password was generated or reset by an admin can do one
// thing: choose its own. Every page sends it to the account page and every
// other action refuses. The session is real (its row and account in the
// database); only Auth.js's reading of the cookie is stood in for.

vi.mock("@/lib/auth", () => ({
  auth: vi.fn(),
  signIn: vi.fn(),
  signOut: vi.fn(),
  SecondFactorRequired: Error,
}));

async function signedInAdmin({ mustChangePassword }: { mustChangePassword: boolean }) {
  const created = await createStaffAccount({
    email: `admin-${randomUUID()}@kattoo.test`,
    name: "Test",
    role: "ADMIN",
    password: "a-generated-one-long",
    mustChangePassword,
    actor: { type: "SYSTEM" },
  });
  if (!created.ok) throw new Error(created.reason);
  const sessionId = await startStaffSession({ staffId: created.id, device: "Chrome, Linux" });
  vi.mocked(auth).mockResolvedValue({ staffId: created.id, sessionId, sessionVersion: 0 } as never);
  return created.id;
}

/** Where a redirect() thrown by the action was going. */
async function redirectOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return String((error as { digest?: string }).digest).split(";")[2];
  }
  return undefined;
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

describe("a password that must be changed", () => {
  beforeEach(() => vi.mocked(auth).mockReset());

  it("sends every staff page to the account page, which alone lets it in", async () => {
    await signedInAdmin({ mustChangePassword: true });
    expect(await checkStaff(ALL_STAFF)).toEqual({ ok: false, status: 403, passwordChangeRequired: true });
    expect(await checkStaff(ALL_STAFF, { setup: true })).toMatchObject({
      ok: false,
      passwordChangeRequired: true,
    });
    expect(await checkStaff(ALL_STAFF, { setup: true, passwordChange: true })).toMatchObject({ ok: true });
    // The control: without the flag, the same check lets an admin in anywhere.
    await signedInAdmin({ mustChangePassword: false });
    expect(await checkStaff(ALL_STAFF)).toMatchObject({ ok: true });
  });

  it("refuses every other action: creating an account, changing one", async () => {
    const id = await signedInAdmin({ mustChangePassword: true });
    const newAccount = form({ email: `new-${randomUUID()}@kattoo.test`, name: "Айгүл", role: "ORGANIZER" });
    expect(await redirectOf(createStaffAction(undefined, newAccount))).toBe(
      "/admin/account?password=required",
    );
    expect(await redirectOf(changeStaffAction(id, undefined, form({ change: "disable" })))).toBe(
      "/admin/account?password=required",
    );
  });
});
