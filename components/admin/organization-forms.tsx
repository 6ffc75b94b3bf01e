"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";

// Partner organizations' forms (decision 041): a name to create or rename,
// the organization of an event. A refusal is said at its field, in
// admin.organizations.errors, and the value sent is shown again.

type Action = (previous: ActionState<Done>, formData: FormData) => Promise<ActionState<Done>>;

function useAnswered(action: Action) {
  const t = useTranslations("admin.organizations");
  const [state, formAction, pending] = useActionState(action, idle);
  const invalid = state.status === "invalid" ? state : undefined;
  return {
    state,
    formAction,
    pending,
    error: (field: string) => {
      const key = invalid?.fieldErrors[field];
      return key ? t(`errors.${key}` as "errors.badName") : undefined;
    },
    value: (field: string, fallback: string) => (invalid ? String(invalid.values[field] ?? "") : fallback),
  };
}

/** An organization's name: a new one, or a new name for one (`name` given). */
export function OrganizationNameForm({
  action,
  id,
  name = "",
  submitLabel,
}: {
  action: Action;
  /** The input's id, unique on the page. */
  id: string;
  name?: string;
  submitLabel: string;
}) {
  const t = useTranslations("admin.organizations");
  const answered = useAnswered(action);
  return (
    <form action={answered.formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <ActionNotice state={answered.state} />
      <div className="min-w-0 flex-1 basis-64">
        <Field id={id} label={t("name")} error={answered.error("name")}>
          {(control) => (
            <input
              {...control}
              name="name"
              maxLength={200}
              required
              defaultValue={answered.value("name", name)}
              className={inputClass}
            />
          )}
        </Field>
      </div>
      <Button type="submit" variant={name ? "secondary" : "primary"} disabled={answered.pending}>
        {submitLabel}
      </Button>
    </form>
  );
}

/** Which organization an event is of, for an admin to change. */
export function EventOrganizationForm({
  action,
  organizations,
  current,
}: {
  action: Action;
  organizations: readonly { id: string; name: string }[];
  current: string | null;
}) {
  const t = useTranslations("admin.organizations");
  const answered = useAnswered(action);
  return (
    <form action={answered.formAction} className="flex flex-wrap items-end gap-3" noValidate>
      <ActionNotice state={answered.state} />
      <div className="min-w-0 flex-1 basis-64">
        <Field
          id="event-organization"
          label={t("eventOrganization")}
          error={answered.error("organizationId")}
        >
          {(control) => (
            <select
              {...control}
              name="organizationId"
              defaultValue={answered.value("organizationId", current ?? "")}
              className={inputClass}
            >
              <option value="">{t("none")}</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={answered.pending}>
        {t("move")}
      </Button>
    </form>
  );
}
