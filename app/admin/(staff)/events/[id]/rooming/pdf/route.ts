import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { getLogistics, getRoomingList } from "@/lib/travel/data";
import { renderRoomingList } from "@/lib/travel/pdf";
import { nightsOf } from "@/lib/travel/rules";
import { roomingFileQuerySchema } from "@/lib/travel/schema";

export const dynamic = "force-dynamic";

/** Organizers: the rooming list of one hotel on one night as an A4 PDF (?hotel=<id>&night=<date>&lang=ru|ky|en). */
export const GET = eventRoute({
  name: "admin.events.rooming.pdf",
  params: z.object({ id: z.uuid() }),
  query: roomingFileQuerySchema,
  event: ({ params }) => ({ event: params.id }),
  permission: "event.documents",
  run: async ({ params, query }) => {
    const logistics = await getLogistics({ eventId: params.id });
    const night = query.night ?? (logistics?.window ? nightsOf(logistics.window)[0] : undefined);
    // A hotel of another event is not found, as an unknown one is.
    const list =
      logistics && night
        ? await getRoomingList({ eventId: logistics.id, hotelId: query.hotel, night })
        : null;
    if (!logistics || !list) return jsonError(404, "not_found");
    const pdf = await renderRoomingList({ event: logistics, list, locale: query.lang });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="rooming-${logistics.slug}-${list.night}.pdf"`,
        // Names: never kept by a shared cache.
        "Cache-Control": "private, no-store",
      },
    });
  },
});
