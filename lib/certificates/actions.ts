"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { queueCertificateLetters, saveCertificateSettings } from "@/lib/certificates/mutations";
import { certificateSettingsSchema } from "@/lib/certificates/schema";
import { ORGANIZERS, requireStaff } from "@/lib/staff/require-staff";

/** The documents page, telling what became of the request. */
const paperPage = (eventId: string, result: Record<string, string>) =>
  `/admin/events/${encodeURIComponent(eventId)}/paper?${new URLSearchParams(result)}#certificates`;

/** Organizers: the days to attend for a certificate, and the hours it states. */
export async function saveCertificateSettingsAction(eventId: string, formData: FormData): Promise<void> {
  const staff = await requireStaff(ORGANIZERS);
  const id = z.uuid().parse(eventId);
  const parsed = certificateSettingsSchema.safeParse({
    minDays: formData.get("minDays"),
    hours: formData.get("hours"),
  });
  const result = parsed.success
    ? await saveCertificateSettings({
        eventId: id,
        settings: parsed.data,
        actor: { type: "STAFF", staffId: staff.id },
      })
    : ({ ok: false, reason: "invalid" } as const);
  redirect(paperPage(id, { certificates: result.ok ? "saved" : "invalid" }));
}

/** Organizers: email every participant who qualifies their certificate, once. */
export async function sendCertificatesAction(eventId: string): Promise<void> {
  const staff = await requireStaff(ORGANIZERS);
  const id = z.uuid().parse(eventId);
  const queued = await queueCertificateLetters({ eventId: id, actor: { type: "STAFF", staffId: staff.id } });
  redirect(paperPage(id, { certificates: "sent", queued: String(queued) }));
}
