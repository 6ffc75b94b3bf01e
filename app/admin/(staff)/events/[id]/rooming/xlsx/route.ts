import { createTranslator } from "next-intl";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { localize } from "@/lib/events/schema";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import { fullName } from "@/lib/registrations/names";
import { getLogistics, getRoomingList, type RoomingList } from "@/lib/travel/data";
import { nightsOf } from "@/lib/travel/rules";
import { roomingFileQuerySchema } from "@/lib/travel/schema";
import { listWorkbook, workbookDownload } from "@/lib/travel/workbook";

export const dynamic = "force-dynamic";

const messages = { ru, ky, en };

/** Organizers: one hotel's rooming, every night of the event's window, as an .xlsx (?hotel=<id>&lang=ru|ky|en). */
export const GET = eventRoute({
  name: "admin.events.rooming.xlsx",
  params: z.object({ id: z.uuid() }),
  query: roomingFileQuerySchema,
  event: ({ params }) => ({ event: params.id }),
  permission: "event.exports",
  run: async ({ params, query }) => {
    const logistics = await getLogistics({ eventId: params.id });
    if (!logistics?.window) return jsonError(404, "not_found");
    const lists: RoomingList[] = [];
    for (const night of nightsOf(logistics.window)) {
      const list = await getRoomingList({ eventId: logistics.id, hotelId: query.hotel, night });
      if (!list) return jsonError(404, "not_found");
      lists.push(list);
    }
    const words = createTranslator({ locale: query.lang, messages: messages[query.lang] });
    const t = createTranslator({
      locale: query.lang,
      messages: messages[query.lang],
      namespace: "admin.logistics.pdf",
    });
    const hotel = lists[0]?.hotel.name ?? "";
    const file = await listWorkbook([
      {
        name: t("roomingTitle"),
        title: `${localize(logistics.title, query.lang)} — ${hotel}`,
        head: [t("nightColumn"), t("room"), t("beds"), t("name"), t("organization"), t("gender")],
        rows: lists.flatMap((list) =>
          list.rooms.flatMap((room) =>
            room.people.map((person) => [
              new Date(`${list.night}T00:00:00Z`),
              room.name,
              room.beds,
              fullName(person),
              person.organization,
              words(`gender.${person.gender}`),
            ]),
          ),
        ),
        widths: [14, 10, 8, 36, 36, 12],
      },
    ]);
    return workbookDownload(file, { slug: logistics.slug, timeZone: logistics.timeZone, suffix: "rooming" });
  },
});
