"use client";

import { useTranslations } from "next-intl";
import { type ComponentProps, useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";
import type { FormValues } from "@/lib/forms/form-data";
import { eventRoles } from "@/lib/staff/schema";
import type { DoorAccountMade, TeamRefused } from "@/lib/teams/actions";

type AddAction = (previous: ActionState<Done>, formData: FormData) => Promise<ActionState<Done>>;
type ChangeAction = (
  previous: ActionState<Done | TeamRefused>,
  formData: FormData,
) => Promise<ActionState<Done | TeamRefused>>;

/** The event's roles as a select, the current one chosen. */
export function EventRoleSelect(props: ComponentProps<"select">) {
  const t = useTranslations("admin.team.roles");
  return (
    <select name="role" className={inputClass} {...props}>
      {eventRoles.map((role) => (
        <option key={role} value={role}>
          {t(role)}
        </option>
      ))}
    </select>
  );
}

/** What an answered form shows again: each field's error (in admin.team.errors) and its value as sent. */
function useAnswered(state: { status: string; fieldErrors?: Record<string, string>; values?: FormValues }) {
  const t = useTranslations("admin.team");
  const invalid = state.status === "invalid";
  return {
    error: (field: string) => {
      const key = invalid ? state.fieldErrors?.[field] : undefined;
      return key ? t(`errors.${key}` as "errors.badEmail") : undefined;
    },
    value: (field: string) => String((invalid && state.values?.[field]) || ""),
  };
}

/** A text field of the team's forms, its error beside it, refilled after a refusal. */
function TeamInput({
  id,
  label,
  answered,
  ...input
}: ComponentProps<"input"> & {
  id: string;
  label: string;
  name: string;
  answered: ReturnType<typeof useAnswered>;
}) {
  return (
    <Field id={id} label={label} error={answered.error(input.name)}>
      {(control) => (
        <input {...control} {...input} defaultValue={answered.value(input.name)} className={inputClass} />
      )}
    </Field>
  );
}

/** Adds an existing account to the team by its email; a wrong email or role is said at its field. */
export function AddTeamMemberForm({ action }: { action: AddAction }) {
  const t = useTranslations("admin.team");
  const [state, formAction, pending] = useActionState(action, idle);
  const answered = useAnswered(state);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <ActionNotice state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TeamInput
          id="team-email"
          label={t("email")}
          name="email"
          type="email"
          maxLength={254}
          answered={answered}
        />
        <Field id="team-role" label={t("role")} error={answered.error("role")}>
          {(control) => <EventRoleSelect {...control} defaultValue={answered.value("role") || "ORGANIZER"} />}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {t("add")}
      </Button>
    </form>
  );
}

type DoorAction = (
  previous: ActionState<DoorAccountMade>,
  formData: FormData,
) => Promise<ActionState<DoorAccountMade>>;

/**
 * Makes a volunteer's check-in account for this event alone and shows its
 * generated password once, with when the account ends.
 */
export function DoorAccountForm({ action }: { action: DoorAction }) {
  const t = useTranslations("admin.team");
  const [state, formAction, pending] = useActionState(action, idle);
  const answered = useAnswered(state);
  return (
    <form action={formAction} className="space-y-3" noValidate>
      {state.status === "created" ? (
        <Notice tone="success">
          {t("doorCreated", {
            email: state.email,
            ends: state.ends,
          })}{" "}
          <code className="font-mono text-lg" data-testid="door-password">
            {state.password}
          </code>
        </Notice>
      ) : (
        <ActionNotice state={state} />
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <TeamInput id="door-name" label={t("doorName")} name="name" maxLength={200} answered={answered} />
        <TeamInput
          id="door-email"
          label={t("doorEmail")}
          name="email"
          type="email"
          maxLength={254}
          answered={answered}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t("doorCreate")}
      </Button>
    </form>
  );
}

/** One change to a member (role, removal), with its outcome beside it. */
export function TeamMemberForm({
  action,
  children,
  ...props
}: Omit<ComponentProps<"form">, "action"> & { action: ChangeAction }) {
  const t = useTranslations("admin.team.refused");
  const [state, formAction] = useActionState(action, idle);
  return (
    <form action={formAction} {...props}>
      {state.status === "refused" ? (
        <Notice tone="error">{t(state.reason)}</Notice>
      ) : (
        <ActionNotice state={state} />
      )}
      {children}
    </form>
  );
}
