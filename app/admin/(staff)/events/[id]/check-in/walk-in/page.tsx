import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { WalkInForm } from "@/components/check-in/walk-in-form";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { walkInAction } from "@/lib/check-in/actions";
import { defaultDay } from "@/lib/check-in/rules";
import { dayHasBegun } from "@/lib/events/rules";
import { localize } from "@/lib/events/schema";
import { formatWeekdayDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { getEventForm, getPlacesTaken } from "@/lib/questions/data";
import { requireStaffEvent } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.checkIn"))("walkInTitle") };
}

export default async function WalkInPage({
  params,
  searchParams,
}: PageProps<"/admin/events/[id]/check-in/walk-in">) {
  const { id } = await params;
  const { event } = await requireStaffEvent({ id, permission: "event.registrations" });
  const requested = (await searchParams).day;
  const day =
    event.days.find((eventDay) => eventDay.id === requested) ??
    defaultDay(event.days, { timeZone: event.timeZone, now: new Date() });
  if (!day) notFound();
  const locale = (await getLocale()) as Locale;
  const [eventForm, placesTaken] = await Promise.all([
    getEventForm({ eventId: event.id }),
    getPlacesTaken({ eventId: event.id }),
  ]);
  if (!eventForm) notFound();
  const t = await getTranslations("admin.checkIn");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader context={localize(event.title, locale)} title={t("walkInTitle")}>
        <p>
          {t("walkInHint", { day: formatWeekdayDate(day.startsAt, { locale, timeZone: event.timeZone }) })}
        </p>
        <StaffLink
          href={`/admin/events/${event.id}/check-in?day=${day.id}`}
          className="text-brand-700 underline"
        >
          {t("back")}
        </StaffLink>
      </PageHeader>
      {dayHasBegun({ startsAt: day.startsAt, timeZone: event.timeZone, now: new Date() }) ? (
        <WalkInForm
          action={walkInAction.bind(null, { eventId: event.id, dayId: day.id })}
          doorHref={`/admin/events/${event.id}/check-in?day=${day.id}`}
          eventForm={eventForm}
          placesTaken={placesTaken}
        />
      ) : (
        <p className="rounded-md border-2 border-stone-900 bg-stone-100 p-3 font-semibold" role="status">
          {t("walkInNotBegun", {
            day: formatWeekdayDate(day.startsAt, { locale, timeZone: event.timeZone }),
          })}
        </p>
      )}
    </div>
  );
}
