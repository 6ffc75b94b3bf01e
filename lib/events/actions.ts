"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { duplicateEvent, saveEvent, setEventStatus } from "@/lib/events/mutations";
import { eventSettingsSchema } from "@/lib/events/schema";
import { fieldErrors } from "@/lib/forms/field-errors";
import { formDataToObject } from "@/lib/forms/form-data";
import { ADMINS, requireStaff } from "@/lib/staff/require-staff";

export type EventFormState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: Record<string, string>; values: Record<string, unknown> }
  | {
      status: "refused";
      reason: "slug_taken" | "not_found" | "day_has_attendance";
      values: Record<string, unknown>;
    };

/** The public event pages are cached for a few seconds; staff see their change at once. */
function revalidatePublicPages() {
  revalidatePath("/[locale]/events/[slug]", "page");
}

/** Admin: create an event (id null) or save its settings. */
export async function saveEventAction(
  id: string | null,
  _previous: EventFormState,
  formData: FormData,
): Promise<EventFormState> {
  const staff = await requireStaff(ADMINS);
  const values = formDataToObject(formData, { booleans: ["requiresApproval"] });
  const parsed = eventSettingsSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error), values };
  const result = await saveEvent({
    id: id === null ? undefined : z.uuid().parse(id),
    settings: parsed.data,
    actor: { type: "STAFF", staffId: staff.id },
  });
  if (!result.ok) return { status: "refused", reason: result.reason, values };
  revalidatePublicPages();
  redirect(`/admin/events/${result.id}/settings?saved=1`);
}

const statusSchema = z.enum(["DRAFT", "PUBLISHED", "CLOSED", "ARCHIVED"]);

/** Admin: publish, close registration, archive, or back to draft. */
export async function setEventStatusAction(id: string, formData: FormData): Promise<void> {
  const staff = await requireStaff(ADMINS);
  const status = statusSchema.parse(formData.get("status"));
  await setEventStatus({ id: z.uuid().parse(id), status, actor: { type: "STAFF", staffId: staff.id } });
  revalidatePublicPages();
  redirect(`/admin/events/${id}/settings`);
}

/** Admin: start the next event from this one. */
export async function duplicateEventAction(id: string): Promise<void> {
  const staff = await requireStaff(ADMINS);
  const copy = await duplicateEvent({ id: z.uuid().parse(id), actor: { type: "STAFF", staffId: staff.id } });
  redirect(copy ? `/admin/events/${copy}/settings` : "/admin");
}
