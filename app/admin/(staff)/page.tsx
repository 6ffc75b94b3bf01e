import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { StatusBadge } from "@/components/ui/status-badge";
import { listEventsForStaff } from "@/lib/events/data";
import { localize } from "@/lib/events/schema";
import { tabsFor } from "@/lib/events/tabs";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { ALL_STAFF, newEventPermissions, requireStaff, staffEvents } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function StaffEventsPage() {
  // Every account lands here, and sees the events it may see, each with the
  // ways in it may take: check-in staff only the door.
  const staff = await requireStaff(ALL_STAFF);
  const teams = await staffEvents(staff);
  const t = await getTranslations("admin.events");
  const tc = await getTranslations("admin.checkIn");
  const tf = await getTranslations("admin.eventForm");
  const locale = (await getLocale()) as Locale;
  const events = await listEventsForStaff({ events: teams.scope("event.view") });
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        actions={
          newEventPermissions(staff).has("event.settings") && (
            <StaffLink href="/admin/events/new" className={buttonClass()}>
              {tf("new")}
            </StaffLink>
          )
        }
      />
      {events.length === 0 && <p>{t("empty")}</p>}
      <ul className="space-y-3">
        {events.map((event) => {
          const permissions = teams.permissionsOn(event.id);
          // The event's first page the caller may open; the door has a link of its own.
          const first = tabsFor(permissions).find((tab) => tab.key !== "checkIn" && tab.key !== "settings");
          return (
            <li key={event.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <p className="text-sm text-stone-600">
                {event.days[0] && formatDate(event.days[0].startsAt, { locale, timeZone: event.timeZone })}{" "}
                <StatusBadge kind="event" status={event.status} />
              </p>
              <h2 className="font-semibold">{localize(event.title, locale)}</h2>
              {event.organization && (
                <p className="text-sm text-stone-600" data-testid="event-organization">
                  {event.organization.name}
                </p>
              )}
              <p className="text-sm">{t("counts", { ...event.counts, capacity: event.capacity })}</p>
              <p className="mt-2 flex gap-4">
                {first && (
                  <StaffLink
                    href={`/admin/events/${event.id}${first.path}`}
                    className="text-brand-700 underline"
                  >
                    {t("open")}
                  </StaffLink>
                )}
                {permissions.has("event.checkIn") && (
                  <StaffLink href={`/admin/events/${event.id}/check-in`} className="text-brand-700 underline">
                    {tc("open")}
                  </StaffLink>
                )}
                {permissions.has("event.settings") && (
                  <StaffLink href={`/admin/events/${event.id}/settings`} className="text-brand-700 underline">
                    {tf("settings")}
                  </StaffLink>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
