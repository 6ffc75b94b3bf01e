import "server-only";
import { db } from "@/lib/db";

/** An event's team, managers first, for its team page. */
export function listTeam({ eventId }: { eventId: string }) {
  return db.eventMembership.findMany({
    where: { eventId },
    orderBy: [{ role: "asc" }, { staff: { email: "asc" } }],
    select: {
      role: true,
      staff: { select: { id: true, email: true, name: true, role: true, disabledAt: true, expiresAt: true } },
    },
  });
}
