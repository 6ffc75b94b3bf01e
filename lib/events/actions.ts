"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { type Done, done } from "@/lib/entry-points/state";
import { duplicateEvent, type SaveEventResult, saveEvent, setEventStatus } from "@/lib/events/mutations";
import { eventSettingsSchema, eventStatusSchema } from "@/lib/events/schema";
import type { FormValues } from "@/lib/forms/form-data";

export type EventFormState =
  | Done
  | { status: "refused"; reason: Exclude<SaveEventResult, { ok: true }>["reason"]; values: FormValues };

/** The public event pages are cached for a few seconds; staff see their change at once. */
function revalidatePublicPages() {
  revalidatePath("/[locale]/events/[slug]", "page");
}

/** Admin: create an event (bound to null) or save its settings. */
export const saveEventAction = staffAction({
  name: "events.save",
  bound: z.uuid().nullable(),
  input: eventSettingsSchema,
  event: ({ bound }) => (bound ? { event: bound } : null),
  permission: "event.settings",
  async run({ staff, bound: id, input, values }) {
    const result = await saveEvent({
      id: id ?? undefined,
      settings: input,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) return { status: "refused", reason: result.reason, values } satisfies EventFormState;
    revalidatePublicPages();
    // A new event continues on its own settings page.
    if (!id) redirect(`/admin/events/${result.id}/settings`);
    revalidatePath(`/admin/events/${id}/settings`);
    return done("saved");
  },
});

/** Admin: publish, close registration, archive, or back to draft. */
export const setEventStatusAction = staffAction({
  name: "events.set_status",
  bound: z.uuid(),
  input: z.object({ status: eventStatusSchema }),
  event: ({ bound }) => ({ event: bound }),
  permission: "event.settings",
  async run({ staff, bound: id, input }) {
    await setEventStatus({ id, status: input.status, actor: { type: "STAFF", staffId: staff.id } });
    revalidatePublicPages();
    revalidatePath(`/admin/events/${id}/settings`);
    return done("statusChanged");
  },
});

/** Admin: start the next event from this one. */
export const duplicateEventAction = staffAction({
  name: "events.duplicate",
  bound: z.uuid(),
  event: () => null,
  permission: "event.settings",
  async run({ staff, bound: id }): Promise<never> {
    const copy = await duplicateEvent({ id, actor: { type: "STAFF", staffId: staff.id } });
    redirect(copy ? `/admin/events/${copy}/settings` : "/admin");
  },
});
