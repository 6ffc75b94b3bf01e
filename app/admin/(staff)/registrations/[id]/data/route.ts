import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { getParticipantData } from "@/lib/privacy/data";
import { recordParticipantDataExport } from "@/lib/privacy/mutations";
import { ADMINS, staffOrResponse } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

/** Admin: everything stored about one participant, as a JSON file; recorded in the audit log. */
export async function GET(_request: Request, { params }: RouteContext<"/admin/registrations/[id]/data">) {
  const guard = await staffOrResponse(ADMINS);
  if ("response" in guard) return guard.response;
  const id = z.uuid().safeParse((await params).id);
  const data = id.success ? await getParticipantData({ registrationId: id.data }) : null;
  if (!data) return jsonError(404, "not_found");
  await recordParticipantDataExport({
    registrationId: data.registration.id,
    eventId: data.registration.eventId,
    actor: { type: "STAFF", staffId: guard.staff.id },
  });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="registration-${data.registration.number}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
