import { jsonError, readJsonBody } from "@/lib/api/json";
import { getRoster } from "@/lib/check-in/data";
import { applyCheckInOperations } from "@/lib/check-in/mutations";
import { checkInBatchSchema, rosterQuerySchema } from "@/lib/check-in/schema";
import { staffRoute } from "@/lib/entry-points/route";
import { getEventForStaff } from "@/lib/events/data";
import { ALL_STAFF } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

// The door phones' endpoint. GET ?eventId=…: the event's participants and
// marks, which the phone keeps for offline use. POST: a batch of marks and
// undos made on a phone, perhaps offline, applied in order; each answered
// by its client mark id.

const NO_STORE = { "Cache-Control": "private, no-store" };

export const GET = staffRoute({
  name: "admin.check-in.roster",
  roles: ALL_STAFF,
  query: rosterQuerySchema,
  run: async ({ query }) => {
    if (!(await getEventForStaff({ id: query.eventId }))) return jsonError(404, "not_found");
    return Response.json(await getRoster({ eventId: query.eventId }), { headers: NO_STORE });
  },
});

export const POST = staffRoute({
  name: "admin.check-in.record",
  roles: ALL_STAFF,
  sameOrigin: true,
  run: async ({ request, staff }) => {
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const batch = checkInBatchSchema.safeParse(body.value);
    if (!batch.success) return jsonError(400, "invalid");
    const results = await applyCheckInOperations({
      eventId: batch.data.eventId,
      operations: batch.data.operations,
      door: { staffId: staff.id, role: staff.role },
    });
    return Response.json({ results }, { headers: NO_STORE });
  },
});
