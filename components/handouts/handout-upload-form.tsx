"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useRef, useState } from "react";
import { blankText, LocalizedInputs } from "@/components/admin/localized-inputs";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { handoutAccept, handoutVisibilities, MAX_HANDOUT_BYTES } from "@/lib/handouts/schema";

type Outcome = { status: "idle" | "sending" | "done" | "failed"; fieldErrors: Record<string, string> };

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
  const te = useTranslations("errors");
  const router = useRouter();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [title, setTitle] = useState(blankText);
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle", fieldErrors: {} });

  async function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const file = data.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setOutcome({ status: "failed", fieldErrors: { file: "required" } });
      return;
    }
    if (file.size > MAX_HANDOUT_BYTES) {
      setOutcome({ status: "failed", fieldErrors: { file: "handoutTooLarge" } });
      return;
    }
    const query = new URLSearchParams({
      name: file.name,
      "title.ru": title.ru,
      "title.ky": title.ky,
      "title.en": title.en,
      visibility: String(data.get("visibility") ?? ""),
      sessionId: String(data.get("sessionId") ?? ""),
    });
    setOutcome({ status: "sending", fieldErrors: {} });
    let answer: { status?: string; fieldErrors?: Record<string, string> } = {};
    try {
      const response = await fetch(`/api/admin/events/${eventId}/handouts?${query}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: file,
      });
      answer = await response.json();
    } catch {
      answer = { fieldErrors: { form: "uploadFailed" } };
    }
    if (answer.status === "done") {
      form.reset();
      setTitle(blankText());
      setOutcome({ status: "done", fieldErrors: {} });
      router.refresh();
    } else {
      // A bad name is the file's: shown where the file was picked.
      const { name, ...errors } = answer.fieldErrors ?? { form: "uploadFailed" };
      setOutcome({ status: "failed", fieldErrors: name ? { ...errors, file: name } : errors });
    }
    noticeRef.current?.focus();
  }

  const error = (name: string) => {
    const key = outcome.fieldErrors[name];
    return key ? te(key) : undefined;
  };
  return (
    <form onSubmit={upload} className="grid gap-4 sm:grid-cols-2" data-testid="handout-upload">
      <div ref={noticeRef} tabIndex={-1} className="scroll-mt-4 outline-none empty:hidden sm:col-span-2">
        {outcome.status === "done" && <Notice tone="success">{t("uploaded")}</Notice>}
        {outcome.status === "failed" && (
          <Notice tone="error">{outcome.fieldErrors.form ? t("uploadFailed") : t("refused")}</Notice>
        )}
      </div>
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
        <Button type="submit" disabled={outcome.status === "sending"}>
          {outcome.status === "sending" ? t("uploading") : t("upload")}
        </Button>
      </div>
    </form>
  );
}
