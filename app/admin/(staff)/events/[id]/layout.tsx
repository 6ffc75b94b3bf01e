import { getTranslations } from "next-intl/server";
import { EventTabs } from "@/components/admin/event-tabs";
import { ALL_STAFF, requireStaff } from "@/lib/staff/require-staff";
import type { StaffRoleName } from "@/lib/staff/schema";

/** The tabs of one event's pages, each shown to the roles its page admits (the page checks again). */
const tabs: { path: string; key: string; roles: readonly StaffRoleName[] }[] = [
  { path: "", key: "registrations", roles: ["ADMIN", "ORGANIZER"] },
  { path: "/letters", key: "letters", roles: ["ADMIN", "ORGANIZER"] },
  { path: "/check-in", key: "checkIn", roles: ["ADMIN", "ORGANIZER", "CHECK_IN"] },
  { path: "/attendance", key: "attendance", roles: ["ADMIN", "ORGANIZER"] },
  { path: "/paper", key: "paper", roles: ["ADMIN", "ORGANIZER"] },
  { path: "/statistics", key: "statistics", roles: ["ADMIN", "ORGANIZER"] },
  { path: "/questions", key: "questions", roles: ["ADMIN", "ORGANIZER"] },
  { path: "/outcomes", key: "outcomes", roles: ["ADMIN", "ORGANIZER"] },
  { path: "/images", key: "images", roles: ["ADMIN", "ORGANIZER"] },
  { path: "/settings", key: "settings", roles: ["ADMIN"] },
];

export default async function EventLayout({ children, params }: LayoutProps<"/admin/events/[id]">) {
  const staff = await requireStaff(ALL_STAFF, { setup: true });
  const { id } = await params;
  const t = await getTranslations("admin.eventTabs");
  const base = `/admin/events/${encodeURIComponent(id)}`;
  return (
    <div className="space-y-6">
      <EventTabs
        label={t("label")}
        tabs={tabs
          .filter((tab) => tab.roles.includes(staff.role))
          .map((tab) => ({ href: `${base}${tab.path}`, text: t(tab.key) }))}
      />
      {children}
    </div>
  );
}
