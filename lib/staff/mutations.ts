import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";

export async function recordSignIn({ staffId }: { staffId: string }) {
  await db.$transaction(async (tx) => {
    await tx.staffUser.update({ where: { id: staffId }, data: { lastSignInAt: new Date() } });
    await recordAudit(tx, {
      actor: { type: "STAFF", staffId },
      action: "staff.signed_in",
      entityType: "staff_user",
      entityId: staffId,
    });
  });
}
