"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import { createOrganization, moveEvent, renameOrganization } from "@/lib/organizations/mutations";
import { organizationChoiceSchema, organizationFormSchema } from "@/lib/organizations/schema";
import { ADMINS } from "@/lib/staff/require-staff";

// Partner organizations, for admins (docs/decisions/041-partner-organizations.md).

const PAGE = "/admin/organizations";

/** Admin: a new organization; a name taken (whatever its case) is an error at the field. */
export const createOrganizationAction = staffAction({
  name: "organizations.create",
  roles: ADMINS,
  input: organizationFormSchema,
  async run({ staff, input, values }) {
    const result = await createOrganization({
      name: input.name,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) return { status: "invalid", fieldErrors: { name: "nameTaken" }, values };
    revalidatePath(PAGE);
    return done("saved");
  },
});

/** Admin: an organization renamed. */
export const renameOrganizationAction = staffAction({
  name: "organizations.rename",
  roles: ADMINS,
  bound: z.uuid(),
  input: organizationFormSchema,
  async run({ staff, bound: id, input, values }) {
    const result = await renameOrganization({
      id,
      name: input.name,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) {
      const error = result.reason === "name_taken" ? "nameTaken" : "notFound";
      return { status: "invalid", fieldErrors: { name: error }, values };
    }
    revalidatePath(PAGE);
    return done("saved");
  },
});

/** Admin: the organization an event is of, or none. */
export const moveEventAction = staffAction({
  name: "events.move",
  roles: ADMINS,
  bound: z.uuid(),
  input: z.object({ organizationId: organizationChoiceSchema }),
  async run({ staff, bound: eventId, input, values }) {
    const result = await moveEvent({
      eventId,
      organizationId: input.organizationId,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) {
      const error = result.reason === "unknown_organization" ? "unknownOrganization" : "notFound";
      return { status: "invalid", fieldErrors: { organizationId: error }, values };
    }
    revalidatePath(`/admin/events/${eventId}/settings`);
    return done("saved");
  },
});
