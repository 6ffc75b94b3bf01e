import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

// What every log line of one request carries: its id, and the staff account
// once the entry-point layer knows it. The web server (lib/cli/serve.ts)
// opens the context around Next's handler; the code Next runs inside it reads
// it through AsyncLocalStorage. The server and Next's bundle each load their
// own copy of this module, so the storage lives on globalThis, under a
// registered symbol, and both copies find the same one.
//
// No "server-only" marker: the web server loads this outside Next, as plain
// Node, where the marker's package throws.

export type RequestContext = { requestId: string; staffId?: string };

const key = Symbol.for("kattoo.request-context");
const holder = globalThis as unknown as { [key]?: AsyncLocalStorage<RequestContext> };
holder[key] ??= new AsyncLocalStorage<RequestContext>();
const storage = holder[key];

const REQUEST_ID_HEADER = "x-request-id";

// A proxy's or a client's id is kept only when it cannot carry anything into
// a log line but an id: letters, digits, dashes and underscores, 8 to 64.
const ACCEPTED_REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The incoming id when it is a plain one (a single header, the strict pattern); otherwise a new one. */
function requestIdFor(incoming: string | string[] | undefined): string {
  return typeof incoming === "string" && ACCEPTED_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Runs `handle` for one request with its id: kept from the request when
 * acceptable, sent back in the response's header, and in every log line
 * written while the request is handled.
 */
export function handleWithRequestId(
  request: IncomingMessage,
  response: ServerResponse,
  handle: () => unknown,
): void {
  const requestId = requestIdFor(request.headers[REQUEST_ID_HEADER]);
  response.setHeader("X-Request-Id", requestId);
  storage.run({ requestId }, handle);
}

/** The request being handled, if any (a worker's loop has none). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** The staff account behind the request, once the entry-point layer has checked it. */
export function noteStaffAccount(staffId: string): void {
  const context = storage.getStore();
  if (context) context.staffId = staffId;
}
