"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
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
      <label className="block space-y-1">
        <span className="font-medium">{t("email")}</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          className={inputClass}
        />
      </label>
      <label className="block space-y-1">
        <span className="font-medium">{t("password")}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          className={inputClass}
        />
      </label>
      {askCode && (
        <label className="block space-y-1">
          <span className="font-medium">{t("code")}</span>
          <input
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={20}
            // biome-ignore lint/a11y/noAutofocus: the one field left to fill, shown after the first step
            autoFocus
            aria-describedby="code-hint"
            className={inputClass}
          />
          <span id="code-hint" className="block text-sm text-stone-600">
            {t("codeHint")}
          </span>
        </label>
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
