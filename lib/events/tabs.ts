import type { EventPermission } from "@/lib/staff/permissions";

/** The tabs of one event's pages, each with the permission its page asks (the page checks again). */
export const eventTabs: readonly { path: string; key: string; permission: EventPermission }[] = [
  { path: "", key: "registrations", permission: "event.registrations.read" },
  { path: "/letters", key: "letters", permission: "event.letters" },
  { path: "/check-in", key: "checkIn", permission: "event.checkIn" },
  { path: "/attendance", key: "attendance", permission: "event.registrations.read" },
  { path: "/paper", key: "paper", permission: "event.documents" },
  { path: "/rooming", key: "rooming", permission: "event.registrations" },
  { path: "/transport", key: "transport", permission: "event.registrations" },
  { path: "/per-diem", key: "perDiem", permission: "event.registrations" },
  { path: "/statistics", key: "statistics", permission: "event.statistics" },
  { path: "/questions", key: "questions", permission: "event.content" },
  { path: "/programme", key: "programme", permission: "event.content" },
  { path: "/outcomes", key: "outcomes", permission: "event.statistics" },
  { path: "/images", key: "images", permission: "event.content" },
  { path: "/settings", key: "settings", permission: "event.settings" },
  { path: "/logistics", key: "logistics", permission: "event.settings" },
  { path: "/team", key: "team", permission: "event.team" },
];

/** The tabs the caller may open. */
export const tabsFor = (permissions: ReadonlySet<EventPermission>) =>
  eventTabs.filter((tab) => permissions.has(tab.permission));
