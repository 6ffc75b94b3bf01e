"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { eraseRegistration } from "@/lib/privacy/mutations";
import { ADMINS, requireStaff } from "@/lib/staff/require-staff";

const eraseSchema = z.object({ id: z.uuid(), confirm: z.literal("yes") });

/** Admin: erase one participant's personal data, on their request. */
export async function eraseRegistrationAction(id: string, formData: FormData): Promise<void> {
  const staff = await requireStaff(ADMINS);
  const parsed = eraseSchema.safeParse({ id, confirm: formData.get("confirm") });
  if (parsed.success) {
    await eraseRegistration({ registrationId: parsed.data.id, actor: { type: "STAFF", staffId: staff.id } });
  }
  redirect(`/admin/registrations/${encodeURIComponent(id)}`);
}
