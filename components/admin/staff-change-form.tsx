"use client";

import { useTranslations } from "next-intl";
import { type ComponentProps, useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Notice } from "@/components/ui/notice";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";
import type { StaffChangeResult } from "@/lib/staff/actions";

type ChangeAction = (
  previous: ActionState<Done | StaffChangeResult>,
  formData: FormData,
) => Promise<ActionState<Done | StaffChangeResult>>;

/** One change to a staff account (role, disabled, second factor), with its outcome shown beside it. */
export function StaffChangeForm({
  action,
  children,
  ...props
}: Omit<ComponentProps<"form">, "action"> & { action: ChangeAction }) {
  const t = useTranslations("admin.staff.result");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} {...props}>
      {state.status === "refused" ? (
        <Notice tone="error">{t(state.reason)}</Notice>
      ) : state.status === "done" ? (
        <Notice tone="success">{t("done")}</Notice>
      ) : (
        <ActionNotice state={state} />
      )}
      {children}
    </form>
  );
}
