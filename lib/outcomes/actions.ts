"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { normalizeCode } from "@/lib/check-in/rules";
import { publicAction, staffAction } from "@/lib/entry-points/action";
import { type ActionFailure, done, refused } from "@/lib/entry-points/state";
import { getEventForStaff } from "@/lib/events/data";
import { zonedInstant } from "@/lib/events/rules";
import { eventSlugSchema } from "@/lib/events/schema";
import type { FormValues } from "@/lib/forms/form-data";
import type { InstrumentKind } from "@/lib/generated/prisma/enums";
import { getPathname } from "@/lib/i18n/navigation";
import { localeSchema } from "@/lib/i18n/routing";
import { findRoomRegistration, getParticipantInstrument, type Respondent } from "@/lib/outcomes/data";
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
  roomKinds,
  roomLookupSchema,
} from "@/lib/outcomes/schema";
import { saveQuestions } from "@/lib/questions/mutations";
import { answersSchema } from "@/lib/questions/rules";
import { type Answers, questionsEditSchema } from "@/lib/questions/schema";
import {
  manageTokenSchema,
  registrationOfRoomPass,
  roomPass,
  roomPassSchema,
} from "@/lib/registrations/tokens";

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
 * A participant's answers, by their personal link or the room's pass.
 * Answered, closed, not yet open or answered before: back to the
 * instrument's page (`page`), which says so; answers the instrument refuses:
 * the form again with its errors.
 */
async function respond({
  respondent,
  kind,
  answers,
  values,
  page,
}: {
  respondent: Respondent;
  kind: InstrumentKind;
  answers: Answers;
  values: FormValues;
  page: string;
}): Promise<ActionFailure> {
  const result = await submitResponse({ ...respondent, kind, answers });
  if (!result.ok && result.reason === "invalid")
    return { status: "invalid", fieldErrors: result.fieldErrors, values } as const;
  if (!result.ok && result.reason === "not_found") return { status: "failed", code: "bad_request" } as const;
  redirect(page);
}

/** A participant answers an instrument by their personal link (the token authorizes it). */
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
  run: ({ bound: { token, kind, locale }, input, values }) =>
    respond({
      respondent: { token },
      kind,
      answers: input.answers,
      values,
      page: getPathname({ href: `/r/${token}/${instrumentPaths[kind]}`, locale }),
    }),
});

/**
 * Lookups in the room per address: a seminar's participants share one
 * network, and a code of seven of 31 letters is not guessed in this many.
 */
const ROOM_LOOKUPS_PER_ADDRESS = 120;
/** Tries per event and code: enough to mistype one's own name, too few to guess another's. */
const ROOM_LOOKUPS_PER_CODE = 10;

const roomBound = z.object({ slug: eventSlugSchema, locale: localeSchema });

/**
 * The room's QR page: a participant finds their registration by check-in
 * code and last name, and goes on to the post-test and survey with the
 * room's pass. A wrong code or name, or both, get the same one answer.
 */
export const findRoomRegistrationAction = publicAction({
  name: "outcomes.room_lookup",
  bound: roomBound,
  input: roomLookupSchema,
  rateLimits: ({ client, bound, input }) => [
    { key: `room-lookup:${client}`, limit: ROOM_LOOKUPS_PER_ADDRESS, windowSeconds: 600 },
    {
      key: `room-lookup:${bound.slug}:${normalizeCode(input.code)}`,
      limit: ROOM_LOOKUPS_PER_CODE,
      windowSeconds: 600,
    },
  ],
  async run({ bound: { slug, locale }, input }) {
    const registrationId = await findRoomRegistration({ slug, code: input.code, lastName: input.lastName });
    if (!registrationId) return refused("roomNotFound");
    redirect(getPathname({ href: `/events/${slug}/answer/${roomPass(registrationId)}`, locale }));
  },
});

/** A participant answers the post-test or the survey with the room's pass (its signature authorizes it). */
const roomRespondBound = z.object({
  slug: eventSlugSchema,
  pass: roomPassSchema,
  kind: instrumentKindSchema.refine((kind) => roomKinds.includes(kind)),
  locale: localeSchema,
});

export const submitRoomResponseAction = publicAction<
  typeof roomRespondBound,
  z.ZodType<{ answers: Answers }>
>({
  name: "outcomes.respond_in_room",
  bound: roomRespondBound,
  rateLimits: ({ client }) => [
    { key: `instrument:${client}`, limit: RESPONSES_PER_ADDRESS, windowSeconds: 600 },
  ],
  input: async ({ pass, kind }) => {
    const registrationId = registrationOfRoomPass(pass);
    const found = registrationId ? await getParticipantInstrument({ registrationId, kind }) : undefined;
    return z.object({ answers: answersSchema(found?.questions ?? []) });
  },
  async run({ bound: { slug, pass, kind, locale }, input, values }) {
    const registrationId = registrationOfRoomPass(pass);
    if (!registrationId) return { status: "failed", code: "bad_request" } as const;
    return respond({
      respondent: { registrationId },
      kind,
      answers: input.answers,
      values,
      page: getPathname({ href: `/events/${slug}/answer/${pass}/${instrumentPaths[kind]}`, locale }),
    });
  },
});
