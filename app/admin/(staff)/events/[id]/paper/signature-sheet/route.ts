import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { zonedParts } from "@/lib/events/rules";
import { getSignatureSheetData } from "@/lib/signature-sheets/data";
import { renderSignatureSheet } from "@/lib/signature-sheets/pdf";
import { signatureSheetQuerySchema } from "@/lib/signature-sheets/schema";
import { ORGANIZERS, staffOrResponse } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

/** Organizers: one day's signature sheet as a PDF (?day=<day id>&blank=<0–100>&lang=ru|ky|en). */
export async function GET(
  request: Request,
  { params }: RouteContext<"/admin/events/[id]/paper/signature-sheet">,
) {
  const caller = await staffOrResponse(ORGANIZERS);
  if ("response" in caller) return caller.response;
  const eventId = z.uuid().safeParse((await params).id);
  const query = signatureSheetQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return jsonError(400, "invalid", { fields: query.error.issues.map((issue) => issue.path.join(".")) });
  const sheet = eventId.success
    ? await getSignatureSheetData({ eventId: eventId.data, dayId: query.data.day })
    : null;
  if (!sheet) return jsonError(404, "not_found");
  const pdf = await renderSignatureSheet({ sheet, blankRows: query.data.blank, locale: query.data.lang });
  const { date } = zonedParts(sheet.day.startsAt, sheet.event.timeZone);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      // Shown in the browser, to print; saved under a name that says what it is.
      "Content-Disposition": `inline; filename="signature-sheet-${sheet.event.slug}-${date}.pdf"`,
      // Names and organizations: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}
