import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { categories, genders, regions } from "@/lib/registrations/schema";

// The filters of an event's registrations list, read from the page's address.
// One home for the list, its bulk actions and the exports: what staff see
// filtered is exactly what they act on and take away. An unknown value is
// dropped rather than refused: an address is typed by hand, often.

export const registrationStatuses = ["PENDING", "CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"] as const;
export const registrationSorts = ["number", "name", "organization", "region", "status"] as const;

export const registrationFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(registrationStatuses).optional().catch(undefined),
  category: z.enum(categories).optional().catch(undefined),
  region: z.enum(regions).optional().catch(undefined),
  gender: z.enum(genders).optional().catch(undefined),
  /** Present on this event day. */
  day: z.uuid().optional().catch(undefined),
  sort: z.enum(registrationSorts).optional().catch(undefined),
  desc: z.literal("1").optional().catch(undefined),
});

export type RegistrationFilters = z.infer<typeof registrationFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The filters in an address's query, first value of each. */
export function parseRegistrationFilters(params: SearchParams): RegistrationFilters {
  const entries =
    params instanceof URLSearchParams
      ? [...params.keys()].map((key) => [key, params.get(key) ?? undefined])
      : Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]);
  const filters = registrationFiltersSchema.parse(Object.fromEntries(entries));
  return { ...filters, q: filters.q || undefined };
}

/** The filters as a query string, without empty values, for links that keep them. */
export function filtersQuery(filters: RegistrationFilters): URLSearchParams {
  return new URLSearchParams(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/** The rows of one event the filters select. The search is served by the trigram index on search_text. */
export function registrationWhere(
  eventId: string,
  filters: RegistrationFilters,
): Prisma.RegistrationWhereInput {
  return {
    eventId,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.region ? { region: filters.region } : {}),
    ...(filters.gender ? { gender: filters.gender } : {}),
    ...(filters.day ? { attendance: { some: { eventDayId: filters.day } } } : {}),
    ...(filters.q ? { searchText: { contains: filters.q.toLowerCase() } } : {}),
  };
}

/** The order of the rows; arrival order breaks ties so pages never overlap. */
export function registrationOrder(
  filters: RegistrationFilters,
): Prisma.RegistrationOrderByWithRelationInput[] {
  const direction = filters.desc ? "desc" : "asc";
  switch (filters.sort) {
    case "name":
      return [{ lastName: direction }, { firstName: direction }, { number: "asc" }];
    case "organization":
      return [{ organization: direction }, { number: "asc" }];
    case "region":
      return [{ region: direction }, { number: "asc" }];
    case "status":
      return [{ status: direction }, { number: "asc" }];
    default:
      return [{ number: direction }];
  }
}
