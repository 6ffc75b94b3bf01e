import { getLocale, getTranslations } from "next-intl/server";
import { TravelCompletionForm } from "@/components/admin/logistics-forms";
import { DetailsList } from "@/components/ui/details-list";
import { Panel } from "@/components/ui/panel";
import { zonedInstant } from "@/lib/events/rules";
import { formatDateTime, formatWeekdayDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { regionName } from "@/lib/questions/rules";
import type { RegionDefinition } from "@/lib/questions/schema";
import { completeTravelAction } from "@/lib/travel/actions";
import type { Logistics, Travel } from "@/lib/travel/data";

/**
 * A registration's travel on its staff page: what the participant gave, and
 * the organizers' completion (room, roommate, fare paid, per-diem days). The
 * passport number only for those who may see contacts.
 */
export async function TravelSection({
  registrationId,
  travel,
  hotels,
  roommates,
  regions,
  timeZone,
  passports,
}: {
  registrationId: string;
  travel: Travel;
  hotels: Logistics["hotels"];
  /** Whom they may share a room with: the event's other participants. */
  roommates: { id: string; name: string }[];
  regions: RegionDefinition[];
  timeZone: string;
  passports: boolean;
}) {
  const [t, tr, locale] = await Promise.all([
    getTranslations("admin.logistics.completion"),
    getTranslations("register.travel"),
    getLocale() as Promise<Locale>,
  ]);
  const where = { locale, timeZone };
  const at = (local: string) =>
    formatDateTime(zonedInstant({ date: local.slice(0, 10), time: local.slice(11, 16), timeZone }), where);
  const nights = travel.nights
    .map((night) => formatWeekdayDate(new Date(`${night}T12:00:00Z`), { locale, timeZone: "UTC" }))
    .join("; ");
  const details: [string, string][] = [
    [
      tr("fromSettlement"),
      `${travel.fromSettlement ?? "—"}, ${regionName(regions, travel.fromRegion, locale)}`,
    ],
    [tr("arrivesAt"), at(travel.arrivesAt)],
    [tr("departsAt"), at(travel.departsAt)],
    [tr("transport"), tr(`means.${travel.transport}`)],
    [tr("nights"), nights || "—"],
    [tr("sharesWith"), travel.sharesWith ?? "—"],
    ...(passports && travel.passportNumber
      ? [[tr("passportNumber"), travel.passportNumber] as [string, string]]
      : []),
    [
      t("rooms"),
      travel.rooms
        .map((room) => room.label)
        .filter((label, index, all) => all.indexOf(label) === index)
        .join("; ") || "—",
    ],
  ];
  const rooms = hotels.flatMap((hotel) =>
    hotel.rooms.map((room) => ({
      value: room.id,
      label: t("roomChoice", { hotel: hotel.name, room: room.name, beds: room.beds }),
    })),
  );
  return (
    <Panel id="travel" title={tr("section")}>
      <DetailsList details={details} />
      <TravelCompletionForm
        action={completeTravelAction.bind(null, registrationId)}
        saved={{
          roomId: travel.rooms[0]?.roomId ?? "",
          roommateId: travel.roommateId ?? "",
          farePaid: travel.farePaid === null ? "" : String(travel.farePaid),
          perDiemDays: travel.perDiemDays === null ? "" : String(travel.perDiemDays),
        }}
        rooms={rooms}
        roommates={roommates.map((person) => ({ value: person.id, label: person.name }))}
      />
    </Panel>
  );
}
