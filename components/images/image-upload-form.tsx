"use client";

import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { UploadNotice, useUpload } from "@/components/forms/upload";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { MAX_IMAGE_BYTES, partyRoles } from "@/lib/images/schema";

const languages = [
  { code: "ru", name: "Русский" },
  { code: "ky", name: "Кыргызча" },
  { code: "en", name: "English" },
] as const;

/**
 * Uploads a cover (`cover`) or a logo with its role to the upload route, and
 * shows its refusal on the field at fault. The route, not this form, decides
 * what is accepted; the size is checked here too so that nobody waits for 50
 * MB to be sent only to be refused.
 */
export function ImageUploadForm({ eventId, cover }: { eventId: string; cover: boolean }) {
  const t = useTranslations("admin.images");
  const sender = useUpload();
  const { error } = sender;
  const prefix = cover ? "cover" : "logo";

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_IMAGE_BYTES) return sender.refuse({ file: "imageTooLarge" });
    void sender.send(form, () =>
      fetch(`/api/admin/events/${eventId}/images`, { method: "POST", body: data }),
    );
  }

  return (
    <form onSubmit={upload} className="grid gap-4 sm:grid-cols-2">
      <UploadNotice
        upload={sender}
        texts={{ uploaded: t("uploaded"), uploadFailed: t("uploadFailed"), refused: t("refused") }}
      />
      {cover ? (
        <input type="hidden" name="slot" value="COVER" />
      ) : (
        <Field id={`${prefix}-slot`} label={t("role")} error={error("slot")}>
          {(control) => (
            <select {...control} name="slot" className={inputClass} defaultValue="FUNDER">
              {partyRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <Field
        id={`${prefix}-file`}
        label={t("file")}
        hint={t(cover ? "coverFileHint" : "logoFileHint")}
        error={error("file")}
      >
        {(control) => (
          <input
            {...control}
            name="file"
            type="file"
            required
            accept="image/png,image/jpeg,image/webp,image/svg+xml"
            className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-4"
          />
        )}
      </Field>
      <fieldset className="space-y-3 sm:col-span-2">
        <legend className="font-medium">{t(cover ? "coverAlt" : "logoAlt")}</legend>
        <p className="text-sm text-stone-600">{t("altHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          {languages.map((language) => (
            <Field
              key={language.code}
              id={`${prefix}-alt-${language.code}`}
              label={language.name}
              error={error(`alt.${language.code}`)}
            >
              {(control) => (
                <input
                  {...control}
                  name={`alt.${language.code}`}
                  lang={language.code}
                  required={language.code === "ru"}
                  maxLength={200}
                  className={inputClass}
                />
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={sender.sending}>
          {sender.sending ? t("uploading") : t("upload")}
        </Button>
      </div>
    </form>
  );
}
