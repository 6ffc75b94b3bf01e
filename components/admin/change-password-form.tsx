"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type ChangePasswordState, changePasswordAction } from "@/lib/staff/actions";

export function ChangePasswordForm() {
  const t = useTranslations("admin.account");
  const [state, action, pending] = useActionState<ChangePasswordState, FormData>(changePasswordAction, {
    status: "idle",
  });
  const field = (name: string, label: string, autoComplete: string) => (
    <label className="block space-y-1">
      <span className="font-medium">{label}</span>
      <input
        name={name}
        type="password"
        autoComplete={autoComplete}
        required
        maxLength={128}
        className={inputClass}
      />
    </label>
  );
  return (
    <form action={action} className="space-y-3">
      {state.status === "refused" && <Notice tone="error">{t(`refused.${state.reason}`)}</Notice>}
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
