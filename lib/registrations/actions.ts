"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { type Actor, participantActor } from "@/lib/audit/record";
import { type MessagePreview, previewOrganizerMessage } from "@/lib/emails/render";
import { publicAction, staffAction } from "@/lib/entry-points/action";
import { type ActionFailure, type Done, done, type Refused, refused } from "@/lib/entry-points/state";
import { eventSlugSchema } from "@/lib/events/schema";
import type { FormValues } from "@/lib/forms/form-data";
import { getPathname } from "@/lib/i18n/navigation";
import { localeSchema } from "@/lib/i18n/routing";
import { editSchemaOf, registrationSchemaOf } from "@/lib/questions/data";
import {
  cancelRegistration,
  changeRegistrationStatus,
  changeRegistrationStatuses,
  correctRegistrationEmail,
  type RegistrationTarget,
  resendLetter,
  type SkippedChange,
  sendTestMessage,
  setInternalNote,
  updateRegistration,
  writeToRegistrations,
} from "@/lib/registrations/mutations";
import {
  bulkChangeSchema,
  emailCorrectionSchema,
  type registrationUpdateSchema,
  statusChangeSchema,
} from "@/lib/registrations/schema";
import { submitRegistration } from "@/lib/registrations/submit";
import { manageTokenSchema } from "@/lib/registrations/tokens";

// Thin server actions (STYLE.md), each defined through lib/entry-points/action.ts.
// They work without JavaScript: the form posts here and the page renders the
// returned state.

/** What the registration form shows after a submission, beyond the layer's own failures. */
export type RegistrationFormState =
  | {
      status: "refused";
      /** already_registered: told to staff at the door only. */
      reason: "closed" | "category_full" | "not_active" | "already_registered";
      values: FormValues;
    }
  /**
   * A new registration and one for an address already registered get the same
   * answer: whether an address is registered is told only to its mailbox.
   */
  | { status: "received"; email: string }
  | { status: "saved"; values: FormValues };

const pageSchema = z.object({ slug: eventSlugSchema, locale: localeSchema });

export const registerAction = publicAction({
  name: "registrations.register",
  bound: pageSchema,
  // The event's form as it asks it: the schema the form validates with.
  input: ({ slug }) => registrationSchemaOf({ slug }),
  async run({
    bound: { slug, locale },
    input,
    values,
    client,
  }): Promise<RegistrationFormState | ActionFailure> {
    const result = await submitRegistration({ slug, input, locale, client });
    if (result.ok || result.reason === "already_registered")
      return { status: "received", email: input.email };
    switch (result.reason) {
      case "invalid":
        return { status: "invalid", fieldErrors: result.fieldErrors, values };
      case "rate_limited":
        return { status: "failed", code: "rate_limited", retryAfterSeconds: result.retryAfterSeconds };
      default:
        return { status: "refused", reason: "closed", values };
    }
  },
});

/** An edit of a registration from the shared form, by its participant or by an organizer. */
async function saveEdit({
  target,
  actor,
  input,
  values,
}: {
  target: RegistrationTarget;
  actor: Actor;
  input: z.output<typeof registrationUpdateSchema>;
  values: FormValues;
}): Promise<RegistrationFormState | ActionFailure> {
  const result = await updateRegistration({ target, input, actor });
  if (result.ok) return { status: "saved", values };
  if (result.reason === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, values };
  if (result.reason === "not_found") return { status: "refused", reason: "not_active", values };
  return { status: "refused", reason: result.reason, values };
}

/**
 * The participant's own page is opened by its token alone: a client posting
 * to it that often is trying tokens, not editing its registration.
 */
const PARTICIPANT_CHANGES_PER_ADDRESS = 60;
const participantChanges = ({ client }: { client: string }) => [
  { key: `participant-page:${client}`, limit: PARTICIPANT_CHANGES_PER_ADDRESS, windowSeconds: 600 },
];

/** The participant's own edit, authorized by the secret token of their link. */
export const updateRegistrationAction = publicAction({
  name: "registrations.update_own",
  bound: manageTokenSchema,
  rateLimits: participantChanges,
  input: (token) => editSchemaOf({ manageToken: token }),
  run: ({ bound: token, input, values }) =>
    saveEdit({ target: { token }, actor: participantActor, input, values }),
});

/** Staff: edit a participant's details, including a move to another sector under the seat rules. */
export const staffUpdateRegistrationAction = staffAction({
  name: "registrations.update",
  bound: z.uuid(),
  input: (id) => editSchemaOf({ registrationId: id }),
  event: ({ bound }) => ({ registration: bound }),
  permission: "event.registrations",
  async run({ staff, bound: id, input, values }) {
    const result = await saveEdit({
      target: { id },
      actor: { type: "STAFF", staffId: staff.id },
      input,
      values,
    });
    if (result.status === "saved") revalidatePath(`/admin/registrations/${id}`);
    return result;
  },
});

/** The participant cancels from their own page, authorized by the token. */
export const cancelRegistrationAction = publicAction({
  name: "registrations.cancel_own",
  bound: z.object({ token: manageTokenSchema, locale: localeSchema }),
  rateLimits: participantChanges,
  async run({ bound: { token, locale } }): Promise<never> {
    await cancelRegistration({ token });
    redirect(getPathname({ href: { pathname: `/r/${token}`, query: { cancelled: "1" } }, locale }));
  },
});

/** The list's bulk change: how many changed, and who did not, with why. */
export type BulkChanged = Done & { skipped: SkippedChange[] };

/** An organizer's message shown as one participant will receive it, before it is sent. */
export type Previewed = Done & { preview: MessagePreview };

/** Staff: change the status of the selected registrations, or write to them. */
export const bulkAction = staffAction({
  name: "registrations.bulk",
  bound: z.uuid(),
  input: bulkChangeSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.registrations",
  async run({ staff, bound: eventId, input }): Promise<Done | BulkChanged | Previewed | Refused> {
    const actor = { type: "STAFF", staffId: staff.id } as const;
    if (input.to === "MESSAGE") {
      const { ids, subject, message, intent } = input;
      // Shown, or sent to oneself, as the first selected participant would receive it.
      const [first = ""] = ids;
      if (intent === "preview") {
        const preview = await previewOrganizerMessage({ eventId, registrationId: first, subject, message });
        return preview ? { status: "done", preview } : refused("notOfEvent");
      }
      if (intent === "test") {
        const sent = await sendTestMessage({
          eventId,
          registrationId: first,
          subject,
          message,
          to: staff.email,
          actor,
        });
        return sent ? done("testMessageQueued") : refused("notOfEvent");
      }
      const written = await writeToRegistrations({ eventId, registrationIds: ids, subject, message, actor });
      return done("written", { count: written });
    }
    const result = await changeRegistrationStatuses({
      eventId,
      registrationIds: input.ids,
      to: input.to,
      actor,
    });
    revalidatePath(`/admin/events/${eventId}`);
    return {
      ...done("bulkChanged", { changed: result.changed.length, skipped: result.skipped.length }),
      skipped: result.skipped,
    };
  },
});

const skipMessages = {
  no_seat: "noSeat",
  same_status: "sameStatus",
  not_allowed: "statusNotAllowed",
} as const;

/** Staff: one registration's change of status, from its page, under the list's rules. */
export const changeStatusAction = staffAction({
  name: "registrations.change_status",
  bound: z.uuid(),
  input: statusChangeSchema,
  event: ({ bound }) => ({ registration: bound }),
  permission: "event.registrations",
  async run({ staff, bound: id, input }) {
    const result = await changeRegistrationStatus({
      registrationId: id,
      to: input.to,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (result.ok) {
      revalidatePath(`/admin/registrations/${id}`);
      return done("registrationStatusChanged");
    }
    if (result.reason === "not_found") notFound();
    return refused(skipMessages[result.reason]);
  },
});

/** Staff: a mistyped address corrected; the new address gets the current letter again. */
export const correctEmailAction = staffAction({
  name: "registrations.correct_email",
  bound: z.uuid(),
  input: emailCorrectionSchema,
  event: ({ bound }) => ({ registration: bound }),
  permission: "event.contacts",
  async run({ staff, bound: id, input }) {
    const result = await correctRegistrationEmail({
      registrationId: id,
      email: input.email,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok && result.reason === "not_found") notFound();
    revalidatePath(`/admin/registrations/${id}`);
    if (result.ok) return done("emailCorrected");
    return refused(result.reason === "unchanged" ? "emailUnchanged" : "emailTaken");
  },
});

/** Staff: the internal note on a registration, never shown to the participant. */
export const saveInternalNoteAction = staffAction({
  name: "registrations.note",
  bound: z.uuid(),
  input: z.object({ note: z.string().trim().max(2000, { error: "tooLong" }).default("") }),
  event: ({ bound }) => ({ registration: bound }),
  permission: "event.registrations",
  async run({ staff, bound: id, input }) {
    await setInternalNote({ id, note: input.note, actor: { type: "STAFF", staffId: staff.id } });
    revalidatePath(`/admin/registrations/${id}`);
    return done("noteSaved");
  },
});

/** Staff: send again the letter of the registration's current status, or its management link. */
export const resendLetterAction = staffAction({
  name: "registrations.resend_letter",
  bound: z.uuid(),
  input: z.object({ kind: z.enum(["status", "manage-link"]) }),
  event: ({ bound }) => ({ registration: bound }),
  permission: "event.letters",
  async run({ staff, bound: id, input }) {
    await resendLetter({ id, kind: input.kind, actor: { type: "STAFF", staffId: staff.id } });
    revalidatePath(`/admin/registrations/${id}`);
    return done("letterQueued");
  },
});
