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

/**
 * The body's bytes, or null when it is larger than `maxBytes`: refused by
 * its declared length before anything is read, or as soon as what arrives
 * passes the limit, so a huge body is never held in memory.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer | null> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return null;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
