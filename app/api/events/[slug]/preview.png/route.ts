import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { publicRoute } from "@/lib/entry-points/route";
import { getPublicEvent } from "@/lib/events/data";
import { eventSlugSchema } from "@/lib/events/schema";
import { localeSchema } from "@/lib/i18n/routing";
import { listEventLogoFiles } from "@/lib/images/data";
import { renderEventPreview } from "@/lib/images/preview";

export const dynamic = "force-dynamic";

/** The link preview of an event (Open Graph image), in the language asked for (?lang=ru|ky|en). */
export const GET = publicRoute({
  name: "api.events.preview",
  params: z.object({ slug: eventSlugSchema }),
  query: z.object({ lang: localeSchema.catch("ru") }),
  run: async ({ params: { slug }, query: { lang: locale } }) => {
    const event = await getPublicEvent({ slug });
    if (!event) return jsonError(404, "not_found");
    const image = await renderEventPreview({
      event,
      logos: await listEventLogoFiles({ eventId: event.id }),
      locale,
    });
    const png = await image.arrayBuffer();
    // Messengers fetch it once per shared link and keep their own copy; a
    // change to the event shows in new previews within the hour.
    return new Response(png, {
      headers: {
        "Content-Type": "image/png",
        "Content-Length": String(png.byteLength),
        "Cache-Control": "public, max-age=3600",
      },
    });
  },
});
