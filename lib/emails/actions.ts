"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { retryLetter, saveLetterWording } from "@/lib/emails/mutations";
import { type MessagePreview, previewLetterWording } from "@/lib/emails/render";
import { storedWording } from "@/lib/emails/rules";
import { letterWordingSchema } from "@/lib/emails/schema";
import { staffAction } from "@/lib/entry-points/action";
import { type Done, done } from "@/lib/entry-points/state";

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

/** The confirmation and the waiting-list letters shown with the wording as written, before it is saved. */
export type WordingPreviewed = Done & { previews: MessagePreview[] };

/** Staff: the event's own wording of its confirmation and waiting-list letters, saved or shown first. */
export const saveLetterWordingAction = staffAction({
  name: "emails.save_wording",
  bound: z.uuid(),
  input: letterWordingSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.letters",
  async run({ staff, bound: eventId, input }): Promise<Done | WordingPreviewed> {
    const { confirmation, waitlist, intent, language } = input;
    if (intent === "preview") {
      const t = await getTranslations("admin.letters.wording");
      const previews = await previewLetterWording({
        eventId,
        confirmation,
        waitlist,
        locale: language,
        name: t("sampleName"),
      });
      return { status: "done", previews: previews ?? [] };
    }
    await saveLetterWording({
      eventId,
      confirmation: storedWording(confirmation),
      waitlist: storedWording(waitlist),
      actor: { type: "STAFF", staffId: staff.id },
    });
    revalidatePath(`/admin/events/${eventId}/letters`);
    return done("saved");
  },
});
