"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useMemo, useRef } from "react";
import { Controller, get, type Resolver, useForm } from "react-hook-form";
import {
  editable,
  FieldError,
  LocalizedInputs,
  type LocalizedValue,
} from "@/components/admin/localized-inputs";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";
import { ledKinds, sessionInputSchema, sessionKinds, speakerInputSchema } from "@/lib/programme/schema";

type State = ActionState<Done>;
type Action = (state: State, formData: FormData) => Promise<State>;

/** A session as its form holds it: local times on its day, texts in every language. */
export type SessionValues = {
  dayId: string;
  kind: (typeof sessionKinds)[number];
  start: string;
  end: string;
  title: LocalizedValue;
  description: LocalizedValue;
  room: string;
  speakerIds: string[];
};

export type SpeakerValues = {
  name: string;
  organization: string;
  country: string;
  bio: LocalizedValue;
};

/** A stored text as the page hands it over; null: not written. */
type Stored = { ru: string; ky?: string; en?: string } | null;

/** What the server page gives a form to start from: its texts as stored. */
export type SessionInitial = Omit<SessionValues, "title" | "description"> & {
  title: Stored;
  description: Stored;
};
export type SpeakerInitial = Omit<SpeakerValues, "bio"> & { bio: Stored };

/** One form of the programme page: the server's schema checks it in the browser too, the server again. */
function useProgrammeForm<Values extends SessionValues | SpeakerValues>({
  action,
  schema,
  initial,
  resetOnDone,
}: {
  action: Action;
  schema: typeof sessionInputSchema | typeof speakerInputSchema;
  initial: Values;
  /** A form that adds: empty again once its item is saved. */
  resetOnDone: boolean;
}) {
  const t = useTranslations("admin.programme");
  const [state, formAction, pending] = useActionState(action, idle as State);
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<Values>({
    resolver: zodResolver(schema) as unknown as Resolver<Values>,
    defaultValues: initial as never,
  });
  useEffect(() => {
    if (resetOnDone && state.status === "done") form.reset(initial as never);
  }, [state, resetOnDone, form, initial]);
  const serverErrors: Record<string, string> = state.status === "invalid" ? state.fieldErrors : {};
  const error = (path: string) => {
    const key =
      (get(form.formState.errors, path) as { message?: string } | undefined)?.message ?? serverErrors[path];
    return key ? t(`errors.${key}` as "errors.required") : undefined;
  };
  const onSubmit = form.handleSubmit(() => {
    if (formRef.current) startTransition(() => formAction(new FormData(formRef.current as HTMLFormElement)));
  });
  return { t, state, formAction, pending, formRef, form, error, onSubmit };
}

/**
 * A session of the programme: its day and kind, local times, title and
 * description in three languages side by side (Russian is what a missing
 * translation shows), room and speakers in the order ticked.
 */
export function SessionForm({
  action,
  days,
  speakers,
  initial,
  submitLabel,
  adds = false,
}: {
  action: Action;
  days: { id: string; label: string; hours: string }[];
  speakers: { id: string; label: string }[];
  initial: SessionInitial;
  submitLabel: string;
  /** A form that adds a session: empty again once it is saved. */
  adds?: boolean;
}) {
  const values = useMemo(
    () => ({ ...initial, title: editable(initial.title), description: editable(initial.description) }),
    [initial],
  );
  const { t, state, formAction, pending, formRef, form, error, onSubmit } = useProgrammeForm({
    action,
    schema: sessionInputSchema,
    initial: values,
    resetOnDone: adds,
  });
  const kind = form.watch("kind");
  const led = (ledKinds as readonly string[]).includes(kind);
  const chosen = form.watch("speakerIds");
  // The ticked speakers first, in their order: the order they are posted in is the order shown.
  const ordered = [
    ...chosen.flatMap((id) => speakers.filter((speaker) => speaker.id === id)),
    ...speakers.filter((speaker) => !chosen.includes(speaker.id)),
  ];
  const field = (name: "start" | "end" | "room", label: string, type: string) => (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      <input
        {...form.register(name)}
        type={type}
        aria-invalid={error(name) ? true : undefined}
        className={inputClass}
      />
      <FieldError message={error(name)} />
    </label>
  );
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <ActionNotice state={state} />
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block space-y-1 text-sm">
          <span className="font-medium">{t("day")}</span>
          <select
            {...form.register("dayId")}
            className={inputClass}
            aria-invalid={error("dayId") ? true : undefined}
          >
            {days.map((day) => (
              <option key={day.id} value={day.id}>
                {day.label} ({day.hours})
              </option>
            ))}
          </select>
          <FieldError message={error("dayId")} />
        </label>
        <label className="block space-y-1 text-sm">
          <span className="font-medium">{t("kind")}</span>
          <select {...form.register("kind")} className={inputClass}>
            {sessionKinds.map((value) => (
              <option key={value} value={value}>
                {t(`kinds.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {field("start", t("start"), "time")}
        {field("end", t("end"), "time")}
      </div>
      <Controller
        control={form.control}
        name="title"
        render={({ field: { value, onChange } }) => (
          <LocalizedInputs
            name="title"
            label={t("title")}
            value={value}
            onChange={onChange}
            required
            error={error}
          />
        )}
      />
      <Controller
        control={form.control}
        name="description"
        render={({ field: { value, onChange } }) => (
          <LocalizedInputs
            name="description"
            label={t("description")}
            value={value}
            onChange={onChange}
            required={false}
            multiline
            error={error}
          />
        )}
      />
      {field("room", t("room"), "text")}
      {led && (
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("speakers")}</legend>
          {speakers.length === 0 && <p className="text-sm text-stone-600">{t("noSpeakers")}</p>}
          <Controller
            control={form.control}
            name="speakerIds"
            render={({ field: { value, onChange } }) => (
              <ul className="space-y-1">
                {ordered.map((speaker) => (
                  <li key={speaker.id}>
                    <label className="flex min-h-11 items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        name="speakerIds"
                        value={speaker.id}
                        checked={value.includes(speaker.id)}
                        onChange={(event) =>
                          onChange(
                            event.target.checked
                              ? [...value, speaker.id]
                              : value.filter((id: string) => id !== speaker.id),
                          )
                        }
                        className="size-5"
                      />
                      {speaker.label}
                    </label>
                  </li>
                ))}
              </ul>
            )}
          />
          <FieldError message={error("speakerIds")} />
        </fieldset>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : submitLabel}
      </Button>
    </form>
  );
}

/** A speaker: name, organization, country, a short biography in three languages. */
export function SpeakerForm({
  action,
  initial,
  countries,
  submitLabel,
  adds = false,
}: {
  action: Action;
  initial: SpeakerInitial;
  /** The country choices, [code, name], as the server named them (`countryChoices`). */
  countries: readonly (readonly [string, string])[];
  submitLabel: string;
  /** A form that adds a speaker: empty again once they are saved. */
  adds?: boolean;
}) {
  const values = useMemo(() => ({ ...initial, bio: editable(initial.bio) }), [initial]);
  const { t, state, formAction, pending, formRef, form, error, onSubmit } = useProgrammeForm({
    action,
    schema: speakerInputSchema,
    initial: values,
    resetOnDone: adds,
  });
  const field = (name: "name" | "organization", label: string) => (
    <label className="block space-y-1 text-sm">
      <span className="font-medium">{label}</span>
      <input {...form.register(name)} aria-invalid={error(name) ? true : undefined} className={inputClass} />
      <FieldError message={error(name)} />
    </label>
  );
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-4">
      <ActionNotice state={state} />
      <div className="grid gap-3 sm:grid-cols-3">
        {field("name", t("speakerName"))}
        {field("organization", t("organization"))}
        <label className="block space-y-1 text-sm">
          <span className="font-medium">{t("country")}</span>
          <select
            {...form.register("country")}
            className={inputClass}
            aria-invalid={error("country") ? true : undefined}
          >
            <option value="">{t("noCountry")}</option>
            {countries.map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
          <FieldError message={error("country")} />
        </label>
      </div>
      <Controller
        control={form.control}
        name="bio"
        render={({ field: { value, onChange } }) => (
          <LocalizedInputs
            name="bio"
            label={t("bio")}
            value={value}
            onChange={onChange}
            required={false}
            multiline
            error={error}
          />
        )}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : submitLabel}
      </Button>
    </form>
  );
}
