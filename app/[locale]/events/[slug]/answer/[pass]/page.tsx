import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { localize } from "@/lib/events/schema";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { getRoomInstruments } from "@/lib/outcomes/data";
import { instrumentPaths } from "@/lib/outcomes/schema";
import { registrationOfRoomPass } from "@/lib/registrations/tokens";

export const dynamic = "force-dynamic";

// The address holds the room's pass: "same-origin" keeps it from other sites
// and lets a form posted without JavaScript name its origin.
export async function generateMetadata({
  params,
}: PageProps<"/[locale]/events/[slug]/answer/[pass]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "outcomes.room" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

/** After the room's lookup: the post-test and the survey that are open, or answered. */
export default async function RoomInstrumentsPage({
  params,
}: PageProps<"/[locale]/events/[slug]/answer/[pass]">) {
  const { locale, slug, pass } = await params;
  setRequestLocale(locale);
  const registrationId = registrationOfRoomPass(pass);
  const room = registrationId ? await getRoomInstruments({ registrationId }) : null;
  if (!room || room.registration.event.slug !== slug) notFound();
  const t = await getTranslations("outcomes");
  const offered =
    room.registration.status === "CONFIRMED"
      ? room.instruments.filter((item) => item.answered || item.state === "open")
      : [];
  return (
    <div className="mx-auto max-w-md space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("room.title")}</h1>
        <p className="text-stone-700">{localize(room.registration.event.title, locale as Locale)}</p>
      </header>
      {room.registration.status !== "CONFIRMED" ? (
        <p role="status">{t("room.notAllowed")}</p>
      ) : offered.length === 0 ? (
        <p role="status">{t("room.none")}</p>
      ) : (
        <>
          <p>{t("room.hubIntro")}</p>
          <ul className="space-y-3">
            {offered.map((item) => (
              <li key={item.kind}>
                {item.answered ? (
                  <span>
                    {t(`title.${item.kind}`)}: {t("received")}
                  </span>
                ) : (
                  <Link
                    href={`/events/${slug}/answer/${pass}/${instrumentPaths[item.kind]}`}
                    className={`${buttonClass()} w-full`}
                  >
                    {t(`title.${item.kind}`)} — {t("take")}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
