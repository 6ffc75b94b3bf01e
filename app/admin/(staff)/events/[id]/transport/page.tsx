import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { regionName } from "@/lib/questions/rules";
import { requireEventAccess } from "@/lib/staff/require-staff";
import { getLogistics, listTransport, type TransportRow } from "@/lib/travel/data";

export const dynamic = "force-dynamic";

/** Organizers: who arrives and departs when, and from where (the minibus from Bishkek). */
export default async function EventTransportPage({ params }: PageProps<"/admin/events/[id]/transport">) {
  const { id } = await params;
  const { permissions } = await requireEventAccess({ event: id, permission: "event.registrations" });
  const logistics = await getLogistics({ eventId: id });
  if (!logistics) notFound();
  const contacts = permissions.has("event.contacts");
  const [t, tm, locale, rows] = await Promise.all([
    getTranslations("admin.logistics.transport"),
    getTranslations("register.travel.means"),
    getLocale() as Promise<Locale>,
    listTransport({ eventId: logistics.id, contacts }),
  ]);
  const where = { locale, timeZone: logistics.timeZone };
  const departures = [...rows].sort((a, b) => a.departsAt.getTime() - b.departsAt.getTime());
  const table = (
    caption: string,
    list: TransportRow[],
    when: (row: TransportRow) => Date,
    testId: string,
  ) => (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="p-3 text-left text-lg font-semibold">{caption}</caption>
        <thead className="bg-stone-100">
          <tr>
            <th className="p-2">{t("time")}</th>
            <th className="p-2">{t("name")}</th>
            <th className="p-2">{t("from")}</th>
            <th className="p-2">{t("transport")}</th>
            {contacts && <th className="p-2">{t("phone")}</th>}
          </tr>
        </thead>
        <tbody>
          {list.map((row) => (
            <tr key={row.registration.id} className="border-t border-stone-200 align-top">
              <td className="whitespace-nowrap p-2 tabular-nums">{formatDateTime(when(row), where)}</td>
              <td className="p-2">
                <Link
                  href={`/admin/registrations/${row.registration.id}`}
                  className="text-brand-700 underline"
                >
                  {row.name}
                </Link>
                <span className="block text-stone-600">{row.organization}</span>
              </td>
              <td className="p-2">
                {[row.fromSettlement, regionName(logistics.regions, row.fromRegion, locale)]
                  .filter(Boolean)
                  .join(", ")}
              </td>
              <td className="p-2">{tm(row.transport)}</td>
              {contacts && <td className="whitespace-nowrap p-2">{row.phone}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="text-stone-600">{t("intro")}</p>
      </header>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          {permissions.has("event.exports") && (
            <p>
              <a
                href={`/admin/events/${logistics.id}/transport/xlsx?lang=${locale}`}
                className="text-brand-700 underline"
              >
                {t("xlsx")}
              </a>
            </p>
          )}
          {table(t("arrivals"), rows, (row) => row.arrivesAt, "arrivals")}
          {table(t("departures"), departures, (row) => row.departsAt, "departures")}
        </>
      )}
    </div>
  );
}
