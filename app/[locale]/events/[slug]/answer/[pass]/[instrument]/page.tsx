import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { InstrumentAnswer } from "@/components/outcomes/instrument-answer";
import { localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";
import { submitRoomResponseAction } from "@/lib/outcomes/actions";
import { getParticipantInstrument, getRoomInstruments } from "@/lib/outcomes/data";
import { instrumentMetadata } from "@/lib/outcomes/metadata";
import { kindOfPath, roomKinds } from "@/lib/outcomes/schema";
import { registrationOfRoomPass } from "@/lib/registrations/tokens";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/events/[slug]/answer/[pass]/[instrument]">) {
  return instrumentMetadata(await params);
}

/** The post-test or the survey, answered in the room with the pass its lookup gave. */
export default async function RoomInstrumentPage({
  params,
}: PageProps<"/[locale]/events/[slug]/answer/[pass]/[instrument]">) {
  const { locale, slug, pass, instrument: path } = await params;
  setRequestLocale(locale);
  const kind = kindOfPath(path);
  const registrationId = registrationOfRoomPass(pass);
  if (!kind || !roomKinds.includes(kind) || !registrationId) notFound();
  const [room, found] = await Promise.all([
    getRoomInstruments({ registrationId }),
    getParticipantInstrument({ registrationId, kind }),
  ]);
  if (!room || !found || room.registration.event.slug !== slug) notFound();
  const t = await getTranslations("outcomes.room");
  return (
    <InstrumentAnswer
      found={found}
      eventTitle={localize(room.registration.event.title, locale as Locale)}
      action={submitRoomResponseAction.bind(null, { slug, pass, kind, locale: locale as Locale })}
      back={{ href: `/events/${slug}/answer/${pass}`, label: t("back") }}
    />
  );
}
