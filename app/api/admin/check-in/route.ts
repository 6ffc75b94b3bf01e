import { jsonError, readJsonBody } from "@/lib/api/json";
import { getRoster } from "@/lib/check-in/data";
import { applyCheckInOperations } from "@/lib/check-in/mutations";
import { checkInBatchSchema, rosterQuerySchema } from "@/lib/check-in/schema";
import { getEventForStaff } from "@/lib/events/data";
import { crossOriginResponse } from "@/lib/http/same-origin";
import { ALL_STAFF, staffOrResponse } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

// The door phones' endpoint. GET ?eventId=…: the event's participants and
// marks, which the phone keeps for offline use. POST: a batch of marks and
// undos made on a phone, perhaps offline, applied in order; each answered
// by its client mark id.

const NO_STORE = { "Cache-Control": "private, no-store" };

export async function GET(request: Request) {
  const guard = await staffOrResponse(ALL_STAFF);
  if ("response" in guard) return guard.response;
  const query = rosterQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(400, "invalid");
  if (!(await getEventForStaff({ id: query.data.eventId }))) return jsonError(404, "not_found");
  return Response.json(await getRoster({ eventId: query.data.eventId }), { headers: NO_STORE });
}

export async function POST(request: Request) {
  const refused = crossOriginResponse(request);
  if (refused) return refused;
  const guard = await staffOrResponse(ALL_STAFF);
  if ("response" in guard) return guard.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const batch = checkInBatchSchema.safeParse(body.value);
  if (!batch.success) return jsonError(400, "invalid");
  const results = await applyCheckInOperations({
    eventId: batch.data.eventId,
    operations: batch.data.operations,
    door: { staffId: guard.staff.id, role: guard.staff.role },
  });
  return Response.json({ results }, { headers: NO_STORE });
}
