import { setTimeout as sleep } from "node:timers/promises";
import { db } from "@/lib/db";

/**
 * Resolves once the outbox has no letter due: every run starts with the
 * letters of the one before sent, so that the worker renders a run's own
 * letters while it lasts, never a backlog left by an earlier run (which
 * would weigh on whichever run came next).
 */
export async function noLetterDue(): Promise<void> {
  const deadline = Date.now() + 300_000;
  // A letter put off to a later attempt is not due.
  const due = () =>
    db.outboxMessage.count({
      where: { status: { in: ["QUEUED", "SENDING"] }, nextAttemptAt: { lte: new Date() } },
    });
  while ((await due()) > 0) {
    if (Date.now() > deadline) throw new Error("The outbox did not empty within 5 minutes.");
    await sleep(200);
  }
}
