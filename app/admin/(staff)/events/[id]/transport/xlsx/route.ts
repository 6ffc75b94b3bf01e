import { createTranslator } from "next-intl";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { zonedParts } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import { localeSchema } from "@/lib/i18n/routing";
import { regionName } from "@/lib/questions/rules";
import { getLogistics, listTransport, type TransportRow } from "@/lib/travel/data";
import { listWorkbook, workbookDownload } from "@/lib/travel/workbook";

export const dynamic = "force-dynamic";

const messages = { ru, ky, en };

/** Organizers: the arrivals and the departures as an .xlsx (?lang=ru|ky|en); the phones for those who may see contacts. */
export const GET = eventRoute({
  name: "admin.events.transport.xlsx",
  params: z.object({ id: z.uuid() }),
  query: z.object({ lang: localeSchema.default("ru") }),
  event: ({ params }) => ({ event: params.id }),
  permission: "event.exports",
  run: async ({ params, query, access }) => {
    const logistics = await getLogistics({ eventId: params.id });
    if (!logistics) return jsonError(404, "not_found");
    const contacts = access.permissions.has("event.contacts");
    const rows = await listTransport({ eventId: logistics.id, contacts });
    const locale = query.lang;
    const t = createTranslator({
      locale,
      messages: messages[locale],
      namespace: "admin.logistics.transport",
    });
    const means = createTranslator({
      locale,
      messages: messages[locale],
      namespace: "register.travel.means",
    });
    // The event's wall clock in a date cell: spreadsheets have no zones.
    const wallClock = (instant: Date) => {
      const { date, time } = zonedParts(instant, logistics.timeZone);
      return new Date(`${date}T${time}:00Z`);
    };
    const sheet = (name: string, list: TransportRow[], when: (row: TransportRow) => Date) => ({
      name,
      title: `${localize(logistics.title, locale)} — ${name}`,
      head: [
        t("time"),
        t("name"),
        t("organization"),
        t("from"),
        t("transport"),
        ...(contacts ? [t("phone")] : []),
      ],
      rows: list.map((row) => [
        wallClock(when(row)),
        row.name,
        row.organization,
        [row.fromSettlement, regionName(logistics.regions, row.fromRegion, locale)]
          .filter(Boolean)
          .join(", "),
        means(row.transport),
        ...(contacts ? [row.phone ?? ""] : []),
      ]),
      widths: [18, 36, 36, 30, 14, 18],
    });
    const departures = [...rows].sort((a, b) => a.departsAt.getTime() - b.departsAt.getTime());
    const file = await listWorkbook([
      sheet(t("arrivals"), rows, (row) => row.arrivesAt),
      sheet(t("departures"), departures, (row) => row.departsAt),
    ]);
    return workbookDownload(file, {
      slug: logistics.slug,
      timeZone: logistics.timeZone,
      suffix: "transport",
    });
  },
});
