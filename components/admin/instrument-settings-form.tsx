"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FieldError } from "@/components/admin/localized-inputs";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";
import type { InstrumentKind } from "@/lib/generated/prisma/enums";

type State = ActionState<Done>;

export type InstrumentSettingsValues = {
  /** Wall-clock "YYYY-MM-DDTHH:mm" in the event's time zone, or "". */
  opensAt: string;
  closesAt: string;
  anonymous: boolean;
  sharesPreTestQuestions: boolean;
  improvementThreshold: string;
  satisfactionQuestionId: string;
};

/**
 * An instrument's settings (docs/decisions/032-outcome-instruments.md): its
 * opening and closing times, and what its kind has of its own — a post-test's
 * threshold and its pre-test's questions, a survey's anonymity and
 * satisfaction question. A plain form: it works without JavaScript.
 */
export function InstrumentSettingsForm({
  action,
  kind,
  values,
  scales,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  kind: InstrumentKind;
  values: InstrumentSettingsValues;
  /** A survey's 1–5 questions, one of which may say "satisfied". */
  scales: { id: string; label: string }[];
}) {
  const t = useTranslations("admin.outcomes");
  const [state, formAction, pending] = useActionState(action, idle as State);
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const error = (name: string) =>
    errors[name] ? t(`errors.${errors[name]}` as "errors.required") : undefined;
  const checkbox = (name: "anonymous" | "sharesPreTestQuestions") => (
    <label className="flex min-h-11 items-center gap-2 text-sm">
      <input type="checkbox" name={name} defaultChecked={values[name]} className="size-5 accent-brand-600" />
      {t(name)}
      <FieldError message={error(name)} />
    </label>
  );
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ActionNotice state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        {(["opensAt", "closesAt"] as const).map((name) => (
          <label key={name} className="block space-y-1 text-sm">
            <span className="font-medium">{t(name)}</span>
            <input type="datetime-local" name={name} defaultValue={values[name]} className={inputClass} />
            <FieldError message={error(name)} />
          </label>
        ))}
      </div>
      <p className="text-sm text-stone-600">{t("timesHint")}</p>
      {kind === "POST_TEST" && (
        <>
          {checkbox("sharesPreTestQuestions")}
          <label className="block space-y-1 text-sm">
            <span className="font-medium">{t("improvementThreshold")}</span>
            <input
              name="improvementThreshold"
              inputMode="decimal"
              defaultValue={values.improvementThreshold}
              className={`${inputClass} w-32`}
            />
            <FieldError message={error("improvementThreshold")} />
          </label>
        </>
      )}
      {kind === "FEEDBACK" && (
        <>
          {checkbox("anonymous")}
          <label className="block space-y-1 text-sm">
            <span className="font-medium">{t("satisfactionQuestion")}</span>
            <select
              name="satisfactionQuestionId"
              defaultValue={values.satisfactionQuestionId}
              className={inputClass}
            >
              <option value="">{t("noSatisfactionQuestion")}</option>
              {scales.map((scale) => (
                <option key={scale.id} value={scale.id}>
                  {scale.label}
                </option>
              ))}
            </select>
            <FieldError message={error("satisfactionQuestionId")} />
          </label>
        </>
      )}
      <Button type="submit" variant="secondary" disabled={pending} aria-disabled={pending}>
        {t("saveSettings")}
      </Button>
    </form>
  );
}
