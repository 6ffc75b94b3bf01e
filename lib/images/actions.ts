"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import { moveEventImage, removeEventImage, savePublicContact } from "@/lib/images/mutations";
import { imageIdSchema, moveImageSchema, publicContactSchema } from "@/lib/images/schema";

// The event's page is cached (revalidate = 3 in its route): a change shows
// there within seconds, in every language, without revalidating it here.
/** A change on the images page: shown there, or refused as a request the page never sends. */
function outcome(eventId: string, result: { ok: boolean }, message?: "imageRemoved" | "saved") {
  if (!result.ok) return { status: "failed", code: "bad_request" } as const;
  revalidatePath(`/admin/events/${eventId}/images`);
  return done(message);
}

/** Organizers: take the cover or a logo off the event. */
export const removeEventImageAction = staffAction({
  name: "images.remove",
  bound: z.uuid(),
  input: imageIdSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.content",
  run: async ({ staff, bound: eventId, input }) =>
    outcome(
      eventId,
      await removeEventImage({
        eventId,
        imageId: input.imageId,
        actor: { type: "STAFF", staffId: staff.id },
      }),
      "imageRemoved",
    ),
});

/** Organizers: move a logo before or after its neighbour of the same role. */
export const moveEventImageAction = staffAction({
  name: "images.move",
  bound: z.uuid(),
  input: moveImageSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.content",
  run: async ({ bound: eventId, input }) => outcome(eventId, await moveEventImage({ eventId, ...input })),
});

/** Organizers: the phone and Telegram shown on the event's page, and the venue's point for the map link. */
export const savePublicContactAction = staffAction({
  name: "images.save_contact",
  bound: z.uuid(),
  input: publicContactSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.content",
  run: async ({ staff, bound: eventId, input }) =>
    outcome(
      eventId,
      await savePublicContact({ eventId, contact: input, actor: { type: "STAFF", staffId: staff.id } }),
      "saved",
    ),
});
