import type { EventRoleName, StaffRoleName } from "@/lib/staff/schema";

// Who may do what on an event: the one table (docs/decisions/030-access-per-event.md).
// A caller's permissions on an event are those of its instance role (which
// holds on every event, or, for a partner organization's member, on its
// organization's events only: decision 041) together with those of its role
// on the event's team. Pure: lib/staff/require-staff.ts reads the membership
// and the organizations and asks here.

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
  /**
   * The event's entries in the audit log: admins', and a partner
   * organization's organizers' on its events (decision 041); an event's
   * manager does not read them, as before organizations.
   */
  "event.audit",
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

/** Everything but the audit log. */
const managing: readonly EventPermission[] = all.filter((permission) => permission !== "event.audit");

/** What a role on an event's team grants on that event. */
export const eventRoleGrants: Record<EventRoleName, readonly EventPermission[]> = {
  MANAGER: managing,
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

/**
 * What the instance role of a partner organization's member grants on each
 * of its organization's events, and on a new event (which becomes its
 * organization's); on every other event it grants nothing. Its organizers
 * run the organization's events as an admin runs any: settings, team, a new
 * event, the audit log of its events. Admins are never members (a CHECK).
 */
export const organizationRoleGrants: Record<Exclude<StaffRoleName, "ADMIN">, readonly EventPermission[]> = {
  ORGANIZER: all,
  CHECK_IN: door,
  STAFF: [],
};

/** No event yet: a new one, or a copy, is made (`event.settings`), or nothing of one is asked. */
export const NEW_EVENT = "new";

/**
 * What the caller's instance role grants on an event of `eventOrganization`
 * (null: of none): on every event, unless the caller is an organization's member.
 */
function instanceGrants({
  instanceRole,
  organization,
  eventOrganization,
}: {
  instanceRole: StaffRoleName;
  organization: string | null;
  eventOrganization: string | null;
}): readonly EventPermission[] {
  if (organization === null || instanceRole === "ADMIN") return instanceRoleGrants[instanceRole];
  return eventOrganization === organization || eventOrganization === NEW_EVENT
    ? organizationRoleGrants[instanceRole]
    : [];
}

/**
 * The caller's permissions on an event, given its instance role, its
 * organization (null: none) and the event's (null: none; NEW_EVENT: no event
 * yet), and its role on the event's team, if any. Every caller passes the
 * organizations: leaving them out would hand a member's role every event.
 */
export function permissionsOn({
  instanceRole,
  organization,
  eventOrganization,
  eventRole,
}: {
  instanceRole: StaffRoleName;
  organization: string | null;
  eventOrganization: string | null;
  eventRole: EventRoleName | null;
}): Set<EventPermission> {
  return new Set([
    ...instanceGrants({ instanceRole, organization, eventOrganization }),
    ...(eventRole ? eventRoleGrants[eventRole] : []),
  ]);
}

/** The events a list shows: every one, or these. */
export type EventScope = "every" | readonly string[];

/**
 * The events on which the caller holds `permission`: every event when its
 * instance role grants it (an organization's member: its organization's
 * events, `organizationEvents`), and those where its team role does.
 */
export function scopeOf({
  instanceRole,
  organization,
  organizationEvents,
  memberships,
  permission,
}: {
  instanceRole: StaffRoleName;
  organization: string | null;
  organizationEvents: readonly string[];
  memberships: readonly { eventId: string; role: EventRoleName }[];
  permission: EventPermission;
}): EventScope {
  const limited = organization !== null && instanceRole !== "ADMIN";
  if (!limited && instanceRoleGrants[instanceRole].includes(permission)) return "every";
  const own = limited && organizationRoleGrants[instanceRole].includes(permission) ? organizationEvents : [];
  const onTeams = memberships
    .filter((membership) => eventRoleGrants[membership.role].includes(permission))
    .map((membership) => membership.eventId);
  return [...new Set([...own, ...onTeams])];
}
