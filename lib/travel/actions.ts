"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import type { FormValues } from "@/lib/forms/form-data";
import {
  completeTravel,
  createHotel,
  createRoom,
  type LogisticsResult,
  saveLogisticsSettings,
} from "@/lib/travel/mutations";
import {
  hotelSchema,
  logisticsSettingsSchema,
  roomSchema,
  travelCompletionSchema,
} from "@/lib/travel/schema";

/** A logistics change as its form shows it: saved, field errors with what was typed, or a stale page. */
function outcome(result: LogisticsResult, values: FormValues, paths: string[]) {
  if (result.ok) {
    for (const path of paths) revalidatePath(path);
    return done("saved");
  }
  if (result.reason === "invalid")
    return { status: "invalid", fieldErrors: result.fieldErrors, values } as const;
  return { status: "failed", code: "bad_request" } as const;
}

/** Staff: a participant's room for the nights they asked, roommate, fare paid and per-diem days at most. */
export const completeTravelAction = staffAction({
  name: "travel.complete",
  bound: z.uuid(),
  event: ({ bound }) => ({ registration: bound }),
  permission: "event.registrations",
  input: travelCompletionSchema,
  run: async ({ staff, bound: registrationId, input, values }) =>
    outcome(
      await completeTravel({ registrationId, input, actor: { type: "STAFF", staffId: staff.id } }),
      values,
      [`/admin/registrations/${registrationId}`],
    ),
});

const ofEvent = z.object({ eventId: z.uuid() });
const logisticsPaths = (eventId: string) => [
  `/admin/events/${eventId}/logistics`,
  `/admin/events/${eventId}/rooming`,
];

/** Staff: whether the form asks travel and a passport, how travel is paid, the per-diem rates and ceilings. */
export const saveLogisticsSettingsAction = staffAction({
  name: "travel.save_settings",
  bound: ofEvent,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.settings",
  input: logisticsSettingsSchema,
  run: async ({ staff, bound, input, values }) => {
    const result = await saveLogisticsSettings({
      eventId: bound.eventId,
      input,
      actor: { type: "STAFF", staffId: staff.id },
    });
    // The form asks travel, or stops asking it, at once.
    if (result.ok) revalidatePath("/[locale]/events/[slug]/register", "page");
    return outcome(result, values, logisticsPaths(bound.eventId));
  },
});

/** Staff: a hotel of the event. */
export const addHotelAction = staffAction({
  name: "travel.add_hotel",
  bound: ofEvent,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.settings",
  input: hotelSchema,
  run: async ({ staff, bound, input, values }) =>
    outcome(
      await createHotel({ eventId: bound.eventId, input, actor: { type: "STAFF", staffId: staff.id } }),
      values,
      logisticsPaths(bound.eventId),
    ),
});

/** Staff: a room of one of the event's hotels. */
export const addRoomAction = staffAction({
  name: "travel.add_room",
  bound: ofEvent,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.settings",
  input: roomSchema,
  run: async ({ staff, bound, input, values }) =>
    outcome(
      await createRoom({ eventId: bound.eventId, input, actor: { type: "STAFF", staffId: staff.id } }),
      values,
      logisticsPaths(bound.eventId),
    ),
});
