"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { fieldErrors } from "@/lib/forms/field-errors";
import { formDataToObject } from "@/lib/forms/form-data";
import { clientAddress } from "@/lib/http/client-address";
import { getPathname } from "@/lib/i18n/navigation";
import { isLocale, type Locale, routing } from "@/lib/i18n/routing";
import {
  cancelRegistration,
  changeRegistrationStatuses,
  updateRegistration,
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

export async function updateRegistrationAction(
  token: string,
  _previous: RegistrationFormState,
  formData: FormData,
): Promise<RegistrationFormState> {
  const values = readForm(formData);
  const parsed = registrationUpdateSchema.safeParse(values);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors<ErrorKey>(parsed.error), values };
  const result = await updateRegistration({ token, input: parsed.data });
  if (result.ok) return { status: "saved", values };
  if (result.reason === "not_found") return { status: "refused", reason: "not_active", values };
  return { status: "refused", reason: result.reason, values };
}

export async function cancelRegistrationAction(page: { token: string; locale: string }): Promise<void> {
  const { token } = page;
  await cancelRegistration({ token });
  const locale = pageLocale(page.locale);
  redirect(getPathname({ href: { pathname: `/r/${token}`, query: { cancelled: "1" } }, locale }));
}

const bulkStatusSchema = z.object({
  eventId: z.uuid(),
  ids: z.array(z.uuid()).min(1).max(500),
  to: z.enum(["CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"]),
});

/**
 * Staff: change the status of the selected registrations, then show the
 * outcome on the same list, with its filters (`filters`: the list's query).
 */
export async function bulkStatusAction(eventId: string, formData: FormData): Promise<void> {
  const staff = await requireStaff(ORGANIZERS);
  const query = new URLSearchParams(String(formData.get("filters") ?? ""));
  for (const key of ["changed", "skipped", "bulk"]) query.delete(key);
  const parsed = bulkStatusSchema.safeParse({ eventId, ids: formData.getAll("ids"), to: formData.get("to") });
  if (!parsed.success) {
    query.set("bulk", "none");
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
