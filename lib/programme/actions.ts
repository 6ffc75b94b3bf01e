"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import type { FormValues } from "@/lib/forms/form-data";
import { createSpeaker, deleteSession, saveSession, updateSpeaker } from "@/lib/programme/mutations";
import { sessionInputSchema, speakerInputSchema } from "@/lib/programme/schema";

type Outcome =
  | { ok: true }
  | { ok: false; reason: "invalid"; fieldErrors: Record<string, string> }
  | { ok: false; reason: "not_found" };

/** The outcome of a change on the programme page, as its forms show it; the event page shows it at once. */
function outcome(eventId: string, result: Outcome, values: FormValues) {
  if (result.ok) {
    revalidatePath(`/admin/events/${eventId}/programme`);
    revalidatePath("/[locale]/events/[slug]", "page");
    return done("saved");
  }
  if (result.reason === "invalid")
    return { status: "invalid", fieldErrors: result.fieldErrors, values } as const;
  return { status: "failed", code: "bad_request" } as const;
}

const sessionOf = z.object({ eventId: z.uuid(), sessionId: z.uuid().optional() });

/** Staff: add a session to one of the event's days (no sessionId), or change one of its sessions. */
export const saveSessionAction = staffAction({
  name: "programme.save_session",
  bound: sessionOf,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.content",
  input: sessionInputSchema,
  run: async ({ staff, bound, input, values }) =>
    outcome(
      bound.eventId,
      await saveSession({ ...bound, input, actor: { type: "STAFF", staffId: staff.id } }),
      values,
    ),
});

/** Staff: remove one of the event's sessions. */
export const deleteSessionAction = staffAction({
  name: "programme.delete_session",
  bound: z.object({ eventId: z.uuid(), sessionId: z.uuid() }),
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.content",
  run: async ({ staff, bound, values }) =>
    outcome(
      bound.eventId,
      await deleteSession({ ...bound, actor: { type: "STAFF", staffId: staff.id } }),
      values,
    ),
});

/** Staff: a new speaker (no speakerId) or a correction of one, from an event's programme page. */
export const saveSpeakerAction = staffAction({
  name: "programme.save_speaker",
  bound: z.object({ eventId: z.uuid(), speakerId: z.uuid().optional() }),
  // Speakers are shared by every event; they are written from an event's programme, by those who may edit it.
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.content",
  input: speakerInputSchema,
  run: async ({ staff, bound, input, values }) => {
    const actor = { type: "STAFF", staffId: staff.id } as const;
    const result = bound.speakerId
      ? await updateSpeaker({ id: bound.speakerId, input, actor })
      : await createSpeaker({ input, actor });
    return outcome(bound.eventId, result, values);
  },
});
