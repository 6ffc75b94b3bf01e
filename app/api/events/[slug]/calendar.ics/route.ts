import { jsonError } from "@/lib/api/json";
import { eventCalendar } from "@/lib/events/calendar";
import { getPublicEvent } from "@/lib/events/data";
import { isLocale } from "@/lib/i18n/routing";
import { absoluteUrl } from "@/lib/i18n/urls";

export const dynamic = "force-dynamic";

/** The event's days as an .ics file, in the language asked for (?lang=ru|ky|en). */
export async function GET(request: Request, { params }: RouteContext<"/api/events/[slug]/calendar.ics">) {
  const { slug } = await params;
  const lang = new URL(request.url).searchParams.get("lang") ?? "ru";
  const locale = isLocale(lang) ? lang : "ru";
  const event = await getPublicEvent({ slug });
  if (!event) return jsonError(404, "not_found");
  const calendar = eventCalendar({ event, locale, url: absoluteUrl({ href: `/events/${slug}`, locale }) });
  return new Response(calendar, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slug}.ics"`,
    },
  });
}
