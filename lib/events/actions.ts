"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { type Done, done } from "@/lib/entry-points/state";
import { duplicateEvent, type SaveEventResult, saveEvent, setEventStatus } from "@/lib/events/mutations";
import { eventSettingsSchema, eventStatusSchema } from "@/lib/events/schema";
import type { FormValues } from "@/lib/forms/form-data";
import { organizationChoiceSchema } from "@/lib/organizations/schema";
import { requireEventAccess } from "@/lib/staff/require-staff";

export type EventFormState =
  | Done
  | { status: "refused"; reason: Exclude<SaveEventResult, { ok: true }>["reason"]; values: FormValues };

/** The public event pages are cached for a few seconds; staff see their change at once. */
function revalidatePublicPages() {
  revalidatePath("/[locale]/events/[slug]", "page");
}

/**
 * Admin, or an organization's organizer: create an event (bound to null) or
 * save its settings. A new event's organization is the creator's; an admin,
 * in none, chooses it (decision 041). Moving an event later is moveEventAction's.
 */
export const saveEventAction = staffAction({
  name: "events.save",
  bound: z.uuid().nullable(),
  input: eventSettingsSchema.extend({ organizationId: organizationChoiceSchema.optional() }),
  event: ({ bound }) => (bound ? { event: bound } : null),
  permission: "event.settings",
  async run({ staff, bound: id, input: { organizationId, ...settings }, values }) {
    const result = await saveEvent({
      id: id ?? undefined,
      settings,
      organizationId: staff.organizationId ?? organizationId ?? null,
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

/** Admin, or an organization's organizer: start the next event from this one (of the same organization). */
export const duplicateEventAction = staffAction({
  name: "events.duplicate",
  bound: z.uuid(),
  event: () => null,
  permission: "event.settings",
  async run({ staff, bound: id }): Promise<never> {
    // A copy is a new event (checked above), made from one the caller must
    // be able to change: an organization's organizer copies only its own.
    await requireEventAccess({ event: id, permission: "event.settings" });
    const copy = await duplicateEvent({ id, actor: { type: "STAFF", staffId: staff.id } });
    redirect(copy ? `/admin/events/${copy}/settings` : "/admin");
  },
});
