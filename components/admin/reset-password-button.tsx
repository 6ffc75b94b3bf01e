"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { type ActionState, idle } from "@/lib/entry-points/state";
import type { PasswordResetResult } from "@/lib/staff/actions";

type ResetAction = (previous: ActionState<PasswordResetResult>) => Promise<ActionState<PasswordResetResult>>;

/** Gives an account a new generated password and shows it once. */
export function ResetPasswordButton({ action }: { action: ResetAction }) {
  const t = useTranslations("admin.staff");
  const [state, run, pending] = useActionState(action, idle);
  if (state.status === "reset") {
    return (
      <p role="status" className="text-sm">
        {t("newPassword")}{" "}
        <code className="font-mono" data-testid="reset-password">
          {state.password}
        </code>
      </p>
    );
  }
  return (
    <form action={run}>
      <ActionNotice state={state} />
      <button type="submit" disabled={pending} className="underline hover:no-underline">
        {t("resetPassword")}
      </button>
    </form>
  );
}
