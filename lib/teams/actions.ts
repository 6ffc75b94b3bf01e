"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { addTeamMember, changeTeamMember, createDoorAccount } from "@/lib/teams/mutations";
import { addMemberSchema, doorAccountSchema, memberChangeSchema } from "@/lib/teams/schema";

const teamPage = (eventId: string) => `/admin/events/${eventId}/team`;

/** What the team page says of a change refused by a rule. */
export type TeamRefused = { status: "refused"; reason: "last_manager" | "not_found" };

/** A manager or an admin: an existing account added to the event's team with a role. */
export const addTeamMemberAction = staffAction({
  name: "team.add",
  bound: z.uuid(),
  input: addMemberSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.team",
  async run({ staff, bound: eventId, input, values }) {
    const result = await addTeamMember({
      eventId,
      email: input.email,
      role: input.role,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) {
      const error = result.reason === "duplicate" ? "duplicate" : "unknownAccount";
      return { status: "invalid", fieldErrors: { email: error }, values };
    }
    revalidatePath(teamPage(eventId));
    return done("saved");
  },
});

/** A manager or an admin: a member's role on the event changed, or the member removed. */
export const changeTeamMemberAction = staffAction({
  name: "team.change",
  bound: z.object({ eventId: z.uuid(), staffId: z.uuid() }),
  input: memberChangeSchema,
  event: ({ bound }) => ({ event: bound.eventId }),
  permission: "event.team",
  async run({ staff, bound, input }) {
    const result = await changeTeamMember({
      ...bound,
      change: input,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) {
      return {
        status: "refused",
        reason: result.reason === "last_manager" ? "last_manager" : "not_found",
      } satisfies TeamRefused;
    }
    revalidatePath(teamPage(bound.eventId));
    return done("saved");
  },
});

/**
 * A door account made: its generated password, shown once, and when it
 * ends, written out here in the staff member's language and the event's
 * zone (a browser may lack Kyrgyz dates: docs/decisions/044-server-named-words.md).
 */
export type DoorAccountMade = { status: "created"; email: string; password: string; ends: string };

/** A manager or an admin: a check-in account for this event alone, ending with its last day. */
export const createDoorAccountAction = staffAction({
  name: "team.create_door_account",
  bound: z.uuid(),
  input: doorAccountSchema,
  event: ({ bound }) => ({ event: bound }),
  permission: "event.team",
  async run({ staff, bound: eventId, input, values }) {
    const result = await createDoorAccount({
      eventId,
      email: input.email,
      name: input.name,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) {
      const error = result.reason === "email_taken" ? "emailTaken" : "noDays";
      return { status: "invalid", fieldErrors: { email: error }, values };
    }
    revalidatePath(teamPage(eventId));
    const locale = (await getLocale()) as Locale;
    return {
      status: "created",
      email: input.email,
      password: result.password,
      ends: formatDateTime(result.expiresAt, { locale, timeZone: result.timeZone }),
    } satisfies DoorAccountMade;
  },
});
