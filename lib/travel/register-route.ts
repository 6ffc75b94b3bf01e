import "server-only";
import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import type { Locale } from "@/lib/i18n/routing";
import type { EventPermission } from "@/lib/staff/permissions";
import { getEventRegister } from "@/lib/travel/data";
import { registerQuerySchema } from "@/lib/travel/schema";

type FoundRegister = NonNullable<Awaited<ReturnType<typeof getEventRegister>>>;

/**
 * A file of the per-diem and travel register (its PDF, its .xlsx):
 * ?day=<day id, or empty for the whole event>&lang=ru|ky|en. Passport
 * numbers only where the event collects them and the caller may see
 * contacts; 404 for a day of another event.
 */
export function registerFileRoute({
  name,
  permission,
  respond,
}: {
  name: string;
  permission: EventPermission;
  respond: (found: FoundRegister, locale: Locale) => Promise<Response>;
}) {
  return eventRoute({
    name,
    params: z.object({ id: z.uuid() }),
    query: registerQuerySchema,
    event: ({ params, query }) => (query.day ? { event: params.id, day: query.day } : { event: params.id }),
    permission,
    run: async ({ params, query, access }) => {
      const found = await getEventRegister({
        eventId: params.id,
        dayId: query.day || null,
        passports: access.permissions.has("event.contacts"),
      });
      if (!found) return jsonError(404, "not_found");
      return respond(found, query.lang);
    },
  });
}
