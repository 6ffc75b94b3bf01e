"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { retryLetter } from "@/lib/emails/mutations";
import { ORGANIZERS, requireStaff } from "@/lib/staff/require-staff";

/** Staff: put a letter that failed for good back in the queue, then show the event's letters again. */
export async function retryLetterAction(eventId: string, letterId: string): Promise<void> {
  const staff = await requireStaff(ORGANIZERS);
  const retried = await retryLetter({
    id: z.uuid().parse(letterId),
    actor: { type: "STAFF", staffId: staff.id },
  });
  redirect(`/admin/events/${encodeURIComponent(z.uuid().parse(eventId))}/letters?retried=${retried ? 1 : 0}`);
}
