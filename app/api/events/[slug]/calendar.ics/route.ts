import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { publicRoute } from "@/lib/entry-points/route";
import { eventCalendar } from "@/lib/events/calendar";
import { getPublicEvent } from "@/lib/events/data";
import { eventSlugSchema } from "@/lib/events/schema";
import { localeSchema } from "@/lib/i18n/routing";
import { absoluteUrl } from "@/lib/i18n/urls";

export const dynamic = "force-dynamic";

/** The event's days as an .ics file, in the language asked for (?lang=ru|ky|en). */
export const GET = publicRoute({
  name: "api.events.calendar",
  params: z.object({ slug: eventSlugSchema }),
  // No language, or one we do not have: Russian, as the calendar links always had it.
  query: z.object({ lang: localeSchema.catch("ru") }),
  run: async ({ params: { slug }, query: { lang: locale } }) => {
    const event = await getPublicEvent({ slug });
    if (!event) return jsonError(404, "not_found");
    const calendar = eventCalendar({ event, locale, url: absoluteUrl({ href: `/events/${slug}`, locale }) });
    return new Response(calendar, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${slug}.ics"`,
      },
    });
  },
});
