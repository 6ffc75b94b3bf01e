import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { LabelledSelect } from "@/components/ui/field";
import { FileLinks } from "@/components/ui/file-links";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { localize } from "@/lib/events/schema";
import { firstValue } from "@/lib/http/search-params";
import { formatWeekdayDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { fullName } from "@/lib/registrations/names";
import { requireEventAccess } from "@/lib/staff/require-staff";
import { getLogistics, getRoomingList } from "@/lib/travel/data";
import { nightsOf } from "@/lib/travel/rules";
import { roomingQuerySchema } from "@/lib/travel/schema";

export const dynamic = "force-dynamic";

/** Organizers: who sleeps in which room of a hotel on a night, and who still needs one. */
export default async function EventRoomingPage({
  params,
  searchParams,
}: PageProps<"/admin/events/[id]/rooming">) {
  const { id } = await params;
  const { permissions } = await requireEventAccess({ event: id, permission: "event.registrations" });
  const logistics = await getLogistics({ eventId: id });
  if (!logistics) notFound();
  const raw = await searchParams;
  const query = roomingQuerySchema.safeParse({ hotel: firstValue(raw.hotel), night: firstValue(raw.night) });
  const [t, tg, locale] = await Promise.all([
    getTranslations("admin.logistics.rooming"),
    getTranslations("gender"),
    getLocale() as Promise<Locale>,
  ]);
  const nights = logistics.window ? nightsOf(logistics.window) : [];
  const hotelId = (query.success && query.data.hotel) || logistics.hotels[0]?.id;
  const night = (query.success && query.data.night) || nights[1] || nights[0];
  const list = hotelId && night ? await getRoomingList({ eventId: logistics.id, hotelId, night }) : null;
  const nightLabel = (date: string) =>
    t("nightOption", { date: formatWeekdayDate(new Date(`${date}T12:00:00Z`), { locale, timeZone: "UTC" }) });
  const base = `/admin/events/${logistics.id}/rooming`;
  const fileQuery = list ? `hotel=${list.hotel.id}&night=${list.night}&lang=${locale}` : "";
  return (
    <div className="space-y-6">
      <PageHeader context={localize(logistics.title, locale)} title={t("heading")}>
        <p className="text-stone-600">{t("intro")}</p>
      </PageHeader>
      {logistics.hotels.length === 0 || !night ? (
        <p>{t("noHotels")}</p>
      ) : (
        <form method="get" action={base} className="grid items-end gap-4 sm:grid-cols-[1fr_1fr_auto]">
          <LabelledSelect
            label={t("hotel")}
            name="hotel"
            defaultValue={hotelId}
            options={logistics.hotels.map((hotel) => [hotel.id, hotel.name] as const)}
          />
          <LabelledSelect
            label={t("night")}
            name="night"
            defaultValue={night}
            options={nights.map((each) => [each, nightLabel(each)] as const)}
          />
          <Button type="submit" variant="secondary">
            {t("show")}
          </Button>
        </form>
      )}
      {list && (
        <>
          <FileLinks
            links={[
              permissions.has("event.documents") && { href: `${base}/pdf?${fileQuery}`, label: t("pdf") },
              permissions.has("event.exports") && { href: `${base}/xlsx?${fileQuery}`, label: t("xlsx") },
            ]}
          />
          <DataTable
            testId="rooming-list"
            caption={`${list.hotel.name} · ${nightLabel(list.night)}`}
            columns={[
              {
                key: "room",
                header: t("room"),
                cell: (room) => room.name,
                rowHeader: true,
                className: "font-medium",
              },
              {
                key: "beds",
                header: t("beds"),
                cell: (room) => `${room.people.length}/${room.beds}`,
                className: "tabular-nums",
              },
              {
                key: "people",
                header: t("people"),
                cell: (room) => (
                  <>
                    <ul>
                      {room.people.map((person) => (
                        <li key={person.id}>
                          <StaffLink
                            href={`/admin/registrations/${person.id}`}
                            className="text-brand-700 underline"
                          >
                            {fullName(person)}
                          </StaffLink>{" "}
                          <span className="text-stone-600">
                            · {person.organization} · {tg(person.gender)}
                          </span>
                        </li>
                      ))}
                    </ul>
                    {room.people.length < room.beds && (
                      <span className="text-stone-600">
                        {t("free", { count: room.beds - room.people.length })}
                      </span>
                    )}
                  </>
                ),
              },
            ]}
            rows={list.rooms}
            rowKey={(room) => room.id}
            empty={t("noRooms")}
          />
          <section aria-labelledby="waiting" className="space-y-2">
            <h2 id="waiting" className="text-lg font-semibold">
              {t("waiting")}
            </h2>
            {list.waiting.length === 0 ? (
              <p className="text-stone-600">{t("waitingEmpty")}</p>
            ) : (
              <ul className="list-disc pl-6">
                {list.waiting.map((person) => (
                  <li key={person.id}>
                    <StaffLink
                      href={`/admin/registrations/${person.id}`}
                      className="text-brand-700 underline"
                    >
                      {fullName(person)}
                    </StaffLink>{" "}
                    <span className="text-stone-600">· {person.organization}</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
