"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useRef } from "react";
import { get, type Path, type Resolver, useFieldArray, useForm } from "react-hook-form";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type ActionState, idle } from "@/lib/entry-points/state";
import type { EventFormState } from "@/lib/events/actions";
import { eventSettingsSchema } from "@/lib/events/schema";
import { categories } from "@/lib/registrations/schema";

const textFields = ["title", "summary", "description", "audience", "venueName", "venueAddress"] as const;
const longFields = new Set(["description", "audience"]);
const languages = ["ru", "ky", "en"] as const;

type Texts = { ru: string; ky?: string; en?: string };

/** The form's raw values: texts, and numbers and times as the inputs hold them. */
export type EventFormValues = {
  slug: string;
  title: Texts;
  summary: Texts;
  description: Texts;
  audience: Texts;
  venueName: Texts;
  venueAddress: Texts;
  timeZone: string;
  capacity: string;
  quotas: Partial<Record<(typeof categories)[number], string>>;
  requiresApproval: boolean;
  contactEmail: string;
  retentionDays: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  days: { date: string; start: string; end: string }[];
};
type Values = EventFormValues;
type State = ActionState<EventFormState>;

/**
 * An event's settings: texts in three languages side by side, days, seats,
 * registration window. Checked in the browser with the server's schema.
 */
export function EventSettingsForm({
  action,
  initialValues,
  submitLabel,
  organizations,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  initialValues: Values;
  submitLabel: string;
  /** A new event made by an admin: the partner organizations to choose it for (decision 041). */
  organizations?: readonly { id: string; name: string }[];
}) {
  const t = useTranslations("admin.eventForm");
  const tc = useTranslations("category");
  const tp = useTranslations("admin.privacy");
  const [state, formAction, pending] = useActionState(action, idle as State);
  const formRef = useRef<HTMLFormElement>(null);
  const values = ("values" in state ? state.values : initialValues) as Values;
  const form = useForm<Values>({
    resolver: zodResolver(eventSettingsSchema) as unknown as Resolver<Values>,
    defaultValues: values,
  });
  const days = useFieldArray({ control: form.control, name: "days" });
  const serverErrors: Record<string, string> = state.status === "invalid" ? state.fieldErrors : {};
  const error = (path: string) => {
    const key =
      (get(form.formState.errors, path) as { message?: string } | undefined)?.message ?? serverErrors[path];
    return key ? t(`errors.${key}` as "errors.required") : undefined;
  };
  const onSubmit = form.handleSubmit(() => {
    if (formRef.current) startTransition(() => formAction(new FormData(formRef.current as HTMLFormElement)));
  });

  const input = (path: string, label: string, props: { type?: string; hint?: string } = {}) => (
    <label className="block space-y-1">
      <span className="text-sm font-medium">{label}</span>
      {props.hint && <span className="block text-xs text-stone-600">{props.hint}</span>}
      <input
        {...form.register(path as Path<Values>)}
        type={props.type ?? "text"}
        aria-invalid={error(path) ? true : undefined}
        className={inputClass}
      />
      {error(path) && <span className="block text-sm text-red-700">{error(path)}</span>}
    </label>
  );

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-8">
      {state.status === "refused" ? (
        <Notice tone="error">{t(`refused.${state.reason}`)}</Notice>
      ) : (
        <ActionNotice state={state} />
      )}
      <fieldset className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t("sectionAddress")}</legend>
        {input("slug", t("slug"), { hint: t("slugHint") })}
        {input("timeZone", t("timeZone"))}
        {organizations && (
          <label className="block space-y-1">
            <span className="text-sm font-medium">{t("organization")}</span>
            <select
              name="organizationId"
              defaultValue={String(("values" in state && state.values.organizationId) || "")}
              aria-invalid={error("organizationId") ? true : undefined}
              className={inputClass}
            >
              <option value="">{t("noOrganization")}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
            {error("organizationId") && (
              <span className="block text-sm text-red-700">{error("organizationId")}</span>
            )}
          </label>
        )}
      </fieldset>

      <fieldset className="space-y-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("sectionTexts")}</legend>
        <p className="text-sm text-stone-600">{t("textsHint")}</p>
        {textFields.map((field) => (
          <div key={field} className="grid gap-3 lg:grid-cols-3">
            {languages.map((language) => {
              const path = `${field}.${language}`;
              return (
                <div key={language} className="space-y-1" lang={language}>
                  <label htmlFor={path} className="block text-sm font-medium">
                    {t(`fields.${field}`)} · {t(`languages.${language}`)}
                  </label>
                  {longFields.has(field) ? (
                    <textarea
                      id={path}
                      {...form.register(path as Path<Values>)}
                      rows={field === "description" ? 8 : 3}
                      aria-invalid={error(path) ? true : undefined}
                      className={inputClass}
                    />
                  ) : (
                    <input
                      id={path}
                      {...form.register(path as Path<Values>)}
                      aria-invalid={error(path) ? true : undefined}
                      className={inputClass}
                    />
                  )}
                  {error(path) && <span className="block text-sm text-red-700">{error(path)}</span>}
                </div>
              );
            })}
          </div>
        ))}
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("sectionDays")}</legend>
        {days.fields.map((day, index) => (
          <div key={day.id} className="flex flex-wrap items-end gap-3">
            {input(`days.${index}.date`, t("date"), { type: "date" })}
            {input(`days.${index}.start`, t("start"), { type: "time" })}
            {input(`days.${index}.end`, t("end"), { type: "time" })}
            {days.fields.length > 1 && (
              <button
                type="button"
                onClick={() => days.remove(index)}
                className="mb-1 text-sm text-red-800 underline"
              >
                {t("removeDay", { n: index + 1 })}
              </button>
            )}
          </div>
        ))}
        {error("days") && <p className="text-sm text-red-700">{error("days")}</p>}
        <button
          type="button"
          onClick={() => days.append({ date: "", start: "09:00", end: "17:00" })}
          className="text-sm text-brand-700 underline"
        >
          {t("addDay")}
        </button>
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("sectionSeats")}</legend>
        {input("capacity", t("capacity"), { type: "number" })}
        <p className="text-sm text-stone-600">{t("quotasHint")}</p>
        <div className="grid gap-3 sm:grid-cols-4">
          {categories.map((category) => (
            <div key={category}>{input(`quotas.${category}`, tc(category), { type: "number" })}</div>
          ))}
        </div>
      </fieldset>

      <fieldset className="grid gap-4 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-2">
        <legend className="px-1 font-semibold">{t("sectionRegistration")}</legend>
        {input("registrationOpensAt", t("opensAt"), { type: "datetime-local" })}
        {input("registrationClosesAt", t("closesAt"), { type: "datetime-local" })}
        {input("contactEmail", t("contactEmail"), { type: "email" })}
        {input("retentionDays", tp("retentionDays"), { type: "number", hint: tp("retentionHint") })}
        <label className="flex items-center gap-3 self-end">
          <input {...form.register("requiresApproval")} type="checkbox" className="size-5 accent-brand-600" />
          <span>{t("requiresApproval")}</span>
        </label>
      </fieldset>

      <Button type="submit" disabled={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
