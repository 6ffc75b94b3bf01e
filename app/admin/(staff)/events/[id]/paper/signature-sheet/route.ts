import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { zonedParts } from "@/lib/events/rules";
import { getSignatureSheetData } from "@/lib/signature-sheets/data";
import { renderSignatureSheet } from "@/lib/signature-sheets/pdf";
import { signatureSheetQuerySchema } from "@/lib/signature-sheets/schema";

export const dynamic = "force-dynamic";

/** Organizers: one day's signature sheet as a PDF (?day=<day id>&blank=<0–100>&lang=ru|ky|en&columns=phone,email,…). */
export const GET = eventRoute({
  name: "admin.events.paper.signature-sheet",
  params: z.object({ id: z.uuid() }),
  query: signatureSheetQuerySchema,
  event: ({ params, query }) => ({ event: params.id, day: query.day }),
  permission: "event.documents",
  run: async ({ params, query }) => {
    const sheet = await getSignatureSheetData({ eventId: params.id, dayId: query.day });
    if (!sheet) return jsonError(404, "not_found");
    const pdf = await renderSignatureSheet({
      sheet,
      blankRows: query.blank,
      locale: query.lang,
      extraColumns: query.columns,
    });
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
  },
});
