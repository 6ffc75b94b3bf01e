import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EventPractical } from "@/components/events/event-practical";
import { RegistrationForm } from "@/components/registrations/registration-form";
import { getPublicEvent } from "@/lib/events/data";
import { registrationState } from "@/lib/events/rules";
import { eventSlugSchema, localize } from "@/lib/events/schema";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { getEventForm, getPlacesTaken } from "@/lib/questions/data";
import { registerAction } from "@/lib/registrations/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata({
  params,
}: PageProps<"/[locale]/events/[slug]/register">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "register" });
  return { title: t("title"), robots: { index: false } };
}

export default async function RegisterPage({ params }: PageProps<"/[locale]/events/[slug]/register">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const event = eventSlugSchema.safeParse(slug).success ? await getPublicEvent({ slug }) : null;
  if (!event) notFound();
  const t = await getTranslations("register");
  const te = await getTranslations("event");
  const state = registrationState({ event, lastDayEndsAt: event.days.at(-1)?.endsAt, now: new Date() });
  const title = localize(event.title, locale as Locale);
  const [eventForm, placesTaken] = await Promise.all([
    getEventForm({ eventId: event.id }),
    getPlacesTaken({ eventId: event.id }),
  ]);
  if (!eventForm) notFound();
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm">
          <Link href={`/events/${slug}`} className="text-brand-700 underline">
            {title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold sm:text-3xl">{t("title")}</h1>
      </header>
      {state === "open" ? (
        <>
          <p className="text-stone-700">{t("intro")}</p>
          {event.requiresApproval && <p className="text-stone-700">{te("approvalNote")}</p>}
          {event.seats.total === 0 && (
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3">
              {te("state.open_full")}
            </p>
          )}
          <RegistrationForm
            mode="register"
            action={registerAction.bind(null, { slug, locale: locale as Locale })}
            eventForm={eventForm}
            placesTaken={placesTaken}
            seatsLeft={event.seats.byCategory}
            receivedDetails={<EventPractical event={event} locale={locale as Locale} calendar />}
          />
        </>
      ) : (
        <p role="status" className="rounded-md border border-stone-300 bg-white p-4">
          {te(`state.${state}`)}
        </p>
      )}
    </div>
  );
}
