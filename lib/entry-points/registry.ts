import type { EventPermission } from "@/lib/staff/permissions";
import type { StaffRoleName } from "@/lib/staff/schema";

// Every server action and route handler is a public endpoint. Each is made
// by one of the entry-point factories (lib/entry-points/action.ts,
// lib/entry-points/route.ts), which record here who may call it; a test
// (tests/integration/entry-points.test.ts) imports every action file and
// route module and fails for an export that is not recorded, or for a
// public one that is not on its list.

/**
 * Who may call: anyone; staff of some instance roles (instance-wide pages:
 * accounts, the instance); or whoever holds a permission on the event the
 * call names (lib/staff/permissions.ts).
 */
export type EntryGuard =
  | { access: "public" }
  | { access: "staff"; roles: readonly StaffRoleName[] }
  | { access: "event"; permission: EventPermission };

export type EntryPoint = EntryGuard & { name: string };

const entryPoints = new WeakMap<object, EntryPoint>();

export function recordEntryPoint<Handler extends object>(handler: Handler, entry: EntryPoint): Handler {
  entryPoints.set(handler, entry);
  return handler;
}

export function entryPointOf(handler: unknown): EntryPoint | undefined {
  return typeof handler === "function" ? entryPoints.get(handler) : undefined;
}
