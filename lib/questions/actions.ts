"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import type { FormValues } from "@/lib/forms/form-data";
import { type SaveFormResult, saveFormFields, saveQuestions } from "@/lib/questions/mutations";
import { formFieldsEditSchema, questionsEditSchema } from "@/lib/questions/schema";

/** The outcome of a save on the event's form page, as its form shows it. */
function outcome(eventId: string, result: SaveFormResult, values: FormValues) {
  if (result.ok) {
    revalidatePath(`/admin/events/${eventId}/questions`);
    return done("saved");
  }
  if (result.reason === "invalid")
    return { status: "invalid", fieldErrors: result.fieldErrors, values } as const;
  return { status: "failed", code: "bad_request" } as const;
}

/** Staff: an event's questions as the editor saves them, all at once, in their order. */
export const saveQuestionsAction = staffAction({
  name: "questions.save",
  bound: z.uuid(),
  input: questionsEditSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.content",
  run: async ({ staff, bound: eventId, input, values }) =>
    outcome(
      eventId,
      await saveQuestions({ eventId, input, actor: { type: "STAFF", staffId: staff.id } }),
      values,
    ),
});

/** Staff: how an event's form asks its built-in fields, and its regions. */
export const saveFormFieldsAction = staffAction({
  name: "questions.save_fields",
  bound: z.uuid(),
  input: formFieldsEditSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.content",
  run: async ({ staff, bound: eventId, input, values }) =>
    outcome(
      eventId,
      await saveFormFields({ eventId, input, actor: { type: "STAFF", staffId: staff.id } }),
      values,
    ),
});
