"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { type Actor, participantActor } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/forms/field-errors";
import { formDataToObject } from "@/lib/forms/form-data";
import { clientAddress } from "@/lib/http/client-address";
import { getPathname } from "@/lib/i18n/navigation";
import { isLocale, type Locale, routing } from "@/lib/i18n/routing";
import {
  cancelRegistration,
  changeRegistrationStatuses,
  type RegistrationTarget,
  resendLetter,
  setInternalNote,
  updateRegistration,
  writeToRegistrations,
} from "@/lib/registrations/mutations";
import { type ErrorKey, registrationUpdateSchema } from "@/lib/registrations/schema";
import { submitRegistration } from "@/lib/registrations/submit";
import { ORGANIZERS, requireStaff } from "@/lib/staff/require-staff";

// Thin server actions (STYLE.md): read the form, validate with the shared
// schema, limit, call the mutation, answer with a state the form renders.
// They work without JavaScript: the form posts here and the page renders the
// returned state.

export type FormValues = Record<string, string | boolean>;

export type RegistrationFormState =
  | { status: "idle" }
  | {
      status: "invalid";
      fieldErrors: Record<string, ErrorKey>;
      values: FormValues;
    }
  | {
      status: "refused";
      reason: "rate_limited" | "closed" | "category_full" | "not_active";
      retryAfterMinutes?: number;
      values: FormValues;
    }
  | { status: "already_registered" }
  | { status: "saved"; values: FormValues };

/** The form's fields as the schema expects them: checkboxes as booleans. */
function readForm(formData: FormData): FormValues {
  return formDataToObject(formData, { booleans: ["needsAccommodation", "consent"] }) as FormValues;
}

/** Bound arguments travel through the browser: check the language. */
function pageLocale(value: string): Locale {
  return isLocale(value) ? value : routing.defaultLocale;
}

export async function registerAction(
  page: { slug: string; locale: string },
  _previous: RegistrationFormState,
  formData: FormData,
): Promise<RegistrationFormState> {
  const values = readForm(formData);
  const { slug } = page;
  const locale = pageLocale(page.locale);
  const result = await submitRegistration({ slug, values, locale, client: clientAddress(await headers()) });
  if (result.ok) {
    redirect(
      getPathname({ href: { pathname: `/r/${result.manageToken}`, query: { welcome: "1" } }, locale }),
    );
  }
  switch (result.reason) {
    case "invalid":
      return { status: "invalid", fieldErrors: result.fieldErrors, values };
    case "rate_limited":
      return {
        status: "refused",
        reason: "rate_limited",
        retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60),
        values,
      };
    case "already_registered":
      return { status: "already_registered" };
    default:
      return { status: "refused", reason: "closed", values };
  }
}

/** An edit of a registration from the shared form, by its participant or by an organizer. */
async function saveEdit(
  target: RegistrationTarget,
  actor: Actor,
  formData: FormData,
): Promise<RegistrationFormState> {
  const values = readForm(formData);
  const parsed = registrationUpdateSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors<ErrorKey>(parsed.error), values };
  const result = await updateRegistration({ target, input: parsed.data, actor });
  if (result.ok) return { status: "saved", values };
  if (result.reason === "not_found") return { status: "refused", reason: "not_active", values };
  return { status: "refused", reason: result.reason, values };
}

export async function updateRegistrationAction(
  token: string,
  _previous: RegistrationFormState,
  formData: FormData,
): Promise<RegistrationFormState> {
  return saveEdit({ token }, participantActor, formData);
}

/** Staff: edit a participant's details, including a move to another sector under the seat rules. */
export async function staffUpdateRegistrationAction(
  id: string,
  _previous: RegistrationFormState,
  formData: FormData,
): Promise<RegistrationFormState> {
  const staff = await requireStaff(ORGANIZERS);
  const result = await saveEdit({ id: z.uuid().parse(id) }, { type: "STAFF", staffId: staff.id }, formData);
  if (result.status === "saved") revalidatePath(`/admin/registrations/${id}`);
  return result;
}

export async function cancelRegistrationAction(page: { token: string; locale: string }): Promise<void> {
  const { token } = page;
  await cancelRegistration({ token });
  const locale = pageLocale(page.locale);
  redirect(getPathname({ href: { pathname: `/r/${token}`, query: { cancelled: "1" } }, locale }));
}

const bulkSchema = z.discriminatedUnion("to", [
  z.object({
    eventId: z.uuid(),
    ids: z.array(z.uuid()).min(1).max(500),
    to: z.enum(["CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"]),
  }),
  z.object({
    eventId: z.uuid(),
    ids: z.array(z.uuid()).min(1).max(500),
    to: z.literal("MESSAGE"),
    subject: z.string().trim().min(1).max(150),
    message: z.string().trim().min(1).max(5000),
  }),
]);

/**
 * Staff: change the status of the selected registrations, or write to them,
 * then show the outcome on the same list, with its filters (`filters`: the
 * list's query).
 */
export async function bulkAction(eventId: string, formData: FormData): Promise<void> {
  const staff = await requireStaff(ORGANIZERS);
  const query = new URLSearchParams(String(formData.get("filters") ?? ""));
  for (const key of ["changed", "skipped", "bulk", "written"]) query.delete(key);
  const parsed = bulkSchema.safeParse({
    eventId,
    ids: formData.getAll("ids"),
    to: formData.get("to"),
    subject: formData.get("subject"),
    message: formData.get("message"),
  });
  if (!parsed.success) {
    query.set("bulk", "none");
  } else if (parsed.data.to === "MESSAGE") {
    const written = await writeToRegistrations({
      eventId: parsed.data.eventId,
      registrationIds: parsed.data.ids,
      subject: parsed.data.subject,
      message: parsed.data.message,
      actor: { type: "STAFF", staffId: staff.id },
    });
    query.set("written", String(written));
  } else {
    const result = await changeRegistrationStatuses({
      eventId: parsed.data.eventId,
      registrationIds: parsed.data.ids,
      to: parsed.data.to,
      actor: { type: "STAFF", staffId: staff.id },
    });
    query.set("changed", String(result.changed.length));
    query.set("skipped", String(result.skipped.length));
  }
  redirect(`/admin/events/${encodeURIComponent(eventId)}?${query}`);
}

/** Staff: the internal note on a registration, never shown to the participant. */
export async function saveInternalNoteAction(id: string, formData: FormData): Promise<void> {
  const staff = await requireStaff(ORGANIZERS);
  const note = z
    .string()
    .trim()
    .max(2000)
    .parse(formData.get("note") ?? "");
  await setInternalNote({ id: z.uuid().parse(id), note, actor: { type: "STAFF", staffId: staff.id } });
  redirect(`/admin/registrations/${encodeURIComponent(id)}?saved=note`);
}

/** Staff: send again the letter of the registration's current status, or its management link. */
export async function resendLetterAction(id: string, formData: FormData): Promise<void> {
  const staff = await requireStaff(ORGANIZERS);
  const kind = z.enum(["status", "manage-link"]).parse(formData.get("kind"));
  await resendLetter({ id: z.uuid().parse(id), kind, actor: { type: "STAFF", staffId: staff.id } });
  redirect(`/admin/registrations/${encodeURIComponent(id)}?saved=letter`);
}
