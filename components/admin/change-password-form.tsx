"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type ActionState, idle } from "@/lib/entry-points/state";
import { type ChangePasswordResult, changePasswordAction } from "@/lib/staff/actions";

/** Why a new password was refused, from the action's answer; the schema's messages are its keys. */
function refusal(state: ActionState<ChangePasswordResult>) {
  if (state.status === "refused") return state.reason;
  if (state.status !== "invalid") return null;
  if (state.fieldErrors.repeat === "mismatch") return "mismatch";
  return state.fieldErrors.newPassword === "common" ? "common" : "invalid";
}

export function ChangePasswordForm() {
  const t = useTranslations("admin.account");
  const [state, action, pending] = useActionState<ActionState<ChangePasswordResult>, FormData>(
    changePasswordAction,
    idle,
  );
  const refused = refusal(state);
  const field = (name: string, label: string, autoComplete: string) => (
    <LabelledInput
      label={label}
      name={name}
      type="password"
      autoComplete={autoComplete}
      required
      maxLength={128}
    />
  );
  return (
    <form action={action} className="space-y-3">
      {refused ? <Notice tone="error">{t(`refused.${refused}`)}</Notice> : <ActionNotice state={state} />}
      {field("currentPassword", t("currentPassword"), "current-password")}
      {field("newPassword", t("newPassword"), "new-password")}
      <p className="text-sm text-stone-600">{t("newPasswordHint")}</p>
      {field("repeat", t("repeat"), "new-password")}
      <Button type="submit" disabled={pending}>
        {t("change")}
      </Button>
    </form>
  );
}
