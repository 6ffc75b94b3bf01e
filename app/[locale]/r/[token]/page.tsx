import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EventPractical } from "@/components/events/event-practical";
import { HandoutLinks } from "@/components/handouts/handout-links";
import { CheckInQr } from "@/components/registrations/check-in-qr";
import { RegistrationForm } from "@/components/registrations/registration-form";
import { NotFoundMessage } from "@/components/site/not-found-message";
import { buttonClass } from "@/components/ui/button";
import { getCertificateOfRegistration } from "@/lib/certificates/data";
import { localize } from "@/lib/events/schema";
import { listHandouts } from "@/lib/handouts/data";
import { formatDateRange } from "@/lib/i18n/dates";
import { getPathname, Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { getInstrumentLinks } from "@/lib/outcomes/data";
import { instrumentKinds, instrumentPaths } from "@/lib/outcomes/schema";
import { getAnswers, getEventForm, getPlacesTaken } from "@/lib/questions/data";
import { answerFormValues } from "@/lib/questions/rules";
import { updateRegistrationAction } from "@/lib/registrations/actions";
import { getRegistrationByToken } from "@/lib/registrations/data";
import { ACTIVE_STATUSES } from "@/lib/registrations/rules";
import { editFormValues } from "@/lib/registrations/schema";
import { manageTokenSchema } from "@/lib/registrations/tokens";
import { getTravel } from "@/lib/travel/data";
import { travelFormValues } from "@/lib/travel/schema";

export const dynamic = "force-dynamic";

// The address holds the participant's token: "same-origin" keeps it from the
// sites linked here (the map, the partners) and still lets a form posted
// without JavaScript name its origin, which Next checks ("no-referrer" sends
// "Origin: null", and the action is refused).
export async function generateMetadata({ params }: PageProps<"/[locale]/r/[token]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "manage" });
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "same-origin" };
}

export default async function ManageRegistrationPage({
  params,
  searchParams,
}: PageProps<"/[locale]/r/[token]">) {
  const { locale, token } = await params;
  const query = await searchParams;
  setRequestLocale(locale);
  if (!manageTokenSchema.safeParse(token).success) notFound();
  const registration = await getRegistrationByToken({ token });
  if (!registration) return <NotFoundMessage namespace="manage" />;

  const t = await getTranslations("manage");
  const { event } = registration;
  const zone = { locale: locale as Locale, timeZone: event.timeZone };
  const first = event.days[0];
  const last = event.days.at(-1);
  const active = (ACTIVE_STATUSES as readonly string[]).includes(registration.status);
  const certificate = await getCertificateOfRegistration({ registrationId: registration.id });
  const tc = await getTranslations("certificate");
  const [eventForm, answers, travel, placesTaken, instruments, handouts] = await Promise.all([
    getEventForm({ eventId: event.id }),
    getAnswers({ registrationId: registration.id }),
    getTravel({ registrationId: registration.id }),
    getPlacesTaken({ eventId: event.id }),
    getInstrumentLinks({ registrationId: registration.id, eventId: event.id }),
    // Participants' handouts are for those with a seat, as their download route decides.
    listHandouts({
      eventId: event.id,
      visibilities: registration.status === "CONFIRMED" ? ["PUBLIC", "PARTICIPANTS"] : ["PUBLIC"],
    }),
  ]);
  const to = await getTranslations("outcomes");
  // Those to answer now, and those answered: one closed or not yet open is not offered.
  const offered = active ? instruments.filter((item) => item.answered || item.state === "open") : [];
  if (!eventForm) notFound();
  return (
    <div className="space-y-8">
      {query.cancelled && (
        <p role="status" className="rounded-md border border-stone-300 bg-white p-4 font-medium">
          {t("cancelled")}
        </p>
      )}
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold sm:text-3xl">{t("title")}</h1>
        <p>
          <Link href={`/events/${event.slug}`} className="text-brand-700 underline">
            {localize(event.title, locale as Locale)}
          </Link>
          {!active && first && last && (
            <span className="text-stone-600"> · {formatDateRange(first.startsAt, last.endsAt, zone)}</span>
          )}
        </p>
      </header>

      <section
        aria-labelledby="status"
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-6"
      >
        <h2 id="status" className="text-sm font-medium uppercase tracking-wide text-stone-600">
          {t("statusLabel")}
        </h2>
        <p className="text-lg font-semibold" data-testid="registration-status">
          {t(`status.${registration.status}`, { position: registration.waitlistPosition ?? 0 })}
        </p>
        {registration.status === "CONFIRMED" && (
          <div className="space-y-2">
            <p>
              {t("checkInCode")}:{" "}
              <strong className="font-mono text-2xl tracking-widest" data-testid="check-in-code">
                {registration.checkInCode}
              </strong>
            </p>
            <CheckInQr code={registration.checkInCode} label={registration.checkInCode} />
            <p className="text-sm text-stone-600">{t("checkInHint")}</p>
          </div>
        )}
        <p className="text-sm text-stone-600">{t("keepLink")}</p>
      </section>

      {offered.length > 0 && (
        <section
          aria-labelledby="instruments"
          className="space-y-3 rounded-lg border border-brand-600 bg-brand-50 p-4 sm:p-6"
        >
          <h2 id="instruments" className="text-xl font-semibold">
            {to("linksTitle")}
          </h2>
          <p>{to("linksIntro")}</p>
          <ul className="space-y-2">
            {instrumentKinds
              .flatMap((kind) => offered.filter((item) => item.kind === kind))
              .map((item) => (
                <li key={item.kind} className="flex flex-wrap items-center gap-3">
                  {item.answered ? (
                    <span>
                      {to(`title.${item.kind}`)}: {to("received")}
                    </span>
                  ) : (
                    <Link href={`/r/${token}/${instrumentPaths[item.kind]}`} className={buttonClass()}>
                      {to(`title.${item.kind}`)} — {to("take")}
                    </Link>
                  )}
                </li>
              ))}
          </ul>
        </section>
      )}

      {active && <EventPractical event={event} locale={locale as Locale} calendar />}

      {handouts.length > 0 && (
        <section
          aria-labelledby="handouts"
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-6"
        >
          <h2 id="handouts" className="text-xl font-semibold">
            {t("handouts")}
          </h2>
          {handouts.some((handout) => handout.visibility === "PARTICIPANTS") && (
            <p className="text-sm text-stone-600">{t("handoutsHint")}</p>
          )}
          <HandoutLinks handouts={handouts} locale={locale as Locale} token={token} />
        </section>
      )}

      {certificate && certificate.missing.length > 0 && (
        <section
          aria-labelledby="certificate"
          className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 sm:p-6"
          data-testid="certificate-missing"
        >
          <h2 id="certificate" className="text-xl font-semibold">
            {tc("manageTitle")}
          </h2>
          <p>{tc("missingText")}</p>
          <ul className="space-y-2">
            {certificate.missing.map((kind) => {
              const state = instruments.find((item) => item.kind === kind)?.state;
              return (
                <li key={kind} className="flex flex-wrap items-center gap-3">
                  {state === "open" ? (
                    <Link href={`/r/${token}/${instrumentPaths[kind]}`} className={buttonClass()}>
                      {to(`title.${kind}`)} — {to("take")}
                    </Link>
                  ) : (
                    <span>
                      {to(`title.${kind}`)}: {tc(state === "closed" ? "missingClosed" : "missingNotOpen")}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {certificate?.qualifies && (
        <section
          aria-labelledby="certificate"
          className="space-y-3 rounded-lg border border-brand-600 bg-brand-50 p-4 sm:p-6"
        >
          <h2 id="certificate" className="text-xl font-semibold">
            {tc("manageTitle")}
          </h2>
          <p>{tc("manageText")}</p>
          {/* A file, not a page: a plain link, so the browser downloads it. */}
          <a href={getPathname({ href: `/r/${token}/certificate`, locale })} className={buttonClass()}>
            {tc("download")}
          </a>
        </section>
      )}

      {active && (
        <>
          <section aria-labelledby="edit" className="space-y-4">
            <h2 id="edit" className="text-xl font-semibold">
              {t("edit")}
            </h2>
            <RegistrationForm
              mode="edit"
              action={updateRegistrationAction.bind(null, token)}
              initialValues={{
                ...editFormValues(registration),
                answers: answerFormValues(eventForm.questions, answers),
                travel: travelFormValues(travel),
              }}
              eventForm={eventForm}
              placesTaken={placesTaken}
            />
          </section>
          <section aria-labelledby="cancel" className="space-y-3 border-t border-stone-200 pt-6">
            <h2 id="cancel" className="text-xl font-semibold">
              {t("cancel")}
            </h2>
            <p className="text-stone-700">{t("cancelExplain")}</p>
            <Link href={`/r/${token}/cancel`} className={buttonClass("danger")}>
              {t("cancel")}
            </Link>
          </section>
        </>
      )}
    </div>
  );
}
