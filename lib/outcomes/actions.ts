"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction, staffAction } from "@/lib/entry-points/action";
import { type ActionFailure, done, refused } from "@/lib/entry-points/state";
import { getEventForStaff } from "@/lib/events/data";
import { zonedInstant } from "@/lib/events/rules";
import { getPathname } from "@/lib/i18n/navigation";
import { localeSchema } from "@/lib/i18n/routing";
import { getParticipantInstrument } from "@/lib/outcomes/data";
import {
  ensureInstrument,
  type InstrumentChange,
  remindInstrument,
  saveInstrumentSettings,
  submitResponse,
  switchInstrument,
} from "@/lib/outcomes/mutations";
import {
  instrumentKindSchema,
  instrumentPaths,
  instrumentSettingsSchema,
  instrumentSwitchSchema,
} from "@/lib/outcomes/schema";
import { saveQuestions } from "@/lib/questions/mutations";
import { answersSchema } from "@/lib/questions/rules";
import { type Answers, questionsEditSchema } from "@/lib/questions/schema";
import { manageTokenSchema } from "@/lib/registrations/tokens";

const instrumentOf = z.object({ eventId: z.uuid(), kind: instrumentKindSchema });

function outcome(eventId: string, result: InstrumentChange, values: Record<string, unknown>) {
  if (result.ok) {
    revalidatePath(`/admin/events/${eventId}/outcomes`);
    return done("saved");
  }
  if (result.reason === "invalid")
    return { status: "invalid", fieldErrors: result.fieldErrors, values } as ActionFailure;
  return { status: "failed", code: "bad_request" } as const;
}

/** Staff: an instrument's questions, saved by the registration questions' editor and engine. */
export const saveInstrumentQuestionsAction = staffAction({
  name: "outcomes.save_questions",
  bound: instrumentOf,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.content",
  input: questionsEditSchema,
  async run({ staff, bound: { eventId, kind }, input, values }) {
    const { id: instrumentId } = await ensureInstrument({ eventId, kind });
    const result = await saveQuestions({
      eventId,
      instrumentId,
      input,
      actor: { type: "STAFF", staffId: staff.id },
    });
    return outcome(eventId, result, values);
  },
});

/** Staff: when an instrument opens and closes, and how it is answered. */
export const saveInstrumentSettingsAction = staffAction({
  name: "outcomes.save_settings",
  bound: instrumentOf,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.content",
  input: instrumentSettingsSchema,
  async run({ staff, bound: { eventId, kind }, input, values }) {
    const event = await getEventForStaff({ id: eventId });
    if (!event) return { status: "failed", code: "bad_request" } as const;
    const instant = (value: string | undefined) =>
      value
        ? zonedInstant({ date: value.slice(0, 10), time: value.slice(11, 16), timeZone: event.timeZone })
        : null;
    const { id: instrumentId } = await ensureInstrument({ eventId, kind });
    const result = await saveInstrumentSettings({
      instrumentId,
      eventId,
      input,
      window: { opensAt: instant(input.opensAt), closesAt: instant(input.closesAt) },
      actor: { type: "STAFF", staffId: staff.id },
    });
    return outcome(eventId, result, values);
  },
});

/** Staff: open an instrument now, or close it now. */
export const switchInstrumentAction = staffAction({
  name: "outcomes.switch",
  bound: instrumentOf,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.content",
  input: instrumentSwitchSchema,
  async run({ staff, bound: { eventId, kind }, input, values }) {
    const { id: instrumentId } = await ensureInstrument({ eventId, kind });
    const result = await switchInstrument({
      instrumentId,
      eventId,
      to: input.to,
      actor: { type: "STAFF", staffId: staff.id },
    });
    return outcome(eventId, result, values);
  },
});

/**
 * Staff: a letter to everyone an open instrument still awaits (the box
 * ticked to confirm), at most once an hour per instrument.
 */
export const remindInstrumentAction = staffAction({
  name: "outcomes.remind",
  bound: instrumentOf,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.letters",
  input: z.object({ confirm: z.literal("yes") }),
  async run({ staff, bound: { eventId, kind } }) {
    const result = await remindInstrument({ eventId, kind, actor: { type: "STAFF", staffId: staff.id } });
    if (!result.ok && result.reason === "not_found")
      return { status: "failed", code: "bad_request" } as const;
    if (!result.ok) return refused(result.reason === "too_soon" ? "reminderTooSoon" : "instrumentNotOpen");
    revalidatePath(`/admin/events/${eventId}/outcomes`);
    return done("written", { count: result.queued });
  },
});

/** Attempts per address at the instruments' forms, as at the participant's other forms. */
const RESPONSES_PER_ADDRESS = 60;

/**
 * A participant answers an instrument by their personal link (the token
 * authorizes it). Answered, closed, not yet open or answered before: back to
 * the instrument's page, which says so; answers the instrument refuses: the
 * form again with its errors.
 */
const respondBound = z.object({ token: manageTokenSchema, kind: instrumentKindSchema, locale: localeSchema });

export const submitResponseAction = publicAction<typeof respondBound, z.ZodType<{ answers: Answers }>>({
  name: "outcomes.respond",
  bound: respondBound,
  rateLimits: ({ client }) => [
    { key: `instrument:${client}`, limit: RESPONSES_PER_ADDRESS, windowSeconds: 600 },
  ],
  input: async ({ token, kind }) => {
    const found = await getParticipantInstrument({ token, kind });
    return z.object({ answers: answersSchema(found?.questions ?? []) });
  },
  async run({ bound: { token, kind, locale }, input, values }) {
    const result = await submitResponse({ token, kind, answers: input.answers });
    if (!result.ok && result.reason === "invalid")
      return { status: "invalid", fieldErrors: result.fieldErrors, values } as const;
    if (!result.ok && result.reason === "not_found")
      return { status: "failed", code: "bad_request" } as const;
    redirect(getPathname({ href: `/r/${token}/${instrumentPaths[kind]}`, locale }));
  },
});
