"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FieldErrors, get, type UseFormReturn } from "react-hook-form";
import { Field, inputClass } from "@/components/ui/field";
import { localize } from "@/lib/events/schema";
import type { FormValues } from "@/lib/forms/form-data";
import type { Locale } from "@/lib/i18n/routing";
import type { RegionDefinition } from "@/lib/questions/schema";
import { type TravelAsked, transportMeans } from "@/lib/travel/schema";

/**
 * The travel and stay group of the registration form, where the event asks
 * it: where from, when, how, which nights a room is needed. Left empty, the
 * person is not travelling. Plain inputs, so it works without JavaScript.
 */
export function TravelFields({
  form,
  asked,
  regions,
  values,
  serverErrors,
  translate,
}: {
  form: UseFormReturn<FormValues>;
  asked: TravelAsked;
  regions: RegionDefinition[];
  values: FormValues;
  serverErrors: Record<string, string>;
  translate: (key: string) => string;
}) {
  const t = useTranslations("register.travel");
  const locale = useLocale() as Locale;
  const clientErrors: FieldErrors = form.formState.errors;
  const error = (name: string) => {
    const path = `travel.${name}`;
    // A night's error is on its place in the list ("travel.nights.0").
    const client: { message?: string } | { message?: string }[] | undefined = get(clientErrors, path);
    const message = Array.isArray(client) ? client.find(Boolean)?.message : client?.message;
    const server =
      serverErrors[path] ?? Object.entries(serverErrors).find(([key]) => key.startsWith(`${path}.`))?.[1];
    const key = message ?? server;
    return key ? translate(key) : undefined;
  };
  const value = (name: string) => String(values[name] ?? "");
  const chosenNights = Array.isArray(values.nights) ? (values.nights as string[]) : [];
  const min = `${asked.from}T00:00`;
  const max = `${asked.to}T23:59`;
  const text = (
    name: "fromSettlement" | "sharesWith" | "passportNumber",
    optional: boolean,
    hint?: string,
  ) => (
    <Field
      id={`travel-${name}`}
      label={t(name)}
      hint={hint}
      error={error(name)}
      optionalLabel={optional ? translate("optional") : undefined}
    >
      {(control) => (
        <input
          {...control}
          {...form.register(`travel.${name}`)}
          defaultValue={value(name)}
          className={inputClass}
        />
      )}
    </Field>
  );
  const time = (name: "arrivesAt" | "departsAt") => (
    <Field id={`travel-${name}`} label={t(name)} hint={t("timeHint")} error={error(name)}>
      {(control) => (
        <input
          {...control}
          {...form.register(`travel.${name}`)}
          type="datetime-local"
          min={min}
          max={max}
          defaultValue={value(name)}
          className={inputClass}
        />
      )}
    </Field>
  );
  return (
    // The border is the box's, as the form's other sections: a wrapping legend would cut a fieldset's.
    <div className="rounded-lg border border-stone-200 bg-white p-4 sm:p-6">
      <fieldset className="min-w-0 space-y-4">
        <legend className="text-lg font-semibold">{t("section")}</legend>
        <p className="text-sm text-stone-600">{t("intro")}</p>
        {text("fromSettlement", false)}
        <Field id="travel-fromRegion" label={t("fromRegion")} error={error("fromRegion")}>
          {(control) => (
            <select
              {...control}
              {...form.register("travel.fromRegion")}
              defaultValue={value("fromRegion")}
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
        {time("arrivesAt")}
        {time("departsAt")}
        <Field id="travel-transport" label={t("transport")} error={error("transport")}>
          {(control) => (
            <select
              {...control}
              {...form.register("travel.transport")}
              defaultValue={value("transport")}
              className={inputClass}
            >
              <option value="">{t("choose")}</option>
              {transportMeans.map((means) => (
                <option key={means} value={means}>
                  {t(`means.${means}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="space-y-2" aria-describedby="travel-nights-hint">
          <legend className="font-medium">
            {t("nights")} <span className="font-normal text-stone-500">({translate("optional")})</span>
          </legend>
          <p id="travel-nights-hint" className="text-sm text-stone-600">
            {t("nightsHint")}
          </p>
          {asked.nights.map((night) => (
            <label key={night.date} className="flex min-h-11 items-center gap-3">
              <input
                {...form.register("travel.nights")}
                type="checkbox"
                value={night.date}
                defaultChecked={chosenNights.includes(night.date)}
                className="size-5 accent-brand-600"
              />
              <span>{t("night", { date: night.label[locale] })}</span>
            </label>
          ))}
          <p role={error("nights") ? "alert" : undefined} className="text-sm font-medium text-red-700">
            {error("nights")}
          </p>
        </fieldset>
        {text("sharesWith", true, t("sharesWithHint"))}
        {asked.passport && text("passportNumber", true, t("passportHint"))}
      </fieldset>
    </div>
  );
}
