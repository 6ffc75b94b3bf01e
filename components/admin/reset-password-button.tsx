"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { PasswordResetState } from "@/lib/staff/actions";

/** Gives an account a new generated password and shows it once. */
export function ResetPasswordButton({ action }: { action: () => Promise<PasswordResetState> }) {
  const t = useTranslations("admin.staff");
  const [state, run, pending] = useActionState<PasswordResetState>(action, {});
  if (state.password) {
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
      <button type="submit" disabled={pending} className="underline hover:no-underline">
        {t("resetPassword")}
      </button>
    </form>
  );
}
