import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { addHandout } from "@/lib/handouts/mutations";
import { readHandoutUpload } from "@/lib/handouts/upload";

/**
 * Organizers: attach a file to the event or one of its sessions. The body is
 * the file itself; the query carries name, title.ru, title.ky, title.en,
 * visibility and sessionId (docs/decisions/035-handouts.md). Answers 201
 * {status: "done", id}, or {error: "invalid", fieldErrors} naming the field.
 */
export const POST = eventRoute({
  name: "handouts.upload",
  sameOrigin: true,
  params: z.object({ id: z.uuid() }),
  event: ({ params }) => ({ event: params.id }),
  permission: "event.content",
  async run({ request, params, staff }) {
    const upload = await readHandoutUpload(request);
    if (!upload.ok) return jsonError(upload.status, "invalid", { fieldErrors: upload.fieldErrors });
    try {
      const result = await addHandout({
        eventId: params.id,
        details: upload.details,
        file: upload.file,
        actor: { type: "STAFF", staffId: staff.id },
      });
      if (!result.ok && result.reason === "not_found") return jsonError(404, "not_found");
      if (!result.ok) return jsonError(400, "invalid", { fieldErrors: result.fieldErrors });
      return Response.json({ status: "done", id: result.id }, { status: 201 });
    } finally {
      await upload.file.discard();
    }
  },
});
