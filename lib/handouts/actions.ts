"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import { announceHandouts, removeHandout } from "@/lib/handouts/mutations";
import { handoutIdSchema } from "@/lib/handouts/schema";

/** Organizers: delete a handout, its bytes with it. Its address answers 404 from then on. */
export const removeHandoutAction = staffAction({
  name: "handouts.remove",
  bound: z.uuid(),
  input: handoutIdSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.content",
  run: async ({ staff, bound: eventId, input }) => {
    const result = await removeHandout({
      eventId,
      handoutId: input.handoutId,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) return { status: "failed", code: "bad_request" } as const;
    revalidatePath(`/admin/events/${eventId}/programme`);
    return done("handoutRemoved");
  },
});

/** Organizers: tell those who attended that the materials are online (each once). */
export const announceHandoutsAction = staffAction({
  name: "handouts.announce",
  bound: z.uuid(),
  event: ({ bound }) => ({ event: bound }),
  permission: "event.letters",
  run: async ({ staff, bound: eventId }) => {
    const count = await announceHandouts({ eventId, actor: { type: "STAFF", staffId: staff.id } });
    return done("written", { count });
  },
});
