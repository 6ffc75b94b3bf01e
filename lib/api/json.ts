// Small, strict JSON handling for route handlers: bodies are capped, must be
// JSON, and every expected failure is a 4xx with a machine-readable code.

export const MAX_JSON_BODY_BYTES = 16 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

export function jsonError(
  status: number,
  error: string,
  extra: Record<string, unknown> = {},
  init: ResponseInit = {},
) {
  return Response.json({ error, ...extra }, { ...init, status });
}

/** Reads a JSON body of at most MAX_JSON_BODY_BYTES, refusing anything else. */
export async function readJsonBody(request: Request): Promise<JsonBody> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return {
      ok: false,
      response: jsonError(415, "unsupported_media_type", { expected: "application/json" }),
    };
  }
  const body = await readBodyBytes(request, MAX_JSON_BODY_BYTES);
  if (!body) return { ok: false, response: jsonError(413, "body_too_large") };
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_json") };
  }
}

/** A body larger than a route's limit: by its declared length, or by what arrived. */
export class BodyTooLargeError extends Error {}

/**
 * The body as it arrives, piece by piece. Throws BodyTooLargeError when it
 * is larger than `maxBytes`: refused by its declared length before anything
 * is read, or as soon as what arrives passes the limit (the rest is never
 * read), so no caller holds more of a huge body than it keeps itself.
 */
export async function* readBodyChunks(request: Request, maxBytes: number): AsyncGenerator<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw new BodyTooLargeError();
  const reader = request.body?.getReader();
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError();
    }
    yield value;
  }
}

/** The body's bytes, or null when it is larger than `maxBytes` (as readBodyChunks refuses it). */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
  const chunks: Uint8Array[] = [];
  try {
    for await (const chunk of readBodyChunks(request, maxBytes)) chunks.push(chunk);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return null;
    throw error;
  }
  return Buffer.concat(chunks);
}
