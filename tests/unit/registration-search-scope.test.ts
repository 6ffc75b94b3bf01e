import { describe, expect, it } from "vitest";
import { eventTabs, tabsFor } from "@/lib/events/tabs";
import { parseRegistrationFilters, registrationWhere } from "@/lib/registrations/filters";
import { permissionsOn } from "@/lib/staff/permissions";

// What a viewer's list may search and which tabs it has (decision 038).

const filters = parseRegistrationFilters({ q: "aigerim@example.kg" }, { questions: [] });

describe("the list's search without contacts", () => {
  it("searches search_text, which holds the email and phone, only with contacts", () => {
    expect(registrationWhere("e", filters)).toMatchObject({ searchText: { contains: "aigerim@example.kg" } });
    const without = registrationWhere("e", filters, { contacts: false });
    expect(without).not.toHaveProperty("searchText");
    expect(JSON.stringify(without)).not.toMatch(/email|phone|Needs|answers/);
    expect(without.OR?.map((column) => Object.keys(column)[0])).toEqual([
      "lastName",
      "firstName",
      "patronymic",
      "organization",
      "position",
    ]);
  });
});

describe("a viewer's tabs", () => {
  it("are the list, the attendance, the statistics and the tests, and nothing that changes or sends", () => {
    const viewer = permissionsOn({
      organization: null,
      eventOrganization: null,
      instanceRole: "STAFF",
      eventRole: "VIEWER",
    });
    expect(tabsFor(viewer).map((tab) => tab.key)).toEqual([
      "registrations",
      "attendance",
      "statistics",
      "outcomes",
    ]);
    const door = permissionsOn({
      organization: null,
      eventOrganization: null,
      instanceRole: "STAFF",
      eventRole: "CHECK_IN",
    });
    expect(tabsFor(door).map((tab) => tab.key)).toEqual(["checkIn"]);
    expect(eventTabs.length).toBeGreaterThan(tabsFor(viewer).length);
  });
});
