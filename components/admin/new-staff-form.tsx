"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass, LabelledInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type ActionState, idle } from "@/lib/entry-points/state";
import { createStaffAction, type NewStaffResult } from "@/lib/staff/actions";
import { staffRoles } from "@/lib/staff/schema";

/** Creates a staff account and shows its generated password once, to pass on in person. */
export function NewStaffForm() {
  const t = useTranslations("admin.staff");
  const tr = useTranslations("admin.staff.roles");
  const [state, action, pending] = useActionState<ActionState<NewStaffResult>, FormData>(
    createStaffAction,
    idle,
  );
  return (
    <form action={action} className="space-y-3">
      {state.status === "created" && (
        <Notice tone="success">
          {t("created", { email: state.email })}{" "}
          <code className="font-mono text-lg" data-testid="new-password">
            {state.password}
          </code>
        </Notice>
      )}
      {state.status === "refused" || state.status === "invalid" ? (
        <Notice tone="error">{t(`refused.${state.status === "refused" ? state.reason : "invalid"}`)}</Notice>
      ) : (
        <ActionNotice state={state} />
      )}
      <div className="grid gap-3 sm:grid-cols-3">
        <LabelledInput label={t("name")} name="name" required maxLength={200} />
        <LabelledInput label={t("email")} name="email" type="email" required maxLength={254} />
        <label className="block space-y-1">
          <span className="font-medium">{t("role")}</span>
          <select name="role" defaultValue="ORGANIZER" className={inputClass}>
            {staffRoles.map((role) => (
              <option key={role} value={role}>
                {tr(role)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
    </form>
  );
}
