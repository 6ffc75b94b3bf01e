"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { LabelledInput } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type ActionState, idle } from "@/lib/entry-points/state";
import { type SecondFactorResult, secondFactorAction } from "@/lib/staff/actions";

/**
 * Setting up, renewing and removing one's own second factor, on the account
 * page; each asks for the current password (or, once on, a code) first.
 */
export function SecondFactorForm({
  enabled,
  recoveryCodesLeft,
  mayRemove,
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  mayRemove: boolean;
}) {
  const t = useTranslations("admin.account.secondFactor");
  const tr = useTranslations("admin.account.refused");
  const [state, action, pending] = useActionState<ActionState<SecondFactorResult>, FormData>(
    secondFactorAction,
    idle,
  );
  // An empty or overlong password is as wrong as a wrong one.
  const refused =
    state.status === "refused" ? state.reason : state.status === "invalid" ? "wrong_password" : null;
  const identity = (
    <>
      {refused ? <Notice tone="error">{tr(refused)}</Notice> : <ActionNotice state={state} />}
      <LabelledInput
        label={enabled ? t("currentSecret") : t("currentPassword")}
        name="currentSecret"
        type="password"
        autoComplete="current-password"
        required
        maxLength={128}
      />
    </>
  );

  if (state.status === "recovery_codes") {
    return (
      <div className="space-y-3">
        <Notice tone="success">{t("codesExplain")}</Notice>
        <ul className="grid grid-cols-2 gap-2 font-mono text-lg" data-testid="recovery-codes">
          {state.codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ul>
      </div>
    );
  }

  if (state.status === "enrolling" || state.status === "wrong_code") {
    return (
      <form action={action} className="space-y-3">
        <input type="hidden" name="step" value="confirm" />
        <input type="hidden" name="secret" value={state.secret} />
        <p>{t("scan")}</p>
        {/* biome-ignore lint/performance/noImgElement: a data: address made on the server, nothing to optimize */}
        <img src={state.qr} alt={t("qrAlt")} width={240} height={240} className="rounded border" />
        <p className="text-sm text-stone-700">
          {t("manual")}{" "}
          <code className="break-all font-mono" data-testid="totp-secret">
            {state.secret}
          </code>
        </p>
        {state.status === "wrong_code" && <Notice tone="error">{t("wrongCode")}</Notice>}
        <LabelledInput
          label={t("code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          maxLength={6}
        />
        <Button type="submit" disabled={pending}>
          {t("confirm")}
        </Button>
      </form>
    );
  }

  if (!enabled) {
    return (
      <form action={action} className="space-y-3">
        <input type="hidden" name="step" value="start" />
        <p className="text-sm text-stone-600">{t("offExplain")}</p>
        {identity}
        <Button type="submit" disabled={pending}>
          {t("start")}
        </Button>
      </form>
    );
  }

  return (
    <form action={action} className="space-y-3">
      <p>{t("on", { count: recoveryCodesLeft })}</p>
      {identity}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="step" value="renew" variant="secondary" disabled={pending}>
          {t("renew")}
        </Button>
        {mayRemove && (
          <Button type="submit" name="step" value="remove" variant="secondary" disabled={pending}>
            {t("remove")}
          </Button>
        )}
      </div>
    </form>
  );
}
