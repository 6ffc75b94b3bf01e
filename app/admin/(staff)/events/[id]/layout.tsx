import { getTranslations } from "next-intl/server";
import { EventTabs } from "@/components/admin/event-tabs";
import { tabsFor } from "@/lib/events/tabs";
import { requireEventAccess } from "@/lib/staff/require-staff";

export default async function EventLayout({ children, params }: LayoutProps<"/admin/events/[id]">) {
  const { id } = await params;
  const { permissions } = await requireEventAccess({ event: id, permission: "event.view" }, { setup: true });
  const t = await getTranslations("admin.eventTabs");
  const base = `/admin/events/${encodeURIComponent(id)}`;
  return (
    <div className="space-y-6">
      <EventTabs
        label={t("label")}
        tabs={tabsFor(permissions).map((tab) => ({ href: `${base}${tab.path}`, text: t(tab.key) }))}
      />
      {children}
    </div>
  );
}
