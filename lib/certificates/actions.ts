"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { queueCertificateLetters, saveCertificateSettings } from "@/lib/certificates/mutations";
import { certificateSettingsSchema } from "@/lib/certificates/schema";
import { staffAction } from "@/lib/entry-points/action";
import { done, refused } from "@/lib/entry-points/state";

const paperPage = (eventId: string) => `/admin/events/${eventId}/paper`;

/** Organizers: the days to attend for a certificate, and the hours it states. */
export const saveCertificateSettingsAction = staffAction({
  name: "certificates.save_settings",
  bound: z.uuid(),
  input: certificateSettingsSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.documents",
  async run({ staff, bound: eventId, input, values }) {
    const result = await saveCertificateSettings({
      eventId,
      settings: input,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok && result.reason === "no_instrument")
      return refused(result.field === "requiresPostTest" ? "noPostTest" : "noFeedbackSurvey");
    // More days than the event has: the same answer as a value out of range.
    if (!result.ok) return { status: "invalid", fieldErrors: { minDays: result.reason }, values } as const;
    revalidatePath(paperPage(eventId));
    return done("certificatesSaved");
  },
});

/** Organizers: email every participant who qualifies their certificate, once. */
export const sendCertificatesAction = staffAction({
  name: "certificates.send",
  bound: z.uuid(),
  event: ({ bound }) => ({ event: bound }),
  permission: "event.documents",
  async run({ staff, bound: eventId }) {
    const { queued, skipped, withoutPostTest, withoutFeedback } = await queueCertificateLetters({
      eventId,
      actor: { type: "STAFF", staffId: staff.id },
    });
    revalidatePath(paperPage(eventId));
    if (skipped > 0)
      return done("certificatesQueuedSkipping", { count: queued, skipped, withoutPostTest, withoutFeedback });
    return done("certificatesQueued", { count: queued });
  },
});
