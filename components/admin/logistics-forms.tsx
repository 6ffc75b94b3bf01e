"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useActionState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";
import type { FormValue, FormValues } from "@/lib/forms/form-data";

type Action = (previous: ActionState<Done>, formData: FormData) => Promise<ActionState<Done>>;
type Choice = { value: string; label: string };

/**
 * The logistics pages' forms: each refusal on its own field, what was typed
 * shown again after a refusal (the page is rendered again without
 * JavaScript), the saved values otherwise.
 */
function useFieldsForm(action: Action, saved: FormValues, prefix: string) {
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, idle);
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const values: FormValues = state.status === "invalid" ? state.values : saved;
  const error = (name: string) => (errors[name] ? te(errors[name]) : undefined);
  const value = (name: string) => {
    const found = name
      .split(".")
      .reduce<FormValue | undefined>(
        (at, key) => (at && typeof at === "object" && !Array.isArray(at) ? at[key] : undefined),
        values,
      );
    return typeof found === "string" || typeof found === "number" ? String(found) : "";
  };
  const checked = (name: string) => values[name] === true;
  /** A control's id, unique on the page: several of these forms share field names. */
  const id = (name: string) => `${prefix}-${name.replaceAll(".", "-")}`;
  return { state, formAction, pending, error, value, checked, id };
}

type Form = ReturnType<typeof useFieldsForm>;

function NumberField({
  form,
  name,
  label,
  hint,
}: {
  form: Form;
  name: string;
  label: string;
  hint?: string;
}) {
  return (
    <Field id={form.id(name)} label={label} hint={hint} error={form.error(name)}>
      {(control) => (
        <input
          {...control}
          name={name}
          inputMode="numeric"
          defaultValue={form.value(name)}
          maxLength={9}
          className={inputClass}
        />
      )}
    </Field>
  );
}

function TextField({ form, name, label, max }: { form: Form; name: string; label: string; max: number }) {
  return (
    <Field id={form.id(name)} label={label} error={form.error(name)}>
      {(control) => (
        <input
          {...control}
          name={name}
          defaultValue={form.value(name)}
          maxLength={max}
          className={inputClass}
        />
      )}
    </Field>
  );
}

function SelectField({
  form,
  name,
  label,
  choices,
  none,
}: {
  form: Form;
  name: string;
  label: string;
  choices: Choice[];
  none?: string;
}) {
  return (
    <Field id={form.id(name)} label={label} error={form.error(name)}>
      {(control) => (
        <select {...control} name={name} defaultValue={form.value(name)} className={inputClass}>
          {none !== undefined && <option value="">{none}</option>}
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function FieldsForm({ form, submit, children }: { form: Form; submit: string; children: ReactNode }) {
  return (
    <form action={form.formAction} className="space-y-4">
      <ActionNotice state={form.state} />
      {children}
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {submit}
      </Button>
    </form>
  );
}

/** Organizers complete a participant's travel on the registration's page. */
export function TravelCompletionForm({
  action,
  saved,
  rooms,
  roommates,
}: {
  action: Action;
  saved: FormValues;
  rooms: Choice[];
  roommates: Choice[];
}) {
  const t = useTranslations("admin.logistics.completion");
  const form = useFieldsForm(action, saved, "travel");
  return (
    <FieldsForm form={form} submit={t("save")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField form={form} name="roomId" label={t("room")} choices={rooms} none={t("noRoom")} />
        <SelectField
          form={form}
          name="roommateId"
          label={t("roommate")}
          choices={roommates}
          none={t("noRoommate")}
        />
        <NumberField form={form} name="farePaid" label={t("farePaid")} hint={t("somsHint")} />
        <NumberField form={form} name="perDiemDays" label={t("perDiemDays")} hint={t("perDiemDaysHint")} />
      </div>
    </FieldsForm>
  );
}

/** Whether the form asks travel and a passport, how travel is paid, the rates per sector and ceilings per region. */
export function LogisticsSettingsForm({
  action,
  saved,
  sectors,
  regions,
}: {
  action: Action;
  saved: FormValues;
  sectors: Choice[];
  regions: Choice[];
}) {
  const t = useTranslations("admin.logistics.settings");
  const form = useFieldsForm(action, saved, "settings");
  const box = (name: string) => (
    <label className="flex min-h-11 items-center gap-3">
      <input
        type="checkbox"
        name={name}
        defaultChecked={form.checked(name)}
        className="size-5 accent-brand-600"
      />
      <span>{t(name)}</span>
    </label>
  );
  return (
    <FieldsForm form={form} submit={t("save")}>
      {box("travelEnabled")}
      {box("passportEnabled")}
      <SelectField
        form={form}
        name="travelCompensation"
        label={t("travelCompensation")}
        choices={[
          { value: "RECEIPT", label: t("compensation.RECEIPT") },
          { value: "CEILING", label: t("compensation.CEILING") },
        ]}
      />
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("perDiem")}</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          {sectors.map((sector) => (
            <NumberField
              key={sector.value}
              form={form}
              name={`perDiem.${sector.value}`}
              label={sector.label}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("ceilings")}</legend>
        <p className="text-sm text-stone-600">{t("ceilingsHint")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {regions.map((region, index) => (
            <div key={region.value}>
              <input type="hidden" name={`ceilings.${index}.region`} value={region.value} />
              <NumberField form={form} name={`ceilings.${index}.amount`} label={region.label} />
            </div>
          ))}
        </div>
      </fieldset>
    </FieldsForm>
  );
}

export function HotelForm({ action }: { action: Action }) {
  const t = useTranslations("admin.logistics.hotels");
  const form = useFieldsForm(action, {}, "hotel");
  return (
    <FieldsForm form={form} submit={t("add")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField form={form} name="name" label={t("name")} max={200} />
        <TextField form={form} name="address" label={t("address")} max={300} />
      </div>
    </FieldsForm>
  );
}

export function RoomForm({ action, hotels }: { action: Action; hotels: Choice[] }) {
  const t = useTranslations("admin.logistics.hotels");
  const form = useFieldsForm(action, { beds: "2" }, "room");
  return (
    <FieldsForm form={form} submit={t("addRoom")}>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField form={form} name="hotelId" label={t("hotel")} choices={hotels} />
        <TextField form={form} name="name" label={t("roomName")} max={50} />
        <NumberField form={form} name="beds" label={t("beds")} />
      </div>
    </FieldsForm>
  );
}
