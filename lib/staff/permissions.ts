import type { EventRoleName, StaffRoleName } from "@/lib/staff/schema";

// Who may do what on an event: the one table (docs/decisions/030-access-per-event.md).
// A caller's permissions on an event are those of its instance role (which
// holds on every event) together with those of its role on the event's team.
// Pure: lib/staff/event-access.ts reads the membership and asks here.

export const eventPermissions = [
  /** Know that the event exists: its tabs, its place in the events list. */
  "event.view",
  /**
   * The registrations list and the attendance, read only and without contact
   * details: a viewer's (docs/decisions/038-viewer-data-minimization.md).
   * Without `event.contacts`, the data is left out where it is read.
   */
  "event.registrations.read",
  /** Each registration, changed too; the list's and the attendance's actions; walk-ins. */
  "event.registrations",
  /** Contact details and answers: email, phone, needs, free text. */
  "event.contacts",
  /** The event's letters, the mailbox, resending, certificates sent. */
  "event.letters",
  /** The door: the check-in page and the phones' endpoint. */
  "event.checkIn",
  /** The registrations as a file: the export. */
  "event.exports",
  /** The paper of the day and after: signature sheets, certificates (their settings, sending them). */
  "event.documents",
  /** Figures without personal data: the statistics page and its file. */
  "event.statistics",
  /** What the public page and the form show: questions, built-in fields, images, the public contact. */
  "event.content",
  /** The event itself: its settings, status, a copy of it; a new event (instance-wide). */
  "event.settings",
  /** The event's team. */
  "event.team",
] as const;

export type EventPermission = (typeof eventPermissions)[number];

const all: readonly EventPermission[] = eventPermissions;
const organizing: readonly EventPermission[] = [
  "event.view",
  "event.registrations.read",
  "event.registrations",
  "event.contacts",
  "event.letters",
  "event.checkIn",
  "event.exports",
  "event.documents",
  "event.statistics",
];
const door: readonly EventPermission[] = ["event.view", "event.checkIn"];

/** What a role on an event's team grants on that event. */
export const eventRoleGrants: Record<EventRoleName, readonly EventPermission[]> = {
  MANAGER: all,
  ORGANIZER: organizing,
  CHECK_IN: door,
  VIEWER: ["event.view", "event.registrations.read", "event.statistics"],
};

/**
 * What an instance role grants on every event, and on none in particular (a
 * new event). ORGANIZER and CHECK_IN keep exactly what they allowed before
 * event teams; STAFF holds nothing of its own.
 */
export const instanceRoleGrants: Record<StaffRoleName, readonly EventPermission[]> = {
  ADMIN: all,
  ORGANIZER: [...organizing, "event.content"],
  CHECK_IN: door,
  STAFF: [],
};

/** The caller's permissions on an event, given its instance role and its role on the event's team, if any. */
export function permissionsOn({
  instanceRole,
  eventRole,
}: {
  instanceRole: StaffRoleName;
  eventRole: EventRoleName | null;
}): Set<EventPermission> {
  return new Set([...instanceRoleGrants[instanceRole], ...(eventRole ? eventRoleGrants[eventRole] : [])]);
}

/** The events a list shows: every one, or these. */
export type EventScope = "every" | readonly string[];

/** The events on which the caller holds `permission`: every event when its instance role grants it. */
export function scopeOf({
  instanceRole,
  memberships,
  permission,
}: {
  instanceRole: StaffRoleName;
  memberships: readonly { eventId: string; role: EventRoleName }[];
  permission: EventPermission;
}): EventScope {
  if (instanceRoleGrants[instanceRole].includes(permission)) return "every";
  return memberships
    .filter((membership) => eventRoleGrants[membership.role].includes(permission))
    .map((membership) => membership.eventId);
}
