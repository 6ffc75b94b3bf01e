"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { staffAction } from "@/lib/entry-points/action";
import { done } from "@/lib/entry-points/state";
import { eraseRegistration } from "@/lib/privacy/mutations";
import { ADMINS } from "@/lib/staff/require-staff";

/** Admin: erase one participant's personal data, on their request (the box ticked to confirm). */
export const eraseRegistrationAction = staffAction({
  name: "privacy.erase",
  roles: ADMINS,
  bound: z.uuid(),
  input: z.object({ confirm: z.literal("yes") }),
  async run({ staff, bound: registrationId }) {
    await eraseRegistration({ registrationId, actor: { type: "STAFF", staffId: staff.id } });
    revalidatePath(`/admin/registrations/${registrationId}`);
    return done();
  },
});
