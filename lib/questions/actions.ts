"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import { saveFormFields, saveQuestions } from "@/lib/questions/mutations";
import { formFieldsEditSchema, questionsEditSchema } from "@/lib/questions/schema";
import { ORGANIZERS } from "@/lib/staff/require-staff";

/** Staff: an event's questions as the editor saves them, all at once, in their order. */
export const saveQuestionsAction = staffAction({
  name: "questions.save",
  roles: ORGANIZERS,
  bound: z.uuid(),
  input: questionsEditSchema,
  async run({ staff, bound: eventId, input, values }) {
    const result = await saveQuestions({ eventId, input, actor: { type: "STAFF", staffId: staff.id } });
    if (result.ok) {
      revalidatePath(`/admin/events/${eventId}/questions`);
      return done("saved");
    }
    if (result.reason === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, values };
    return { status: "failed", code: "bad_request" };
  },
});

/** Staff: how an event's form asks its built-in fields, and its regions. */
export const saveFormFieldsAction = staffAction({
  name: "questions.save_fields",
  roles: ORGANIZERS,
  bound: z.uuid(),
  input: formFieldsEditSchema,
  async run({ staff, bound: eventId, input, values }) {
    const result = await saveFormFields({ eventId, input, actor: { type: "STAFF", staffId: staff.id } });
    if (result.ok) {
      revalidatePath(`/admin/events/${eventId}/questions`);
      return done("saved");
    }
    if (result.reason === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, values };
    return { status: "failed", code: "bad_request" };
  },
});
