"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import {
  blankText,
  editable,
  FieldError,
  LocalizedInputs,
  type LocalizedValue,
} from "@/components/admin/localized-inputs";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { ActionState, Done } from "@/lib/entry-points/state";
import { idle } from "@/lib/entry-points/state";
import {
  type ConfigurableField,
  type FormFields,
  fieldModes,
  type QuestionText,
} from "@/lib/questions/schema";

type State = ActionState<Done>;
type RegionRow = { key: string; code: string; label: LocalizedValue; registrations: number };

/**
 * How an event's form asks its built-in fields: the ones it may leave out
 * or make optional, its own wording of the sector and gender questions, and
 * its regions in their order. A region someone chose keeps its place on the
 * list (the editor says how many chose it). Adding and moving regions need
 * JavaScript; the fields post as a plain form.
 */
export function FormFieldsEditor({
  action,
  fields,
  regions: initial,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  fields: FormFields;
  regions: { code: string; label: QuestionText; registrations: number }[];
}) {
  const t = useTranslations("admin.formFields");
  const tq = useTranslations("admin.questions");
  const [state, formAction, pending] = useActionState(action, idle as State);
  const [sectorLabel, setSectorLabel] = useState(() => editable(fields.sectorLabel));
  const [genderLabel, setGenderLabel] = useState(() => editable(fields.genderLabel));
  const [regions, setRegions] = useState<RegionRow[]>(() =>
    initial.map((region) => ({ key: region.code, ...region, label: editable(region.label) })),
  );
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const error = (path: string) => (errors[path] ? t(`errors.${errors[path]}`) : undefined);

  const mode = (name: ConfigurableField) => (
    <label key={name} className="block space-y-1 text-sm">
      <span className="font-medium">{t(`field.${name}`)}</span>
      <select name={name} defaultValue={fields[name]} className={inputClass}>
        {fieldModes
          .filter((value) => name !== "needs" || value !== "REQUIRED")
          .map((value) => (
            <option key={value} value={value}>
              {t(`mode.${value}`)}
            </option>
          ))}
      </select>
    </label>
  );

  const moveRegion = (from: number, to: number) =>
    setRegions((list) => {
      if (to < 0 || to >= list.length) return list;
      const copy = [...list];
      const [row] = copy.splice(from, 1);
      if (row) copy.splice(to, 0, row);
      return copy;
    });

  return (
    <form action={formAction} noValidate className="space-y-6">
      <ActionNotice state={state} />
      <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("fieldsTitle")}</legend>
        <p className="text-sm text-stone-600">{t("fieldsHint")}</p>
        <div className="grid gap-3 sm:grid-cols-2">
          {(["patronymic", "position", "phone", "needs"] as const).map(mode)}
        </div>
      </fieldset>

      <fieldset className="space-y-3 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("wordingTitle")}</legend>
        <p className="text-sm text-stone-600">{t("wordingHint")}</p>
        <LocalizedInputs
          name="sectorLabel"
          label={t("sectorLabel")}
          value={sectorLabel}
          onChange={setSectorLabel}
          required={false}
          error={error}
        />
        <LocalizedInputs
          name="genderLabel"
          label={t("genderLabel")}
          value={genderLabel}
          onChange={setGenderLabel}
          required={false}
          error={error}
        />
      </fieldset>

      {/* Closed unless something in it needs correcting: fourteen regions would push the questions out of sight. */}
      <details
        open={Object.keys(errors).some((path) => path.startsWith("regions"))}
        className="space-y-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <summary className="cursor-pointer font-semibold">
          {t("regionsTitle", { count: regions.length })}
        </summary>
        <p className="mt-3 text-sm text-stone-600">{t("regionsHint")}</p>
        <FieldError message={error("regions")} />
        <ol className="space-y-3">
          {regions.map((region, index) => (
            <li key={region.key} className="space-y-2 border-t border-stone-100 pt-3" data-testid="region">
              <input type="hidden" name={`regions.${index}.code`} value={region.code} />
              <LocalizedInputs
                name={`regions.${index}.label`}
                label={t("region", { number: index + 1 })}
                value={region.label}
                onChange={(label) =>
                  setRegions((list) => list.map((row, at) => (at === index ? { ...row, label } : row)))
                }
                required
                error={error}
              />
              <FieldError message={error(`regions.${index}.code`)} />
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <Button type="button" variant="secondary" onClick={() => moveRegion(index, index - 1)}>
                  {tq("up")}
                </Button>
                <Button type="button" variant="secondary" onClick={() => moveRegion(index, index + 1)}>
                  {tq("down")}
                </Button>
                {region.registrations > 0 ? (
                  <span className="text-stone-600">{t("chosenBy", { count: region.registrations })}</span>
                ) : (
                  <Button
                    type="button"
                    variant="secondary"
                    onClick={() => setRegions((list) => list.filter((_, at) => at !== index))}
                  >
                    {tq("remove")}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            setRegions((list) => [
              ...list,
              { key: crypto.randomUUID(), code: "", label: blankText(), registrations: 0 },
            ])
          }
        >
          {t("addRegion")}
        </Button>
      </details>

      <Button type="submit" disabled={pending} aria-disabled={pending}>
        {pending ? tq("saving") : t("save")}
      </Button>
    </form>
  );
}
