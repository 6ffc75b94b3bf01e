"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Notice } from "@/components/ui/notice";

type FieldErrors = Record<string, string>;
type Outcome = { status: "idle" | "sending" | "done" | "failed"; fieldErrors: FieldErrors };

/**
 * A file sent to an upload route that answers `{ status: "done" }` or
 * `{ fieldErrors }` (lib/images/upload.ts, lib/handouts/upload.ts): the
 * outcome, the field errors in the person's language, and the notice to show
 * it in, focused once the route has answered. The route decides what is
 * accepted; a form refuses early only what would make someone wait for
 * nothing (a file too large, none at all).
 */
export function useUpload() {
  const te = useTranslations("errors");
  const router = useRouter();
  const noticeRef = useRef<HTMLDivElement>(null);
  const [outcome, setOutcome] = useState<Outcome>({ status: "idle", fieldErrors: {} });

  /** Refused before anything is sent. */
  const refuse = (fieldErrors: FieldErrors) => setOutcome({ status: "failed", fieldErrors });

  /**
   * Sends; once done, empties the form (and what `onDone` keeps beside it) and
   * refreshes the page. `placeErrors` moves a refusal onto the field shown.
   */
  async function send(
    form: HTMLFormElement,
    request: () => Promise<Response>,
    {
      onDone,
      placeErrors = (errors) => errors,
    }: { onDone?: () => void; placeErrors?: (errors: FieldErrors) => FieldErrors } = {},
  ) {
    setOutcome({ status: "sending", fieldErrors: {} });
    let answer: { status?: string; fieldErrors?: FieldErrors } = {};
    try {
      answer = await (await request()).json();
    } catch {
      answer = { fieldErrors: { form: "uploadFailed" } };
    }
    if (answer.status === "done") {
      form.reset();
      onDone?.();
      setOutcome({ status: "done", fieldErrors: {} });
      router.refresh();
    } else {
      setOutcome({
        status: "failed",
        fieldErrors: placeErrors(answer.fieldErrors ?? { form: "uploadFailed" }),
      });
    }
    noticeRef.current?.focus();
  }

  const error = (name: string) => {
    const key = outcome.fieldErrors[name];
    return key ? te(key) : undefined;
  };

  return { outcome, noticeRef, refuse, send, error, sending: outcome.status === "sending" };
}

/** Where an upload's outcome is said: `texts` are the form's own words for it. */
export function UploadNotice({
  upload,
  texts,
}: {
  upload: ReturnType<typeof useUpload>;
  texts: { uploaded: string; uploadFailed: string; refused: string };
}) {
  const { outcome, noticeRef } = upload;
  return (
    <div ref={noticeRef} tabIndex={-1} className="scroll-mt-4 outline-none empty:hidden sm:col-span-2">
      {outcome.status === "done" && <Notice tone="success">{texts.uploaded}</Notice>}
      {outcome.status === "failed" && (
        <Notice tone="error">{outcome.fieldErrors.form ? texts.uploadFailed : texts.refused}</Notice>
      )}
    </div>
  );
}
