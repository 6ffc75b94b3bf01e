import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { HotelForm, LogisticsSettingsForm, RoomForm } from "@/components/admin/logistics-forms";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";
import { categories } from "@/lib/registrations/schema";
import { requireEventAccess } from "@/lib/staff/require-staff";
import { addHotelAction, addRoomAction, saveLogisticsSettingsAction } from "@/lib/travel/actions";
import { getLogistics } from "@/lib/travel/data";

export const dynamic = "force-dynamic";

/** Organizers: whether the form asks travel, the rates, the hotels and their rooms. */
export default async function EventLogisticsPage({ params }: PageProps<"/admin/events/[id]/logistics">) {
  const { id } = await params;
  await requireEventAccess({ event: id, permission: "event.settings" });
  const logistics = await getLogistics({ eventId: id });
  if (!logistics) notFound();
  const [t, th, tc, locale] = await Promise.all([
    getTranslations("admin.logistics.settings"),
    getTranslations("admin.logistics.hotels"),
    getTranslations("category"),
    getLocale() as Promise<Locale>,
  ]);
  const bound = { eventId: logistics.id };
  const amount = (value: number | undefined) => (value === undefined ? "" : String(value));
  return (
    <div className="space-y-10">
      <PageHeader title={t("heading")}>
        <p className="text-stone-600">{t("intro")}</p>
      </PageHeader>
      <section className="rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
        <LogisticsSettingsForm
          action={saveLogisticsSettingsAction.bind(null, bound)}
          saved={{
            travelEnabled: logistics.travelEnabled,
            passportEnabled: logistics.passportEnabled,
            travelCompensation: logistics.travelCompensation,
            perDiem: Object.fromEntries(
              categories.map((category) => [category, amount(logistics.rates.perDiem[category])]),
            ),
            ceilings: logistics.regions.map((region) => ({
              region: region.code,
              amount: amount(logistics.rates.ceilings[region.code]),
            })),
          }}
          sectors={categories.map((category) => ({ value: category, label: tc(category) }))}
          regions={logistics.regions.map((region) => ({
            value: region.code,
            label: localize(region.label, locale),
          }))}
        />
      </section>
      <Panel id="hotels" title={th("heading")} className="space-y-4">
        {logistics.hotels.length === 0 && <p className="text-stone-600">{th("empty")}</p>}
        <ul className="space-y-2">
          {logistics.hotels.map((hotel) => (
            <li key={hotel.id} className="rounded-lg border border-stone-200 bg-white p-3">
              <p className="font-medium">
                {hotel.name}
                {hotel.address && <span className="font-normal text-stone-600"> · {hotel.address}</span>}
              </p>
              <p className="text-sm text-stone-700">
                {hotel.rooms.map((room) => th("roomLine", { room: room.name, beds: room.beds })).join(" · ")}
              </p>
            </li>
          ))}
        </ul>
        <div className="rounded-lg border border-stone-200 bg-white p-4">
          <HotelForm action={addHotelAction.bind(null, bound)} />
        </div>
        {logistics.hotels.length > 0 && (
          <div className="rounded-lg border border-stone-200 bg-white p-4">
            <RoomForm
              action={addRoomAction.bind(null, bound)}
              hotels={logistics.hotels.map((hotel) => ({ value: hotel.id, label: hotel.name }))}
            />
          </div>
        )}
      </Panel>
    </div>
  );
}
