"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import { moveEventImage, removeEventImage, savePublicContact } from "@/lib/images/mutations";
import { imageIdSchema, moveImageSchema, publicContactSchema } from "@/lib/images/schema";
import { ORGANIZERS } from "@/lib/staff/require-staff";

// The event's page is cached (revalidate = 3 in its route): a change shows
// there within seconds, in every language, without revalidating it here.
const imagesPage = (eventId: string) => `/admin/events/${eventId}/images`;

/** Organizers: take the cover or a logo off the event. */
export const removeEventImageAction = staffAction({
  name: "images.remove",
  roles: ORGANIZERS,
  bound: z.uuid(),
  input: imageIdSchema,
  async run({ staff, bound: eventId, input }) {
    const result = await removeEventImage({
      eventId,
      imageId: input.imageId,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) return { status: "failed", code: "bad_request" } as const;
    revalidatePath(imagesPage(eventId));
    return done("imageRemoved");
  },
});

/** Organizers: move a logo before or after its neighbour of the same role. */
export const moveEventImageAction = staffAction({
  name: "images.move",
  roles: ORGANIZERS,
  bound: z.uuid(),
  input: moveImageSchema,
  async run({ bound: eventId, input }) {
    const result = await moveEventImage({ eventId, ...input });
    if (!result.ok) return { status: "failed", code: "bad_request" } as const;
    revalidatePath(imagesPage(eventId));
    return done();
  },
});

/** Organizers: the phone and Telegram shown on the event's page, and the venue's point for the map link. */
export const savePublicContactAction = staffAction({
  name: "images.save_contact",
  roles: ORGANIZERS,
  bound: z.uuid(),
  input: publicContactSchema,
  async run({ staff, bound: eventId, input }) {
    const result = await savePublicContact({
      eventId,
      contact: input,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) return { status: "failed", code: "bad_request" } as const;
    revalidatePath(imagesPage(eventId));
    return done("saved");
  },
});
