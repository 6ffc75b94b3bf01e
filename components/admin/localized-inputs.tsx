"use client";

import { useTranslations } from "next-intl";
import { type ChangeEvent, useId } from "react";
import { inputClass } from "@/components/ui/field";

export const languages = ["ru", "ky", "en"] as const;
export type LocalizedValue = { ru: string; ky: string; en: string };

export const blankText = (): LocalizedValue => ({ ru: "", ky: "", en: "" });

/** A stored localized text as the editors hold it: every language, empty when not written. */
export const editable = (text: { ru?: string; ky?: string; en?: string } | null): LocalizedValue => ({
  ru: text?.ru ?? "",
  ky: text?.ky ?? "",
  en: text?.en ?? "",
});

/**
 * One text of an organizer's in the three languages side by side, posted as
 * `<name>.ru`, `<name>.ky`, `<name>.en`; a language left empty while Russian
 * is written is flagged (the participant then reads the Russian).
 */
export function LocalizedInputs({
  name,
  label,
  value,
  onChange,
  required,
  error,
  multiline = false,
}: {
  name: string;
  label: string;
  value: LocalizedValue;
  onChange: (value: LocalizedValue) => void;
  required: boolean;
  /** A text of several lines (a description, a biography): a text area per language. */
  multiline?: boolean;
  /** The error of one language's field, by its posted name. */
  error: (path: string) => string | undefined;
}) {
  const t = useTranslations("admin.questions");
  const baseId = useId();
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium">{label}</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {languages.map((language) => {
          const missing = value.ru !== "" && value[language] === "" && language !== "ru";
          const message = error(`${name}.${language}`);
          const control = {
            id: `${baseId}-${language}`,
            name: `${name}.${language}`,
            value: value[language],
            onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
              onChange({ ...value, [language]: event.target.value }),
            required: required && language === "ru",
            "aria-invalid": message ? true : undefined,
            className: inputClass,
          };
          return (
            <label key={language} htmlFor={`${baseId}-${language}`} className="block space-y-1 text-sm">
              <span className="flex items-center gap-2">
                {t(`language.${language}`)}
                {missing && (
                  <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                    {t("missingTranslation")}
                  </span>
                )}
              </span>
              {multiline ? <textarea {...control} rows={3} /> : <input {...control} />}
              <FieldError message={message} />
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A field's error, announced as it appears. */
export function FieldError({ message }: { message: string | undefined }) {
  return message ? (
    <span role="alert" className="block text-sm font-medium text-red-700">
      {message}
    </span>
  ) : null;
}
