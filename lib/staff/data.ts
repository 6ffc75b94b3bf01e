import "server-only";
import { db } from "@/lib/db";

export function findStaffByEmail({ email }: { email: string }) {
  return db.staffUser.findUnique({ where: { email } });
}

/** The account as it is now: role, disabled flag and session version are read fresh on every request. */
export function getStaffAccount({ id }: { id: string }) {
  return db.staffUser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
}

export type StaffAccount = NonNullable<Awaited<ReturnType<typeof getStaffAccount>>>;
