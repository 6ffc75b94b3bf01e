"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { MAX_IMAGE_BYTES, partyRoles } from "@/lib/images/schema";

type Outcome = { status: "idle" | "sending" | "done" | "failed"; fieldErrors: Record<string, string> };

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
  const te = useTranslations("errors");
  const router = useRouter();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle", fieldErrors: {} });
  const prefix = cover ? "cover" : "logo";

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (file instanceof File && file.size > MAX_IMAGE_BYTES) {
      setOutcome({ status: "failed", fieldErrors: { file: "imageTooLarge" } });
      return;
    }
    setOutcome({ status: "sending", fieldErrors: {} });
    let answer: { status?: string; fieldErrors?: Record<string, string> } = {};
    try {
      const response = await fetch(`/api/admin/events/${eventId}/images`, { method: "POST", body: data });
      answer = await response.json();
    } catch {
      answer = { fieldErrors: { form: "uploadFailed" } };
    }
    if (answer.status === "done") {
      form.reset();
      setOutcome({ status: "done", fieldErrors: {} });
      router.refresh();
    } else {
      setOutcome({ status: "failed", fieldErrors: answer.fieldErrors ?? { form: "uploadFailed" } });
    }
    noticeRef.current?.focus();
  }

  const error = (name: string) => {
    const key = outcome.fieldErrors[name];
    return key ? te(key) : undefined;
  };
  return (
    <form onSubmit={upload} className="grid gap-4 sm:grid-cols-2">
      <div ref={noticeRef} tabIndex={-1} className="scroll-mt-4 outline-none empty:hidden sm:col-span-2">
        {outcome.status === "done" && <Notice tone="success">{t("uploaded")}</Notice>}
        {outcome.status === "failed" && (
          <Notice tone="error">{outcome.fieldErrors.form ? t("uploadFailed") : t("refused")}</Notice>
        )}
      </div>
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
        <Button type="submit" disabled={outcome.status === "sending"}>
          {outcome.status === "sending" ? t("uploading") : t("upload")}
        </Button>
      </div>
    </form>
  );
}
