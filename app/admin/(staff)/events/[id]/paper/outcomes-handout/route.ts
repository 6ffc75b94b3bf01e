import { createTranslator } from "next-intl";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { localize } from "@/lib/events/schema";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import { localeSchema } from "@/lib/i18n/routing";
import { absoluteUrl } from "@/lib/i18n/urls";
import { getSummaryEvent } from "@/lib/outcomes/data";
import { renderRoomHandout } from "@/lib/outcomes/pdf";

export const dynamic = "force-dynamic";

const messages = { ru, ky, en };

/** Organizers: the room's one-page handout with the QR code to the post-test and survey (?lang=ru|ky|en). */
export const GET = eventRoute({
  name: "admin.events.paper.outcomes-handout",
  params: z.object({ id: z.uuid() }),
  query: z.object({ lang: localeSchema.default("ru") }),
  event: ({ params }) => ({ event: params.id }),
  permission: "event.documents",
  run: async ({ params, query }) => {
    const event = await getSummaryEvent({ eventId: params.id });
    if (!event) return jsonError(404, "not_found");
    const locale = query.lang;
    const t = createTranslator({ locale, messages: messages[locale], namespace: "admin.paper.handout" });
    const pdf = await renderRoomHandout({
      title: localize(event.title, locale),
      url: absoluteUrl({ href: `/events/${event.slug}/answer`, locale }),
      t: (key) => t(key),
    });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="post-test-qr-${event.slug}-${locale}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  },
});
