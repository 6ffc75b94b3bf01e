import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { recordEntryPoint } from "@/lib/entry-points/registry";
import type { ActionFailure, ActionState } from "@/lib/entry-points/state";
import { fieldErrors } from "@/lib/forms/field-errors";
import { type FormValues, readFormData } from "@/lib/forms/form-data";
import { clientAddress } from "@/lib/http/client-address";
import { logFailure } from "@/lib/logging/logger";
import { noteStaffAccount } from "@/lib/logging/request-context";
import { recordEntryPointCall } from "@/lib/metrics/registry";
import { consumeRateLimits, type RateLimitRule } from "@/lib/rate-limit/mutations";
import type { EventRef, StaffAccount } from "@/lib/staff/data";
import type { EventPermission } from "@/lib/staff/permissions";
import {
  type EventAccess,
  newEventPermissions,
  requireEventRefAccess,
  requireStaff,
} from "@/lib/staff/require-staff";
import type { StaffRoleName } from "@/lib/staff/schema";

// Every server action is defined here, by publicAction() or staffAction():
// the caller is checked first (a staff action cannot be defined without the
// roles it allows), then the bound argument and the submitted fields are read
// through their schemas, declared rate limits are counted, and only then does
// the action run. Expected outcomes are the action's own typed results;
// anything thrown becomes { status: "failed", code: "server_error" } and one
// log line, never a message of the error's. Each call is timed, and a rate
// limit's refusal counted, for /api/metrics.
//
// Each action has the shape useActionState expects, after an optional bound
// argument: (bound?, previous state, FormData | input object) → state.

type Schema = z.ZodType;
type Output<S> = S extends Schema ? z.output<S> : undefined;

type Context<Bound, InputSchema> = {
  bound: Output<Bound>;
  input: Output<InputSchema>;
  /** The fields as submitted (read through the schema), for a form to show again. */
  values: FormValues;
  /** The client's address (lib/http/client-address.ts). */
  client: string;
};

type Definition<Bound, InputSchema, Extra, Result> = {
  /** "<noun>.<verb>", as it appears in the log. */
  name: string;
  /** The argument bound with `.bind(null, value)`: it passed through the browser, so it is checked too. */
  bound?: Bound;
  /**
   * The submitted fields; or, when they depend on what the bound argument
   * names (an event's own questions), the schema made from it.
   */
  input?: InputSchema | ((bound: Output<Bound>) => Promise<InputSchema>);
  /** Attempts counted before the action runs; one over its limit refuses it. */
  rateLimits?: (context: Context<Bound, InputSchema> & Extra) => RateLimitRule[];
  /** May answer as the layer does (a field error found later, a limit counted elsewhere). */
  run: (context: Context<Bound, InputSchema> & Extra) => Promise<Result | ActionFailure>;
};

type Action<Bound, Result> = Bound extends Schema
  ? (bound: z.input<Bound>, previous: unknown, input?: FormData | object) => Promise<ActionState<Result>>
  : (previous: unknown, input?: FormData | object) => Promise<ActionState<Result>>;

/** What an event-scoped entry point names, from its checked bound argument and fields (written after `bound` and `input`, so their types are known). */
type EventOf<Bound, InputSchema> = (checked: {
  bound: NoInfer<Output<Bound>>;
  input: NoInfer<Output<InputSchema>>;
}) => EventRef | null;

function defineAction<
  Bound extends Schema | undefined,
  InputSchema extends Schema | undefined,
  Extra,
  Scoped,
  Result,
>(
  definition: Definition<Bound, InputSchema, Extra & Scoped, Result>,
  authorize: () => Promise<Extra>,
  scope: (checked: { bound: Output<Bound>; input: Output<InputSchema> }) => Promise<Scoped>,
): Action<Bound, Result> {
  const { name, bound: boundSchema, input, rateLimits, run } = definition;
  const respond = async (args: unknown[]): Promise<ActionState<Result>> => {
    try {
      const extra = await authorize();
      const boundArgument = boundSchema
        ? boundSchema.safeParse(args[0])
        : { success: true as const, data: undefined };
      if (!boundArgument.success) return { status: "failed", code: "bad_request" };
      const bound = boundArgument.data as Output<Bound>;
      // Fields made from what the bound argument names (an event's questions)
      // are read only once the caller may act on it: the bound argument alone
      // names the event then.
      const early =
        typeof input === "function" ? await scope({ bound, input: undefined as never }) : undefined;
      const inputSchema = typeof input === "function" ? await input(bound) : input;
      const submitted = args[boundSchema ? 2 : 1];
      const values = submitted instanceof FormData && inputSchema ? readFormData(submitted, inputSchema) : {};
      const parsed = inputSchema
        ? inputSchema.safeParse(submitted instanceof FormData ? values : submitted)
        : { success: true as const, data: undefined };
      if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrors(parsed.error), values };
      const scoped = early ?? (await scope({ bound, input: parsed.data as Output<InputSchema> }));
      const context = {
        ...extra,
        ...scoped,
        bound,
        input: parsed.data as Output<InputSchema>,
        values,
        client: clientAddress(await headers()),
      };
      const limit = await consumeRateLimits(rateLimits?.(context) ?? []);
      if (!limit.allowed) {
        return { status: "failed", code: "rate_limited", retryAfterSeconds: limit.retryAfterSeconds };
      }
      return await run(context);
    } catch (error) {
      // redirect(), notFound() and the like are Next's control flow, not failures.
      unstable_rethrow(error);
      logFailure(name, error);
      return { status: "failed", code: "server_error" };
    }
  };
  const action = async (...args: unknown[]): Promise<ActionState<Result>> => {
    const startedAt = performance.now();
    let state: ActionState<Result> | undefined;
    try {
      state = await respond(args);
      return state;
    } finally {
      // Also when Next's redirect() or notFound() leaves the action.
      const rateLimited = isFailure(state) && state.code === "rate_limited";
      recordEntryPointCall({ entry: name, startedAt, rateLimited });
    }
  };
  return action as Action<Bound, Result>;
}

function isFailure(state: unknown): state is Extract<ActionFailure, { status: "failed" }> {
  return typeof state === "object" && state !== null && "status" in state && state.status === "failed";
}

/** An action anyone may call: the public forms, the participant's own page (authorized by its token). */
export function publicAction<
  Bound extends Schema | undefined = undefined,
  InputSchema extends Schema | undefined = undefined,
  Result = never,
>(definition: Definition<Bound, InputSchema, object, Result>): Action<Bound, Result> {
  const action = defineAction(
    definition,
    async () => ({}),
    async () => ({}),
  );
  return recordEntryPoint(action, { name: definition.name, access: "public" });
}

type StaffContext = { staff: StaffAccount; permissions: EventAccess["permissions"] };

/**
 * An action for signed-in staff. Instance-wide (`roles`): for one of the
 * roles; anyone else is sent to sign in or to "no access" (requireStaff).
 * Event-scoped (`event`, `permission`): `event` names the event, or objects
 * of it, from the checked bound argument and fields, and the caller must hold
 * `permission` there (requireEventAccess: 404 for an event it may not see);
 * null names none (a new event), where the instance role decides. `setup`:
 * also allowed to an admin who must first set up a second factor;
 * `passwordChange`: also allowed to an account that must first replace a
 * generated password.
 */
export function staffAction<
  Bound extends Schema | undefined = undefined,
  InputSchema extends Schema | undefined = undefined,
  Result = never,
>(
  definition: Definition<Bound, InputSchema, StaffContext, Result> &
    (
      | { roles: readonly StaffRoleName[]; event?: never; permission?: never }
      | { event: EventOf<Bound, InputSchema>; permission: EventPermission; roles?: never }
    ) & { setup?: boolean; passwordChange?: boolean },
): Action<Bound, Result> {
  const { setup, passwordChange } = definition;
  if (definition.event) {
    const { event, permission } = definition;
    const action = defineAction<Bound, InputSchema, object, StaffContext, Result>(
      definition,
      async () => ({}),
      async (checked) => {
        const access = await requireEventRefAccess(event(checked), permission, { setup, passwordChange });
        noteStaffAccount(access.staff.id);
        return { staff: access.staff, permissions: access.permissions };
      },
    );
    return recordEntryPoint(action, { name: definition.name, access: "event", permission });
  }
  const { roles } = definition;
  const action = defineAction(
    definition,
    async () => {
      const staff = await requireStaff(roles, { setup, passwordChange });
      noteStaffAccount(staff.id);
      return { staff, permissions: newEventPermissions(staff) };
    },
    async () => ({}),
  );
  return recordEntryPoint(action, { name: definition.name, access: "staff", roles });
}
