import { z } from "zod";
import { jsonError } from "@/lib/api/json";
import { eventRoute } from "@/lib/entry-points/route";
import { addEventImage } from "@/lib/images/mutations";
import { readImageUpload } from "@/lib/images/upload";

/**
 * Organizers: upload the event's cover or a logo (multipart: file, slot,
 * alt.ru, alt.ky, alt.en). Answers 201 {status: "done", id}, or
 * {error: "invalid", fieldErrors} with the reason on the field at fault.
 */
export const POST = eventRoute({
  name: "images.upload",
  sameOrigin: true,
  params: z.object({ id: z.uuid() }),
  event: ({ params }) => ({ event: params.id }),
  permission: "event.content",
  async run({ request, params, staff }) {
    const upload = await readImageUpload(request);
    if (!upload.ok) return jsonError(upload.status, "invalid", { fieldErrors: upload.fieldErrors });
    const result = await addEventImage({
      eventId: params.id,
      details: upload.details,
      image: upload.image,
      actor: { type: "STAFF", staffId: staff.id },
    });
    if (!result.ok) return jsonError(404, "not_found");
    return Response.json({ status: "done", id: result.id }, { status: 201 });
  },
});
