"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { blankText, LocalizedInputs } from "@/components/admin/localized-inputs";
import { UploadNotice, useUpload } from "@/components/forms/upload";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { handoutAccept, handoutVisibilities, MAX_HANDOUT_BYTES } from "@/lib/handouts/schema";

/**
 * Sends a handout to the upload route: the file as the request's body, its
 * details in the query (lib/handouts/upload.ts says why), and shows a
 * refusal at the field at fault. The route decides what is accepted; the
 * size is checked here too so that nobody waits for 50 MB to be sent only to
 * be refused.
 */
export function HandoutUploadForm({
  eventId,
  sessions,
}: {
  eventId: string;
  sessions: { id: string; label: string }[];
}) {
  const t = useTranslations("admin.programme.handouts");
  const sender = useUpload();
  const { error } = sender;
  const [title, setTitle] = useState(blankText);

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) return sender.refuse({ file: "required" });
    if (file.size > MAX_HANDOUT_BYTES) return sender.refuse({ file: "handoutTooLarge" });
    const query = new URLSearchParams({
      name: file.name,
      "title.ru": title.ru,
      "title.ky": title.ky,
      "title.en": title.en,
      visibility: String(data.get("visibility") ?? ""),
      sessionId: String(data.get("sessionId") ?? ""),
    });
    void sender.send(
      form,
      () =>
        fetch(`/api/admin/events/${eventId}/handouts?${query}`, {
          method: "POST",
          headers: { "content-type": "application/octet-stream" },
          body: file,
        }),
      {
        onDone: () => setTitle(blankText()),
        // A bad name is the file's: shown where the file was picked.
        placeErrors: ({ name, ...errors }) => (name ? { ...errors, file: name } : errors),
      },
    );
  }

  return (
    <form onSubmit={upload} className="grid gap-4 sm:grid-cols-2" data-testid="handout-upload">
      <UploadNotice
        upload={sender}
        texts={{ uploaded: t("uploaded"), uploadFailed: t("uploadFailed"), refused: t("refused") }}
      />
      <div className="sm:col-span-2">
        <Field id="handout-file" label={t("file")} hint={t("intro")} error={error("file")}>
          {(control) => (
            <input
              {...control}
              name="file"
              type="file"
              required
              accept={handoutAccept}
              className="block w-full text-sm file:mr-3 file:min-h-11 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-4"
            />
          )}
        </Field>
      </div>
      <div className="sm:col-span-2">
        <LocalizedInputs
          name="title"
          label={t("title")}
          value={title}
          onChange={setTitle}
          required
          error={error}
        />
      </div>
      <Field id="handout-session" label={t("attachTo")} error={error("sessionId")}>
        {(control) => (
          <select {...control} name="sessionId" className={inputClass} defaultValue="">
            <option value="">{t("wholeEvent")}</option>
            {sessions.map((session) => (
              <option key={session.id} value={session.id}>
                {session.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="handout-visibility" label={t("visibility")} error={error("visibility")}>
        {(control) => (
          <select {...control} name="visibility" className={inputClass} defaultValue="PARTICIPANTS">
            {handoutVisibilities.map((visibility) => (
              <option key={visibility} value={visibility}>
                {t(`visibilities.${visibility}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={sender.sending}>
          {sender.sending ? t("uploading") : t("upload")}
        </Button>
      </div>
    </form>
  );
}
