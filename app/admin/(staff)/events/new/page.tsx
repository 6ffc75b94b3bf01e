import { getTranslations } from "next-intl/server";
import { EventSettingsForm } from "@/components/admin/event-settings-form";
import { PageHeader } from "@/components/ui/page-header";
import { saveEventAction } from "@/lib/events/actions";
import { listOrganizationChoices } from "@/lib/organizations/data";
import { requireEventRefAccess } from "@/lib/staff/require-staff";

const empty = { ru: "", ky: "", en: "" };

/** Admins, and an organization's organizers, whose new event is their organization's (decision 041). */
export default async function NewEventPage() {
  const { staff } = await requireEventRefAccess(null, "event.settings");
  const t = await getTranslations("admin.eventForm");
  const organizations = await listOrganizationChoices();
  const own = organizations.find((organization) => organization.id === staff.organizationId);
  return (
    <div className="space-y-6">
      <PageHeader title={t("newTitle")}>
        {own && <p data-testid="new-event-organization">{t("ofOrganization", { name: own.name })}</p>}
      </PageHeader>
      <EventSettingsForm
        action={saveEventAction.bind(null, null)}
        submitLabel={t("create")}
        organizations={staff.organizationId ? undefined : organizations}
        initialValues={{
          slug: "",
          title: empty,
          summary: empty,
          description: empty,
          audience: empty,
          venueName: empty,
          venueAddress: empty,
          timeZone: "Asia/Bishkek",
          capacity: "40",
          quotas: {},
          requiresApproval: false,
          contactEmail: "",
          retentionDays: "",
          registrationOpensAt: "",
          registrationClosesAt: "",
          days: [{ date: "", start: "09:00", end: "17:00" }],
        }}
      />
    </div>
  );
}
