"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { retryLetter } from "@/lib/emails/mutations";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";

/** Staff: put a letter that failed for good back in the queue. */
export const retryLetterAction = staffAction({
  name: "emails.retry",
  bound: z.object({ eventId: z.uuid(), letterId: z.uuid() }),
  event: ({ bound }) => ({ event: bound.eventId, letter: bound.letterId }),
  permission: "event.letters",
  async run({ staff, bound }) {
    const retried = await retryLetter({ id: bound.letterId, actor: { type: "STAFF", staffId: staff.id } });
    revalidatePath(`/admin/events/${bound.eventId}/letters`);
    return done(retried ? "letterRetried" : "letterNotRetried");
  },
});
