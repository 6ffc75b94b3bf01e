import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { staffRoute } from "@/lib/entry-points/route";
import { getParticipantData } from "@/lib/privacy/data";
import { recordParticipantDataExport } from "@/lib/privacy/mutations";
import { ADMINS } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

/** Admin: everything stored about one participant, as a JSON file; recorded in the audit log. */
export const GET = staffRoute({
  name: "admin.registrations.data",
  roles: ADMINS,
  params: z.object({ id: z.uuid() }),
  run: async ({ params, staff }) => {
    const data = await getParticipantData({ registrationId: params.id });
    if (!data) return jsonError(404, "not_found");
    await recordParticipantDataExport({
      registrationId: data.registration.id,
      eventId: data.registration.eventId,
      actor: { type: "STAFF", staffId: staff.id },
    });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="registration-${data.registration.number}.json"`,
        "Cache-Control": "no-store",
      },
    });
  },
});
