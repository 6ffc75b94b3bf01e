import { getRoster } from "@/lib/check-in/data";
import { applyCheckInOperations } from "@/lib/check-in/mutations";
import { checkInBatchSchema, rosterQuerySchema } from "@/lib/check-in/schema";
import { eventRoute } from "@/lib/entry-points/route";

export const dynamic = "force-dynamic";

// The door phones' endpoint. GET ?eventId=…: the event's participants and
// marks, which the phone keeps for offline use. POST: a batch of marks and
// undos made on a phone, perhaps offline, applied in order; each answered
// by its client mark id.

const NO_STORE = { "Cache-Control": "private, no-store" };

export const GET = eventRoute({
  name: "admin.check-in.roster",
  query: rosterQuerySchema,
  event: ({ query }) => ({ event: query.eventId }),
  permission: "event.checkIn",
  run: async ({ query }) => Response.json(await getRoster({ eventId: query.eventId }), { headers: NO_STORE }),
});

export const POST = eventRoute({
  name: "admin.check-in.record",
  sameOrigin: true,
  body: checkInBatchSchema,
  event: ({ body }) => ({ event: body.eventId }),
  permission: "event.checkIn",
  run: async ({ body, staff, access }) => {
    const results = await applyCheckInOperations({
      eventId: body.eventId,
      operations: body.operations,
      door: { staffId: staff.id, mayAdmit: access.permissions.has("event.registrations") },
    });
    return Response.json({ results }, { headers: NO_STORE });
  },
});
