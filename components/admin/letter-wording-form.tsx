"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState, useState } from "react";
import { LetterPreview } from "@/components/admin/letter-preview";
import { editable, LocalizedInputs, languages } from "@/components/admin/localized-inputs";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import type { WordingPreviewed } from "@/lib/emails/actions";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";
import type { LocalizedText } from "@/lib/events/schema";

type WordingState = ActionState<Done | WordingPreviewed>;

/**
 * The event's own paragraph in the confirmation and in the waiting-list
 * letters, in ru / ky / en side by side, saved or first shown as the two
 * letters will arrive in a chosen language.
 */
export function LetterWordingForm({
  action,
  confirmation,
  waitlist,
}: {
  action: (previous: WordingState, formData: FormData) => Promise<WordingState>;
  confirmation: LocalizedText | null;
  waitlist: LocalizedText | null;
}) {
  const t = useTranslations("admin.letters.wording");
  const te = useTranslations("errors");
  const tl = useTranslations("admin.questions.language");
  const [state, formAction] = useActionState(action, idle);
  const [confirmationText, setConfirmation] = useState(() => editable(confirmation));
  const [waitlistText, setWaitlist] = useState(() => editable(waitlist));
  const [language, setLanguage] = useState<(typeof languages)[number]>("ru");
  const error = (path: string) => {
    const key = state.status === "invalid" ? state.fieldErrors[path] : undefined;
    return key ? te(key as "required") : undefined;
  };

  // With JavaScript the form is not reset after its action answers (React
  // resets a form it posted): the organizer goes on with what they wrote.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(formData));
  }

  return (
    <form action={formAction} onSubmit={submit} className="space-y-3" data-testid="letter-wording">
      <Panel id="wording" title={t("title")} hint={t("explain")} boxed>
        <ActionNotice state={state} />
        <LocalizedInputs
          name="confirmation"
          label={t("confirmation")}
          value={confirmationText}
          onChange={setConfirmation}
          required={false}
          multiline
          error={error}
        />
        <LocalizedInputs
          name="waitlist"
          label={t("waitlist")}
          value={waitlistText}
          onChange={setWaitlist}
          required={false}
          multiline
          error={error}
        />
        <div className="flex flex-wrap items-end gap-3">
          <Button type="submit" name="intent" value="save">
            {t("save")}
          </Button>
          <label className="block space-y-1 text-sm">
            <span>{t("previewLanguage")}</span>
            <select
              name="language"
              value={language}
              onChange={(event) => setLanguage(event.target.value as (typeof languages)[number])}
              className={inputClass}
            >
              {languages.map((code) => (
                <option key={code} value={code}>
                  {tl(code)}
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" name="intent" value="preview" variant="secondary">
            {t("preview")}
          </Button>
        </div>
      </Panel>
      {"previews" in state &&
        state.previews.map((preview) => <LetterPreview key={preview.subject} preview={preview} />)}
    </form>
  );
}
