import "server-only";
import { jsonError } from "@/lib/api/json";
import { getHandout, isConfirmedParticipant, readHandoutChunk } from "@/lib/handouts/data";
import { contentDisposition, HANDOUT_CHUNK_BYTES, matchesEtag, mayDownload } from "@/lib/handouts/rules";
import { manageTokenSchema } from "@/lib/registrations/tokens";
import { checkEventAccess } from "@/lib/staff/require-staff";

/** The bytes one piece at a time, each read from the database when the reader asks for more. */
function chunkStream(handoutId: string, size: number): ReadableStream<Uint8Array> {
  const pieces = Math.ceil(size / HANDOUT_CHUNK_BYTES);
  let position = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const bytes = await readHandoutChunk({ handoutId, position });
        // Removed while being sent: the download ends short, and the browser says it failed.
        if (!bytes) return controller.error(new Error("handout removed during download"));
        controller.enqueue(bytes);
        position += 1;
        if (position === pieces) controller.close();
      },
    },
    { highWaterMark: 1 },
  );
}

/**
 * A handout for whoever may have it; for anyone else, as for an unknown id,
 * 404: a participants' or staff file does not admit it exists. The ETag is
 * the content's hash, so a second download of the same file is a 304.
 */
export async function handoutResponse({
  id,
  token,
  request,
}: {
  id: string;
  token: string | undefined;
  request: Request;
}): Promise<Response> {
  const handout = await getHandout({ id });
  if (!handout) return jsonError(404, "not_found");
  const participant =
    handout.visibility === "PARTICIPANTS" && manageTokenSchema.safeParse(token).success
      ? await isConfirmedParticipant({ token: token as string, eventId: handout.eventId })
      : false;
  // Staff of this event: a team member of another one is no one here (decision 030).
  const staff =
    handout.visibility !== "PUBLIC" && !participant
      ? (await checkEventAccess({ event: handout.eventId }, "event.view")).ok
      : false;
  if (!mayDownload({ visibility: handout.visibility, staff, participant }))
    return jsonError(404, "not_found");
  const etag = `"${handout.sha256}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    // A public file may be kept by any cache; another only by the browser that was let in.
    "Cache-Control": handout.visibility === "PUBLIC" ? "public, max-age=300" : "private, no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // Opened in a tab rather than saved, a file still runs nothing of ours.
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  if (matchesEtag(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(chunkStream(handout.id, handout.size), {
    headers: {
      ...headers,
      "Content-Type": handout.contentType,
      "Content-Length": String(handout.size),
      "Content-Disposition": contentDisposition(handout.fileName),
    },
  });
}
