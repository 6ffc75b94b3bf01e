import { getTranslations } from "next-intl/server";
import { EventSettingsForm } from "@/components/admin/event-settings-form";
import { saveEventAction } from "@/lib/events/actions";
import { ADMINS, requireStaff } from "@/lib/staff/require-staff";

const empty = { ru: "", ky: "", en: "" };

export default async function NewEventPage() {
  await requireStaff(ADMINS);
  const t = await getTranslations("admin.eventForm");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("newTitle")}</h1>
      <EventSettingsForm
        action={saveEventAction.bind(null, null)}
        submitLabel={t("create")}
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
