import { describe, expect, it } from "vitest";
import {
  eventPermissions,
  eventRoleGrants,
  instanceRoleGrants,
  permissionsOn,
  scopeOf,
} from "@/lib/staff/permissions";
import { eventRoles, staffRoles } from "@/lib/staff/schema";

describe("the permission table", () => {
  it("gives a manager and an admin everything", () => {
    expect([...permissionsOn({ instanceRole: "STAFF", eventRole: "MANAGER" })].sort()).toEqual(
      [...eventPermissions].sort(),
    );
    expect([...permissionsOn({ instanceRole: "ADMIN", eventRole: null })].sort()).toEqual(
      [...eventPermissions].sort(),
    );
  });

  it("gives a plain staff account nothing on an event it is not on", () => {
    expect(permissionsOn({ instanceRole: "STAFF", eventRole: null }).size).toBe(0);
  });

  it("keeps today's instance-wide organizer and check-in accounts as they were", () => {
    const organizer = permissionsOn({ instanceRole: "ORGANIZER", eventRole: null });
    expect(organizer.has("event.content")).toBe(true);
    expect(organizer.has("event.exports")).toBe(true);
    expect(organizer.has("event.settings")).toBe(false);
    expect(organizer.has("event.team")).toBe(false);
    expect([...permissionsOn({ instanceRole: "CHECK_IN", eventRole: null })].sort()).toEqual([
      "event.checkIn",
      "event.view",
    ]);
  });

  it("lets a viewer read the list and the figures only: no contacts, exports, letters or changes", () => {
    const viewer = permissionsOn({ instanceRole: "STAFF", eventRole: "VIEWER" });
    expect([...viewer].sort()).toEqual(["event.registrations.read", "event.statistics", "event.view"]);
  });

  it("lets an event's organizer work with people but not change the event or its team", () => {
    const organizer = permissionsOn({ instanceRole: "STAFF", eventRole: "ORGANIZER" });
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
    const both = permissionsOn({ instanceRole: "CHECK_IN", eventRole: "VIEWER" });
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
    expect(scopeOf({ instanceRole: "STAFF", memberships, permission: "event.view" })).toEqual(["a", "b"]);
    expect(scopeOf({ instanceRole: "STAFF", memberships, permission: "event.letters" })).toEqual(["b"]);
    expect(scopeOf({ instanceRole: "STAFF", memberships: [], permission: "event.view" })).toEqual([]);
    expect(scopeOf({ instanceRole: "ORGANIZER", memberships, permission: "event.letters" })).toBe("every");
    expect(scopeOf({ instanceRole: "CHECK_IN", memberships, permission: "event.letters" })).toEqual(["b"]);
  });
});
