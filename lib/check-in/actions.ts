"use server";

import { randomUUID } from "node:crypto";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { recordMark, setAttendance } from "@/lib/check-in/mutations";
import { attendanceCellSchema } from "@/lib/check-in/schema";
import { staffAction } from "@/lib/entry-points/action";
import { done, refused } from "@/lib/entry-points/state";
import { getEventForStaff } from "@/lib/events/data";
import { dayHasBegun } from "@/lib/events/rules";
import type { ParticipantCategory, RegistrationStatus } from "@/lib/generated/prisma/enums";
import { isLocale, routing } from "@/lib/i18n/routing";
import { registrationSchemaOf } from "@/lib/questions/data";
import type { RegistrationFormState } from "@/lib/registrations/actions";
import { createRegistration } from "@/lib/registrations/mutations";
import { fullName } from "@/lib/registrations/names";

/** Who was registered at the door, and how it came out: the walk-in page says it. */
export type WalkedIn = {
  status: "walkedIn";
  registrationId: string;
  name: string;
  category: ParticipantCategory;
  registrationStatus: RegistrationStatus;
};

/**
 * An organizer registers someone at the door: the public form's schema, seats
 * and letter (createRegistration), without the registration window; then the
 * person is marked present on the day, whatever their status came out as. A
 * walk-in is confirmed when their sector has a seat; when it has none they
 * are on the waiting list, and the page says so rather than "registered".
 */
export const walkInAction = staffAction({
  name: "check_in.walk_in",
  bound: z.object({ eventId: z.uuid(), dayId: z.uuid() }),
  // The event's own questions are asked at the door too, under the same rules.
  input: ({ eventId }) => registrationSchemaOf({ eventId }),
  event: ({ bound }) => ({ event: bound.eventId, day: bound.dayId }),
  permission: "event.registrations",
  async run({ staff, bound, input, values }): Promise<RegistrationFormState | WalkedIn> {
    const event = await getEventForStaff({ id: bound.eventId });
    const day = event?.days.find((eventDay) => eventDay.id === bound.dayId);
    // The page offers no form before the day begins; a post made anyway
    // registers nobody rather than someone who cannot be marked present.
    if (
      !event ||
      !day ||
      !dayHasBegun({ startsAt: day.startsAt, timeZone: event.timeZone, now: new Date() })
    ) {
      return { status: "refused", reason: "closed", values };
    }
    const locale = await getLocale();
    const created = await createRegistration({
      slug: event.slug,
      input,
      locale: isLocale(locale) ? locale : routing.defaultLocale,
      actor: { type: "STAFF", staffId: staff.id },
      atTheDoor: true,
    });
    if (!created.ok) {
      // Staff may know that the address is registered: the person is on the door's list.
      const reason = created.reason === "already_registered" ? "already_registered" : "closed";
      return { status: "refused", reason, values };
    }
    await recordMark({
      eventId: event.id,
      mark: {
        kind: "mark",
        clientMarkId: randomUUID(),
        registrationId: created.registrationId,
        eventDayId: bound.dayId,
        markedAt: new Date().toISOString(),
        admit: true,
      },
      door: { staffId: staff.id, mayAdmit: true },
    });
    revalidatePath(`/admin/events/${event.id}/attendance`);
    return {
      status: "walkedIn",
      registrationId: created.registrationId,
      name: fullName({ ...input, patronymic: input.patronymic ?? null }),
      category: input.category,
      registrationStatus: created.status,
    };
  },
});

/** An organizer toggles one cell of the attendance grid. */
export const setAttendanceAction = staffAction({
  name: "check_in.set_attendance",
  input: attendanceCellSchema,
  event: ({ input }) => ({
    event: input.eventId,
    registration: input.registrationId,
    day: input.eventDayId,
  }),
  permission: "event.registrations",
  async run({ staff, input }) {
    const result = await setAttendance({ ...input, staffId: staff.id });
    if (!result.ok && result.reason === "not_begun") return refused("dayNotBegun");
    revalidatePath(`/admin/events/${input.eventId}/attendance`);
    return done();
  },
});
