"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type ActionState, idle } from "@/lib/entry-points/state";
import { type SignInResult, signInAction } from "@/lib/staff/actions";

/**
 * Email and password; for an account with a second factor, then the code from
 * the authenticator app (or a recovery code). The fields keep their values
 * across the two steps.
 */
export function SignInForm() {
  const t = useTranslations("admin.signIn");
  const [state, action, pending] = useActionState<ActionState<SignInResult>, FormData>(signInAction, idle);
  const failed = state.status === "refused" || state.status === "invalid";
  const askCode = state.status === "code_needed" || (state.status === "refused" && state.askCode);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  return (
    <form action={action} className="space-y-4">
      {failed ? <Notice tone="error">{t("failed")}</Notice> : <ActionNotice state={state} />}
      <LabelledInput
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <LabelledInput
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {askCode && (
        <LabelledInput
          label={t("code")}
          hint={t("codeHint")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={20}
          // The one field left to fill, shown after the first step.
          autoFocus
        />
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
