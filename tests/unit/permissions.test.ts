import { describe, expect, it } from "vitest";
import {
  eventPermissions,
  eventRoleGrants,
  instanceRoleGrants,
  NEW_EVENT,
  organizationRoleGrants,
  permissionsOn,
  scopeOf,
} from "@/lib/staff/permissions";
import { eventRoles, staffRoles } from "@/lib/staff/schema";

/** An account in no organization, on an event of none: as before organizations (decision 041). */
const none = { organization: null, eventOrganization: null } as const;
const noOrganization = { organization: null, organizationEvents: [] } as const;

describe("the permission table", () => {
  it("gives an admin everything, and a manager everything but the audit log", () => {
    expect([...permissionsOn({ ...none, instanceRole: "STAFF", eventRole: "MANAGER" })].sort()).toEqual(
      eventPermissions.filter((permission) => permission !== "event.audit").sort(),
    );
    expect([...permissionsOn({ ...none, instanceRole: "ADMIN", eventRole: null })].sort()).toEqual(
      [...eventPermissions].sort(),
    );
  });

  it("gives a plain staff account nothing on an event it is not on", () => {
    expect(permissionsOn({ ...none, instanceRole: "STAFF", eventRole: null }).size).toBe(0);
  });

  it("keeps today's instance-wide organizer and check-in accounts as they were", () => {
    const organizer = permissionsOn({ ...none, instanceRole: "ORGANIZER", eventRole: null });
    expect(organizer.has("event.content")).toBe(true);
    expect(organizer.has("event.exports")).toBe(true);
    expect(organizer.has("event.settings")).toBe(false);
    expect(organizer.has("event.team")).toBe(false);
    expect([...permissionsOn({ ...none, instanceRole: "CHECK_IN", eventRole: null })].sort()).toEqual([
      "event.checkIn",
      "event.view",
    ]);
  });

  it("lets a viewer read the list and the figures only: no contacts, exports, letters or changes", () => {
    const viewer = permissionsOn({ ...none, instanceRole: "STAFF", eventRole: "VIEWER" });
    expect([...viewer].sort()).toEqual(["event.registrations.read", "event.statistics", "event.view"]);
  });

  it("lets an event's organizer work with people but not change the event or its team", () => {
    const organizer = permissionsOn({ ...none, instanceRole: "STAFF", eventRole: "ORGANIZER" });
    for (const permission of [
      "event.registrations.read",
      "event.registrations",
      "event.contacts",
      "event.letters",
      "event.exports",
    ] as const)
      expect(organizer.has(permission)).toBe(true);
    for (const permission of ["event.settings", "event.team", "event.content"] as const)
      expect(organizer.has(permission)).toBe(false);
  });

  it("joins an instance role and an event role", () => {
    const both = permissionsOn({ ...none, instanceRole: "CHECK_IN", eventRole: "VIEWER" });
    expect([...both].sort()).toEqual([
      "event.checkIn",
      "event.registrations.read",
      "event.statistics",
      "event.view",
    ]);
  });

  it("grants event.view with every other permission, for every role", () => {
    for (const grants of [
      ...staffRoles.map((role) => instanceRoleGrants[role]),
      ...eventRoles.map((role) => eventRoleGrants[role]),
    ]) {
      if (grants.length > 0) expect(grants).toContain("event.view");
    }
  });

  it("scopes lists to the events where the caller holds the permission", () => {
    const memberships = [
      { eventId: "a", role: "VIEWER" },
      { eventId: "b", role: "ORGANIZER" },
    ] as const;
    expect(
      scopeOf({ ...noOrganization, instanceRole: "STAFF", memberships, permission: "event.view" }),
    ).toEqual(["a", "b"]);
    expect(
      scopeOf({ ...noOrganization, instanceRole: "STAFF", memberships, permission: "event.letters" }),
    ).toEqual(["b"]);
    expect(
      scopeOf({ ...noOrganization, instanceRole: "STAFF", memberships: [], permission: "event.view" }),
    ).toEqual([]);
    expect(
      scopeOf({ ...noOrganization, instanceRole: "ORGANIZER", memberships, permission: "event.letters" }),
    ).toBe("every");
    expect(
      scopeOf({ ...noOrganization, instanceRole: "CHECK_IN", memberships, permission: "event.letters" }),
    ).toEqual(["b"]);
  });
});

describe("the permission table with partner organizations (decision 041)", () => {
  const member = (instanceRole: "ORGANIZER" | "CHECK_IN" | "STAFF", eventOrganization: string | null) =>
    permissionsOn({ instanceRole, organization: "org-a", eventOrganization, eventRole: null });

  it("limits a member's instance role to its organization's events", () => {
    expect([...member("ORGANIZER", "org-a")].sort()).toEqual([...eventPermissions].sort());
    expect(member("ORGANIZER", "org-b").size).toBe(0);
    expect(member("ORGANIZER", null).size).toBe(0);
    expect([...member("CHECK_IN", "org-a")].sort()).toEqual(["event.checkIn", "event.view"]);
    expect(member("CHECK_IN", "org-b").size).toBe(0);
    expect(member("STAFF", "org-a").size).toBe(0);
  });

  it("lets an organization's organizer, and an admin, create an event; no one else", () => {
    expect(member("ORGANIZER", NEW_EVENT).has("event.settings")).toBe(true);
    expect(member("CHECK_IN", NEW_EVENT).has("event.settings")).toBe(false);
    expect(member("STAFF", NEW_EVENT).has("event.settings")).toBe(false);
    for (const instanceRole of staffRoles) {
      const granted = permissionsOn({
        instanceRole,
        organization: null,
        eventOrganization: NEW_EVENT,
        eventRole: null,
      });
      expect(granted.has("event.settings")).toBe(instanceRole === "ADMIN");
    }
  });

  it("keeps a member's role on another event's team as given", () => {
    const viewer = permissionsOn({
      instanceRole: "ORGANIZER",
      organization: "org-a",
      eventOrganization: "org-b",
      eventRole: "VIEWER",
    });
    expect([...viewer].sort()).toEqual(["event.registrations.read", "event.statistics", "event.view"]);
  });

  it("changes nothing for an account in no organization, whatever the event's", () => {
    for (const instanceRole of staffRoles)
      for (const eventRole of [null, ...eventRoles])
        expect(
          permissionsOn({ instanceRole, organization: null, eventOrganization: "org-a", eventRole }),
        ).toEqual(permissionsOn({ ...none, instanceRole, eventRole }));
  });

  it("gives the audit log only to admins and an organization's organizers", () => {
    for (const instanceRole of staffRoles)
      expect(instanceRoleGrants[instanceRole].includes("event.audit")).toBe(instanceRole === "ADMIN");
    for (const eventRole of eventRoles) expect(eventRoleGrants[eventRole]).not.toContain("event.audit");
    expect(organizationRoleGrants.ORGANIZER).toContain("event.audit");
  });

  it("scopes a member's lists to its organization's events and its teams'", () => {
    const scope = (
      instanceRole: "ORGANIZER" | "CHECK_IN" | "STAFF",
      permission: "event.view" | "event.audit",
    ) =>
      scopeOf({
        instanceRole,
        organization: "org-a",
        organizationEvents: ["a1", "a2"],
        memberships: [
          { eventId: "b1", role: "VIEWER" },
          { eventId: "a1", role: "MANAGER" },
        ],
        permission,
      });
    expect(scope("ORGANIZER", "event.view")).toEqual(["a1", "a2", "b1"]);
    expect(scope("ORGANIZER", "event.audit")).toEqual(["a1", "a2"]);
    expect(scope("CHECK_IN", "event.view")).toEqual(["a1", "a2", "b1"]);
    expect(scope("STAFF", "event.view")).toEqual(["b1", "a1"]);
    expect(scope("STAFF", "event.audit")).toEqual([]);
    // An admin is never a member; were one to be, it would still see every event.
    expect(
      scopeOf({
        instanceRole: "ADMIN",
        organization: "org-a",
        organizationEvents: [],
        memberships: [],
        permission: "event.view",
      }),
    ).toBe("every");
  });
});
