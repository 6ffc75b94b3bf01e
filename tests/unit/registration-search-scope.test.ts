import { describe, expect, it } from "vitest";
import { eventTabs, tabsFor } from "@/lib/events/tabs";
import { parseRegistrationFilters, registrationWhere } from "@/lib/registrations/filters";
import { permissionsOn } from "@/lib/staff/permissions";

// What a viewer's list may search and which tabs it has (decision 038).

const filters = parseRegistrationFilters({ q: "aigerim@example.kg" }, { questions: [] });

describe("the list's search without contacts", () => {
  it("asks name_search_text, which holds no email or phone, besides search_text, without contacts", () => {
    expect(registrationWhere("e", filters)).toMatchObject({ searchText: { contains: "aigerim@example.kg" } });
    expect(registrationWhere("e", filters)).not.toHaveProperty("AND");
    const without = registrationWhere("e", filters, { contacts: false });
    expect(without).not.toHaveProperty("searchText");
    expect(without.AND).toEqual([
      { searchText: { contains: "aigerim@example.kg" } },
      { nameSearchText: { contains: "aigerim@example.kg" } },
    ]);
    expect(JSON.stringify(without)).not.toMatch(/email|phone|Needs|answers/);
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
