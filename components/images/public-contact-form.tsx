"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";
import type { FormValues } from "@/lib/forms/form-data";

type Contact = { phone: string; telegram: string; latitude: string; longitude: string };

/** The event's phone, Telegram and venue point, each refusal on its own field. */
export function PublicContactForm({
  action,
  saved,
}: {
  action: (previous: ActionState<Done>, formData: FormData) => Promise<ActionState<Done>>;
  saved: Contact;
}) {
  const t = useTranslations("admin.images.contact");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, idle);
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  // Without JavaScript the page is rendered again: what was typed is shown again, not what was saved.
  const values: FormValues = state.status === "invalid" ? state.values : saved;
  const field = (name: keyof Contact, props: { inputMode?: "decimal" | "tel"; hint?: string }) => (
    <Field
      id={`contact-${name}`}
      label={t(name)}
      hint={props.hint}
      error={errors[name] ? te(errors[name]) : undefined}
    >
      {(control) => (
        <input
          {...control}
          name={name}
          inputMode={props.inputMode}
          defaultValue={String(values[name] ?? "")}
          maxLength={64}
          className={inputClass}
        />
      )}
    </Field>
  );
  return (
    <form action={formAction} className="space-y-4">
      <ActionNotice state={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        {field("phone", { inputMode: "tel" })}
        {field("telegram", { hint: t("telegramHint") })}
      </div>
      <p className="text-sm text-stone-600">{t("pointHint")}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        {field("latitude", { inputMode: "decimal" })}
        {field("longitude", { inputMode: "decimal" })}
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
