import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { getEventRegister } from "@/lib/travel/data";
import { renderRegister } from "@/lib/travel/pdf";
import { registerQuerySchema } from "@/lib/travel/schema";

export const dynamic = "force-dynamic";

/**
 * Organizers: the per-diem and travel register to sign, as an A4 PDF
 * (?day=<day id, or empty for the event>&lang=ru|ky|en). Passport numbers
 * only where the event collects them and the caller may see contacts.
 */
export const GET = eventRoute({
  name: "admin.events.per-diem.pdf",
  params: z.object({ id: z.uuid() }),
  query: registerQuerySchema,
  event: ({ params, query }) => (query.day ? { event: params.id, day: query.day } : { event: params.id }),
  permission: "event.documents",
  run: async ({ params, query, access }) => {
    const found = await getEventRegister({
      eventId: params.id,
      dayId: query.day || null,
      passports: access.permissions.has("event.contacts"),
    });
    if (!found) return jsonError(404, "not_found");
    const { logistics, register } = found;
    const pdf = await renderRegister({ logistics, register, locale: query.lang });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="per-diem-${logistics.slug}.pdf"`,
        // Names, amounts and perhaps passports: never kept by a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  },
});
