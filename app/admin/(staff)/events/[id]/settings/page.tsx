import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EventSettingsForm } from "@/components/admin/event-settings-form";
import { EventOrganizationForm } from "@/components/admin/organization-forms";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { StatusBadge } from "@/components/ui/status-badge";
import { duplicateEventAction, saveEventAction, setEventStatusAction } from "@/lib/events/actions";
import { getEventSettingsValues } from "@/lib/events/data";
import { eventStatuses } from "@/lib/events/schema";
import { moveEventAction } from "@/lib/organizations/actions";
import { listOrganizationChoices } from "@/lib/organizations/data";
import { newEventPermissions, requireEventAccess } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function EventSettingsPage({ params }: PageProps<"/admin/events/[id]/settings">) {
  const { id } = await params;
  const { staff } = await requireEventAccess({ event: id, permission: "event.settings" });
  // A copy is a new event: for those who may create one (admins, an
  // organization's organizers), not an event's manager.
  const mayCopy = newEventPermissions(staff).has("event.settings");
  const found = await getEventSettingsValues({ id });
  if (!found) notFound();
  const { event, values } = found;
  const t = await getTranslations("admin.eventForm");
  const organizations = await listOrganizationChoices();
  const organization = organizations.find((choice) => choice.id === event.organizationId);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("settingsTitle")}
        actions={
          <StaffLink href={`/events/${event.slug}`} className="text-brand-700 underline">
            {t("preview")}
          </StaffLink>
        }
      />
      <section className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <p>
          {t("status")}:{" "}
          <strong data-testid="event-status">
            <StatusBadge kind="event" status={event.status} />
          </strong>
        </p>
        <ActionForm action={setEventStatusAction.bind(null, event.id)} className="flex flex-wrap gap-2">
          {eventStatuses
            .filter((status) => status !== event.status)
            .map((status) => (
              <Button key={status} type="submit" name="status" value={status} variant="secondary">
                {t(`setStatus.${status}`)}
              </Button>
            ))}
        </ActionForm>
        {mayCopy && (
          <ActionForm action={duplicateEventAction.bind(null, event.id)}>
            <Button type="submit" variant="secondary">
              {t("duplicate")}
            </Button>
          </ActionForm>
        )}
      </section>
      {staff.role === "ADMIN" ? (
        <section className="rounded-lg border border-stone-200 bg-white p-4">
          <EventOrganizationForm
            action={moveEventAction.bind(null, event.id)}
            organizations={organizations}
            current={event.organizationId}
          />
        </section>
      ) : (
        organization && (
          <p data-testid="event-organization">{t("ofOrganization", { name: organization.name })}</p>
        )
      )}
      <EventSettingsForm
        action={saveEventAction.bind(null, event.id)}
        submitLabel={t("save")}
        initialValues={values}
      />
    </div>
  );
}
