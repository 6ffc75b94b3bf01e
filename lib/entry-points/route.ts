import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { jsonError, readJsonBody } from "@/lib/api/json";
import { recordEntryPoint } from "@/lib/entry-points/registry";
import { containsNul } from "@/lib/entry-points/schema";
import { crossOriginResponse } from "@/lib/http/same-origin";
import { logFailure } from "@/lib/logging/logger";
import { noteStaffAccount } from "@/lib/logging/request-context";
import { recordEntryPointCall } from "@/lib/metrics/registry";
import type { EventRef, StaffAccount } from "@/lib/staff/data";
import type { EventPermission } from "@/lib/staff/permissions";
import {
  ALL_STAFF,
  type EventAccess,
  eventAccessOrResponse,
  staffOrResponse,
} from "@/lib/staff/require-staff";
import type { StaffRoleName } from "@/lib/staff/schema";

// The one way to write a route handler. The address's parameters and query
// are checked by schemas before the handler runs, so nothing unchecked
// reaches the database (a NUL byte in a slug used to become a 500 and a
// Prisma stack in the log); the caller is checked for staff routes; an
// unexpected error becomes a 500 with a code and one log line. Each handler
// is recorded in the entry-point registry with who may call it; each call is
// timed, and a 429 counted, for /api/metrics.

/** The address's query as Next gives a page's searchParams: a repeated key holds all its values. */
export type QueryValues = Record<string, string | string[]>;

type RouteParams = Record<string, string | string[] | undefined>;

/** What Next 16 passes a route handler besides the request. */
type HandlerContext = { params: Promise<RouteParams> };

export type RouteHandler = (request: Request, context: HandlerContext) => Promise<Response>;

type Input<Params, Query> = { request: Request; params: Params; query: Query };

type RouteDefinition<Params, Query, Extra> = {
  /** Names the handler in the registry and in the log: "api.events.get". */
  name: string;
  /** Unknown to the schema means unknown to us: 404. */
  params?: z.ZodType<Params>;
  /** A query the schema refuses: 400. */
  query?: z.ZodType<Query>;
  run: (input: Input<Params, Query> & Extra) => Promise<Response>;
};

// A NUL names nothing stored (lib/entry-points/schema.ts): refused here, so
// no route's schema needs to remember it.
const hasNul = (values: readonly (string | string[] | undefined)[]) =>
  values.some((value) => [value ?? []].flat().some(containsNul));

function queryValues(url: URL): QueryValues {
  // A null prototype: a key named "__proto__" is just a key.
  const values: QueryValues = Object.create(null);
  for (const [key, value] of url.searchParams) {
    const known = values[key];
    values[key] = known === undefined ? value : [known].flat().concat(value);
  }
  return values;
}

type Checked<Params, Query> = { ok: true; params: Params; query: Query } | { ok: false; response: Response };

async function checkAddress<Params, Query>(
  request: Request,
  context: HandlerContext,
  definition: Pick<RouteDefinition<Params, Query, object>, "params" | "query">,
): Promise<Checked<Params, Query>> {
  // A route without dynamic segments is given no params at all.
  const rawParams: RouteParams = (await context.params) ?? {};
  const query = queryValues(new URL(request.url));
  if (hasNul(Object.values(rawParams))) return { ok: false, response: jsonError(404, "not_found") };
  if (hasNul([...Object.keys(query), ...Object.values(query).flat()])) {
    return { ok: false, response: jsonError(400, "invalid") };
  }
  const params = definition.params ? definition.params.safeParse(rawParams) : undefined;
  if (params && !params.success) return { ok: false, response: jsonError(404, "not_found") };
  const parsedQuery = definition.query ? definition.query.safeParse(query) : undefined;
  if (parsedQuery && !parsedQuery.success) return { ok: false, response: jsonError(400, "invalid") };
  return {
    ok: true,
    params: (params ? params.data : rawParams) as Params,
    query: (parsedQuery ? parsedQuery.data : query) as Query,
  };
}

async function answer(name: string, respond: () => Promise<Response>): Promise<Response> {
  const startedAt = performance.now();
  let response: Response | undefined;
  try {
    response = await respond();
    return response;
  } catch (error) {
    // notFound() and redirect() are thrown too; Next answers them itself.
    unstable_rethrow(error);
    logFailure(name, error);
    response = jsonError(500, "server_error");
    return response;
  } finally {
    recordEntryPointCall({ entry: name, startedAt, rateLimited: response?.status === 429 });
  }
}

/** A route anyone may call. */
export function publicRoute<Params = RouteParams, Query = QueryValues>(
  definition: RouteDefinition<Params, Query, object>,
): RouteHandler {
  const handler: RouteHandler = (request, context) =>
    answer(definition.name, async () => {
      const address = await checkAddress(request, context, definition);
      if (!address.ok) return address.response;
      return definition.run({ request, params: address.params, query: address.query });
    });
  return recordEntryPoint(handler, { name: definition.name, access: "public" });
}

type StaffRouteOptions = {
  /** A route that changes state: requests from other sites are refused (403) before anything else. */
  sameOrigin?: true;
};

/** A route for signed-in staff of these roles: 401 signed out, 403 another role, as staffOrResponse answers. */
export function staffRoute<Params = RouteParams, Query = QueryValues>(
  definition: RouteDefinition<Params, Query, { staff: StaffAccount }> &
    StaffRouteOptions & { roles: readonly StaffRoleName[] },
): RouteHandler {
  const handler: RouteHandler = (request, context) =>
    answer(definition.name, async () => {
      const crossOrigin = definition.sameOrigin ? crossOriginResponse(request) : undefined;
      if (crossOrigin) return crossOrigin;
      // Who asks comes first: a caller who may not use the route learns
      // nothing about its addresses.
      const caller = await staffOrResponse(definition.roles);
      if ("response" in caller) return caller.response;
      noteStaffAccount(caller.staff.id);
      const address = await checkAddress(request, context, definition);
      if (!address.ok) return address.response;
      return definition.run({ request, params: address.params, query: address.query, staff: caller.staff });
    });
  return recordEntryPoint(handler, { name: definition.name, access: "staff", roles: definition.roles });
}

type CheckedRequest<Params, Query, Body> = { params: Params; query: Query; body: Body };

/**
 * A route on one event (decision 030): `event` names the event, or objects
 * of it, from the checked address (and JSON body, when `body` is declared);
 * the caller must hold `permission` there. 401 signed out; 404 for an event
 * the caller may not see, or an object of another event; 403 for a
 * permission the caller lacks on an event it sees.
 */
export function eventRoute<Params = RouteParams, Query = QueryValues, Body = undefined>(
  definition: Omit<RouteDefinition<Params, Query, object>, "run"> &
    StaffRouteOptions & {
      /** A JSON body (lib/api/json.ts), checked like the address: 400 when the schema refuses it. */
      body?: z.ZodType<Body>;
      event: (checked: CheckedRequest<Params, Query, Body>) => EventRef;
      permission: EventPermission;
      run: (
        input: Input<Params, Query> & { body: Body; staff: StaffAccount; access: EventAccess },
      ) => Promise<Response>;
    },
): RouteHandler {
  const handler: RouteHandler = (request, context) =>
    answer(definition.name, async () => {
      const crossOrigin = definition.sameOrigin ? crossOriginResponse(request) : undefined;
      if (crossOrigin) return crossOrigin;
      // Signed out or refused for every event: answered before the address is read.
      const caller = await staffOrResponse(ALL_STAFF);
      if ("response" in caller) return caller.response;
      noteStaffAccount(caller.staff.id);
      const address = await checkAddress(request, context, definition);
      if (!address.ok) return address.response;
      let body = undefined as Body;
      if (definition.body) {
        const read = await readJsonBody(request);
        if (!read.ok) return read.response;
        const parsed = definition.body.safeParse(read.value);
        if (!parsed.success) return jsonError(400, "invalid");
        body = parsed.data;
      }
      const { params, query } = address;
      const scoped = await eventAccessOrResponse(
        definition.event({ params, query, body }),
        definition.permission,
      );
      if ("response" in scoped) return scoped.response;
      const { access } = scoped;
      return definition.run({ request, params, query, body, staff: access.staff, access });
    });
  return recordEntryPoint(handler, {
    name: definition.name,
    access: "event",
    permission: definition.permission,
  });
}
