import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/ui/data-table";
import { FileLinks } from "@/components/ui/file-links";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { localize } from "@/lib/events/schema";
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
  const columns = (when: (row: TransportRow) => Date): Column<TransportRow>[] => [
    {
      key: "time",
      header: t("time"),
      cell: (row) => formatDateTime(when(row), where),
      className: "tabular-nums",
    },
    {
      key: "name",
      header: t("name"),
      rowHeader: true,
      cell: (row) => (
        <>
          <StaffLink
            href={`/admin/registrations/${row.registration.id}`}
            className="text-brand-700 underline"
          >
            {row.name}
          </StaffLink>
          <span className="block text-stone-600">{row.organization}</span>
        </>
      ),
    },
    {
      key: "from",
      header: t("from"),
      cell: (row) =>
        [row.fromSettlement, regionName(logistics.regions, row.fromRegion, locale)]
          .filter(Boolean)
          .join(", "),
    },
    { key: "transport", header: t("transport"), cell: (row) => tm(row.transport) },
    ...(contacts
      ? [
          {
            key: "phone",
            header: t("phone"),
            cell: (row: TransportRow) => row.phone,
            className: "whitespace-nowrap",
          },
        ]
      : []),
  ];
  return (
    <div className="space-y-6">
      <PageHeader context={localize(logistics.title, locale)} title={t("heading")}>
        <p className="text-stone-600">{t("intro")}</p>
      </PageHeader>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <FileLinks
            links={[
              permissions.has("event.exports") && {
                href: `/admin/events/${logistics.id}/transport/xlsx?lang=${locale}`,
                label: t("xlsx"),
              },
            ]}
          />
          <DataTable
            testId="arrivals"
            caption={t("arrivals")}
            columns={columns((row) => row.arrivesAt)}
            rows={rows}
            rowKey={(row) => row.registration.id}
            empty={t("empty")}
          />
          <DataTable
            testId="departures"
            caption={t("departures")}
            columns={columns((row) => row.departsAt)}
            rows={departures}
            rowKey={(row) => row.registration.id}
            empty={t("empty")}
          />
        </>
      )}
    </div>
  );
}
