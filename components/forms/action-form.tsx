"use client";

import { type ComponentProps, useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { type ActionState, type Done, idle, type Refused } from "@/lib/entry-points/state";

type Action = (
  previous: ActionState<Done | Refused>,
  formData: FormData,
) => Promise<ActionState<Done | Refused>>;

/**
 * A form posting to a server action that answers Done (or Refused by a
 * rule): the staff pages' small forms (a note, a letter again, a status).
 * The outcome shows at the top of the form, with or without JavaScript.
 */
export function ActionForm({
  action,
  children,
  ...props
}: Omit<ComponentProps<"form">, "action"> & { action: Action }) {
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} {...props}>
      <ActionNotice state={state} />
      {children}
    </form>
  );
}
