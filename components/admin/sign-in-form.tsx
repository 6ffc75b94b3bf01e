"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { type SignInState, signInAction } from "@/lib/staff/actions";

export function SignInForm() {
  const t = useTranslations("admin.signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { failed: false });
  return (
    <form action={action} className="space-y-4">
      {state.failed && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {t("failed")}
        </p>
      )}
      <label className="block space-y-1">
        <span className="font-medium">{t("email")}</span>
        <input name="email" type="email" autoComplete="username" required className={inputClass} />
      </label>
      <label className="block space-y-1">
        <span className="font-medium">{t("password")}</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={inputClass}
        />
      </label>
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
