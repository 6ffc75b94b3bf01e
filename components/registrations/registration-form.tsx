"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, type Ref, startTransition, useActionState, useEffect, useMemo, useRef } from "react";
import { type FieldErrors, get, type Resolver, type UseFormReturn, useForm } from "react-hook-form";
import { ActionNotice } from "@/components/forms/action-notice";
import { QuestionFields } from "@/components/registrations/question-fields";
import { TravelFields } from "@/components/registrations/travel-fields";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { type ActionState, idle } from "@/lib/entry-points/state";
import { localize } from "@/lib/events/schema";
import type { FormValues } from "@/lib/forms/form-data";
import type { Locale } from "@/lib/i18n/routing";
import { registrationEditSchema, registrationFormSchema } from "@/lib/questions/rules";
import type { EventForm, QuestionText } from "@/lib/questions/schema";
import type { RegistrationFormState } from "@/lib/registrations/actions";
import type { SeatsLeft } from "@/lib/registrations/rules";
import { categories, type ErrorKey, genders } from "@/lib/registrations/schema";

type Mode = "register" | "edit";
type State = ActionState<RegistrationFormState>;

/**
 * The registration form, for a new registration and for the participant's
 * own edit. Validated in the browser with the server's schema; without
 * JavaScript it posts straight to the server action and shows what it returns.
 */
export function RegistrationForm({
  mode,
  action,
  initialValues = {},
  eventForm,
  placesTaken = {},
  seatsLeft,
  receivedDetails,
}: {
  mode: Mode;
  action: (state: State, formData: FormData) => Promise<State>;
  initialValues?: FormValues;
  /** What the event asks: its built-in fields as it asks them, its regions, its own questions. */
  eventForm: EventForm;
  /** Places taken per limited option, to show the full ones. */
  placesTaken?: Record<string, number>;
  /** Seats left per sector, to say at a full sector's option that it leads to the waiting list. */
  seatsLeft?: SeatsLeft["byCategory"];
  /** Shown under the answer once registered: the event's days, venue and calendar. */
  receivedDetails?: ReactNode;
}) {
  const t = useTranslations("register");
  const tm = useTranslations("manage");
  const te = useTranslations("errors");
  const locale = useLocale() as Locale;
  const { fields, regions, questions } = eventForm;
  /** The event's own wording of a question, or the standard one. */
  const worded = (own: QuestionText | null, standard: string) => (own ? localize(own, locale) : standard);
  const [state, formAction, pending] = useActionState(action, idle as State);
  const formRef = useRef<HTMLFormElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const values = "values" in state ? state.values : initialValues;
  // The server action's own schema: the event's form as it asks it.
  const schema = useMemo(
    () => (mode === "register" ? registrationFormSchema(eventForm) : registrationEditSchema(eventForm)),
    [mode, eventForm],
  );
  // The form holds raw strings and booleans; the schema turns them into input.
  const form = useForm<FormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<FormValues>,
    // A question hidden by its condition is not answered: its value goes with its field.
    shouldUnregister: true,
    // Validate on submit, then as the person corrects: validating on blur too
    // races with the submit and can hide errors.
    mode: "onSubmit",
    // Its own order is the order fields registered in, not the form's: we focus the first ourselves.
    shouldFocusError: false,
    defaultValues: values,
  });
  const clientErrors: FieldErrors = form.formState.errors;
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const error = (name: string): string | undefined => {
    const key = (clientErrors[name]?.message as ErrorKey | undefined) ?? serverErrors[name];
    return key ? te(key) : undefined;
  };
  const errorCount = Object.keys({ ...serverErrors, ...clientErrors }).length;

  // The server's answer, where the person is (at the button, at the bottom of
  // a long form on a phone): the first field it refused, or its message.
  useEffect(() => {
    if (state.status === "invalid") {
      const refused = Object.keys(state.fieldErrors);
      focusFirstInvalid(formRef.current, (name) =>
        refused.some((path) => path === name || path.startsWith(`${name}.`)),
      );
    } else if (state.status !== "idle") statusRef.current?.focus();
  }, [state]);

  if (state.status === "received") return <Received email={state.email} details={receivedDetails} />;

  const onSubmit = form.handleSubmit(
    () => {
      const formElement = formRef.current;
      if (formElement) startTransition(() => formAction(new FormData(formElement)));
    },
    (errors) => focusFirstInvalid(formRef.current, (name) => get(errors, name) !== undefined),
  );

  const text = (name: string, { optional = false, hint, type = "text", autoComplete }: TextOptions = {}) => (
    <Field
      id={name}
      label={t(name)}
      hint={hint}
      error={error(name)}
      optionalLabel={optional ? t("optional") : undefined}
    >
      {(control) => (
        <input
          {...control}
          {...form.register(name)}
          type={type}
          autoComplete={autoComplete}
          defaultValue={String(values[name] ?? "")}
          className={inputClass}
        />
      )}
    </Field>
  );

  /** A built-in field the event may leave out or make optional, as it asks it. */
  const configurable = (name: "patronymic" | "position" | "phone", options: Omit<TextOptions, "optional">) =>
    fields[name] !== "HIDDEN" && text(name, { ...options, optional: fields[name] === "OPTIONAL" });

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-8">
      <FormStatus state={state} errorCount={errorCount} ref={statusRef} />
      <Section title={t("sectionPerson")}>
        {text("lastName", { autoComplete: "family-name" })}
        {text("firstName", { autoComplete: "given-name" })}
        {configurable("patronymic", { autoComplete: "additional-name" })}
        <fieldset aria-describedby="gender-hint" className="space-y-2">
          <legend className="font-medium">{worded(fields.genderLabel, t("gender"))}</legend>
          <p id="gender-hint" className="text-sm text-stone-600">
            {t("genderHint")}
          </p>
          <GenderChoices form={form} defaultValue={values.gender} />
          <p role={error("gender") ? "alert" : undefined} className="text-sm font-medium text-red-700">
            {error("gender")}
          </p>
        </fieldset>
      </Section>

      <Section title={t("sectionWork")}>
        {text("organization", { autoComplete: "organization" })}
        {configurable("position", { autoComplete: "organization-title" })}
        <CategoryChoices
          form={form}
          legend={worded(fields.sectorLabel, t("category"))}
          defaultValue={values.category}
          error={error("category")}
          seatsLeft={seatsLeft}
        />
        <Field id="region" label={t("region")} error={error("region")}>
          {(control) => (
            <select
              {...control}
              {...form.register("region")}
              defaultValue={String(values.region ?? "")}
              className={inputClass}
            >
              <option value="">{t("choose")}</option>
              {regions.map((region) => (
                <option key={region.code} value={region.code}>
                  {localize(region.label, locale)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Section>

      <Section title={t("sectionContact")}>
        {mode === "register" ? (
          text("email", { type: "email", hint: t("emailHint"), autoComplete: "email" })
        ) : (
          <p className="text-sm text-stone-600">{tm("emailNote")}</p>
        )}
        {configurable("phone", { type: "tel", hint: t("phoneHint"), autoComplete: "tel" })}
      </Section>

      {fields.needs !== "HIDDEN" && (
        <Section title={t("sectionNeeds")}>
          <label className="flex items-start gap-3">
            <input
              {...form.register("needsAccommodation")}
              type="checkbox"
              defaultChecked={values.needsAccommodation === true}
              className="mt-1 size-5 accent-brand-600"
            />
            <span>{t("needsAccommodation")}</span>
          </label>
          {text("dietaryNeeds", { optional: true })}
          {text("accessibilityNeeds", { optional: true })}
        </Section>
      )}

      {eventForm.travel && (
        <TravelFields
          form={form}
          asked={eventForm.travel}
          regions={regions}
          values={(values.travel as FormValues | undefined) ?? {}}
          serverErrors={serverErrors}
          translate={(key) => (key === "optional" ? t("optional") : te(key as ErrorKey))}
        />
      )}

      <QuestionFields
        form={form}
        questions={questions}
        placesTaken={placesTaken}
        values={(values.answers as FormValues | undefined) ?? {}}
        serverErrors={serverErrors}
        translate={(key) => (key === "optional" ? t("optional") : te(key as ErrorKey))}
      />

      {mode === "register" && (
        <div className="space-y-1">
          <label className="flex items-start gap-3">
            <input
              {...form.register("consent")}
              type="checkbox"
              defaultChecked={values.consent === true}
              aria-invalid={error("consent") ? true : undefined}
              aria-describedby="consent-error"
              className="mt-1 size-5 shrink-0 accent-brand-600"
            />
            <span className="text-sm">{t("consent")}</span>
          </label>
          <p
            id="consent-error"
            role={error("consent") ? "alert" : undefined}
            className="text-sm font-medium text-red-700"
          >
            {error("consent")}
          </p>
          {/* A field people never see; bots fill it in. */}
          <div aria-hidden="true" className="absolute -left-[9999px] size-px overflow-hidden">
            <label>
              Website
              <input name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </label>
          </div>
        </div>
      )}

      <Button type="submit" disabled={pending} aria-disabled={pending} className="w-full sm:w-auto">
        {pending ? t("submitting") : mode === "register" ? t("submit") : tm("save")}
      </Button>
    </form>
  );
}

type TextOptions = { optional?: boolean; hint?: string; type?: string; autoComplete?: string };

type Form = UseFormReturn<FormValues>;

/**
 * A group of the form's fields under its heading. The border is the box's,
 * not the fieldset's: a legend that wraps on a phone would cut a fieldset's
 * border in two.
 */
function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
      <fieldset className="min-w-0 space-y-4">
        <legend className="text-lg font-semibold">{title}</legend>
        {children}
      </fieldset>
    </div>
  );
}

/**
 * Moves focus to the first control in the form's order whose name is
 * refused, and scrolls it to the middle of the screen, where its label and
 * its error are seen with it.
 */
function focusFirstInvalid(formElement: HTMLFormElement | null, refused: (name: string) => boolean) {
  const control = [...(formElement?.elements ?? [])].find(
    (element): element is HTMLInputElement =>
      element instanceof HTMLElement &&
      "name" in element &&
      typeof element.name === "string" &&
      element.name !== "" &&
      !(element as HTMLInputElement).disabled &&
      refused(element.name),
  );
  if (!control) return;
  control.focus({ preventScroll: true });
  control.scrollIntoView({ block: "center" });
}

function GenderChoices({ form, defaultValue }: { form: Form; defaultValue: FormValues[string] | undefined }) {
  const t = useTranslations("gender");
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-4">
      {genders.map((gender) => (
        <label key={gender} className="flex min-h-11 items-center gap-2">
          <input
            {...form.register("gender")}
            type="radio"
            value={gender}
            defaultChecked={defaultValue === gender}
            className="size-5 shrink-0 accent-brand-600"
          />
          {t(gender)}
        </label>
      ))}
    </div>
  );
}

function CategoryChoices({
  form,
  legend,
  defaultValue,
  error,
  seatsLeft,
}: {
  form: Form;
  legend: string;
  defaultValue: FormValues[string] | undefined;
  error: string | undefined;
  seatsLeft: SeatsLeft["byCategory"] | undefined;
}) {
  const t = useTranslations("register");
  const tc = useTranslations("category");
  const hint = useTranslations("categoryHint");
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "category-error" : undefined}>
      <legend className="font-medium">{legend}</legend>
      {categories.map((category) => (
        <label
          key={category}
          className="flex items-start gap-3 rounded-md border border-stone-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
        >
          <input
            {...form.register("category")}
            type="radio"
            value={category}
            defaultChecked={defaultValue === category}
            className="mt-1 size-5 shrink-0 accent-brand-600"
          />
          <span>
            <span className="block font-medium">{tc(category)}</span>
            <span className="block text-sm text-stone-600">{hint(category)}</span>
            {/* Not refused: a full sector still takes registrations, on its waiting list. */}
            {seatsLeft?.[category] === 0 && (
              <span
                className="block text-sm font-medium text-amber-900"
                data-testid={`sector-full-${category}`}
              >
                {t("sectorFull")}
              </span>
            )}
          </span>
        </label>
      ))}
      <p id="category-error" role={error ? "alert" : undefined} className="text-sm font-medium text-red-700">
        {error}
      </p>
    </fieldset>
  );
}

/**
 * The form-level message: what went wrong as a whole, or what was saved.
 * The server's answer is focused as the page opens (autoFocus): without
 * JavaScript the browser shows the page from the top, and this is where it
 * scrolls to. With JavaScript the form focuses it (or the first refused field).
 */
function FormStatus({
  state,
  errorCount,
  ref,
}: {
  state: State;
  errorCount: number;
  ref: Ref<HTMLDivElement>;
}) {
  const t = useTranslations("register");
  const tm = useTranslations("manage");
  const box = "rounded-md border p-4";
  // Errors found in the browser leave focus on their first field.
  const answer = {
    ref,
    tabIndex: -1,
    autoFocus: state.status !== "idle",
    className: "scroll-mt-4 outline-none",
  };
  if (state.status === "saved") {
    return (
      <div {...answer}>
        <p role="status" className={`${box} border-brand-600 bg-brand-50`}>
          {tm("saved")}
        </p>
      </div>
    );
  }
  if (state.status === "failed") return <ActionNotice state={state} />;
  const message =
    state.status === "refused"
      ? {
          closed: t("closed"),
          category_full: tm("categoryFull"),
          not_active: tm("notActive"),
          already_registered: t("alreadyRegistered"),
        }[state.reason]
      : errorCount > 0
        ? t("errorSummary", { count: errorCount })
        : undefined;
  if (!message) return null;
  return (
    <div {...answer}>
      <p role="alert" className={`${box} border-red-300 bg-red-50 text-red-900`}>
        {message}
      </p>
    </div>
  );
}

/**
 * After registering: the same answer whether or not the address was
 * registered before, so the check-in code waits in the letter and on the
 * participant's page. Focused as it appears, with or without JavaScript.
 */
function Received({ email, details }: { email: string; details: ReactNode }) {
  const t = useTranslations("register");
  // React's own autoFocus acts only on form controls once the page has loaded.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="space-y-6">
      <div
        ref={ref}
        tabIndex={-1}
        // biome-ignore lint/a11y/noAutofocus: the answer replaces the form the person was in; focus would be lost otherwise
        autoFocus
        role="status"
        className="scroll-mt-4 space-y-2 rounded-md border border-brand-600 bg-brand-50 p-4 outline-none"
      >
        <p className="text-lg font-semibold">{t("receivedTitle")}</p>
        <p>{t("received", { email })}</p>
      </div>
      {details}
    </div>
  );
}
