"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { recordMark, setAttendance } from "@/lib/check-in/mutations";
import { attendanceCellSchema } from "@/lib/check-in/schema";
import { getEventForStaff } from "@/lib/events/data";
import { fieldErrors } from "@/lib/forms/field-errors";
import { formDataToObject } from "@/lib/forms/form-data";
import { isLocale, routing } from "@/lib/i18n/routing";
import type { FormValues, RegistrationFormState } from "@/lib/registrations/actions";
import { createRegistration } from "@/lib/registrations/mutations";
import { type ErrorKey, registrationSchema } from "@/lib/registrations/schema";
import { ORGANIZERS, requireStaff } from "@/lib/staff/require-staff";

const walkInPageSchema = z.object({ eventId: z.uuid(), dayId: z.uuid() });

/**
 * An organizer registers someone at the door: the public form's schema, seats
 * and letter (createRegistration), without the registration window; then the
 * person is marked present on the day, whatever their status came out as.
 */
export async function walkInAction(
  page: { eventId: string; dayId: string },
  _previous: RegistrationFormState,
  formData: FormData,
): Promise<RegistrationFormState> {
  const staff = await requireStaff(ORGANIZERS);
  const values = formDataToObject(formData, { booleans: ["needsAccommodation", "consent"] }) as FormValues;
  const target = walkInPageSchema.safeParse(page);
  const event = target.success ? await getEventForStaff({ id: target.data.eventId }) : null;
  if (!target.success || !event?.days.some((day) => day.id === target.data.dayId)) {
    return { status: "refused", reason: "closed", values };
  }
  const parsed = registrationSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors<ErrorKey>(parsed.error), values };
  const locale = await getLocale();
  const created = await createRegistration({
    slug: event.slug,
    input: parsed.data,
    locale: isLocale(locale) ? locale : routing.defaultLocale,
    actor: { type: "STAFF", staffId: staff.id },
    atTheDoor: true,
  });
  if (!created.ok) {
    return created.reason === "already_registered"
      ? { status: "already_registered" }
      : { status: "refused", reason: "closed", values };
  }
  await recordMark({
    eventId: event.id,
    mark: {
      kind: "mark",
      clientMarkId: randomUUID(),
      registrationId: created.registrationId,
      eventDayId: target.data.dayId,
      markedAt: new Date().toISOString(),
      admit: true,
    },
    door: { staffId: staff.id, role: staff.role },
  });
  redirect(`/admin/events/${event.id}/check-in?day=${target.data.dayId}&walkIn=${created.status}`);
}

/** An organizer toggles one cell of the attendance grid. */
export async function setAttendanceAction(formData: FormData): Promise<void> {
  const staff = await requireStaff(ORGANIZERS);
  const parsed = attendanceCellSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return;
  await setAttendance({ ...parsed.data, staffId: staff.id });
  revalidatePath(`/admin/events/${parsed.data.eventId}/attendance`);
}
