"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, startTransition, useActionState, useState } from "react";
import { LetterPreview } from "@/components/admin/letter-preview";
import { blankText, LocalizedInputs } from "@/components/admin/localized-inputs";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { placeholders } from "@/lib/emails/rules";
import { type ActionState, type Done, idle, type Refused } from "@/lib/entry-points/state";
import type { BulkChanged, Previewed } from "@/lib/registrations/actions";

type BulkState = ActionState<Done | BulkChanged | Previewed | Refused>;

const targets = ["CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED", "MESSAGE"] as const;

/**
 * The registrations table with its bulk actions: a change of status, or a
 * letter to write to them. With JavaScript, the action asks first, saying how
 * many registrations it concerns and which letters go out; without, it posts
 * straight away.
 */
export function BulkActionsForm({
  action,
  children,
}: {
  action: (previous: BulkState, formData: FormData) => Promise<BulkState>;
  children: ReactNode;
}) {
  const t = useTranslations("admin.registrations");
  const [to, setTo] = useState<(typeof targets)[number]>("CONFIRMED");
  const [state, formAction] = useActionState(action, idle);

  function confirmFirst(event: FormEvent<HTMLFormElement>) {
    // A preview or a test letter to oneself sends nothing to the participants:
    // no question, and the form is not reset after it (React resets a form its
    // action answered), since the organizer goes on with the same selection.
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name === "intent" && submitter.value !== "send") {
      event.preventDefault();
      const formData = new FormData(event.currentTarget, submitter);
      startTransition(() => formAction(formData));
      return;
    }
    const count = new FormData(event.currentTarget).getAll("ids").length;
    if (count === 0) return;
    const question = `${t(`to.${to}`)}: ${count}?\n\n${t(to === "MESSAGE" ? "messageExplain" : "bulkExplain")}`;
    if (!window.confirm(question)) event.preventDefault();
  }

  return (
    <form action={formAction} onSubmit={confirmFirst} className="space-y-3">
      {state.status === "invalid" && state.fieldErrors.ids ? (
        <Notice tone="error">{t("nothingSelected")}</Notice>
      ) : (
        <ActionNotice state={state} />
      )}
      {"skipped" in state && <SkippedList skipped={state.skipped} />}
      <fieldset className="flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-3">
        <legend className="px-1 text-sm font-medium">{t("bulkTitle")}</legend>
        <select
          name="to"
          value={to}
          onChange={(event) => setTo(event.target.value as (typeof targets)[number])}
          aria-label={t("bulkTitle")}
          className="rounded-md border border-stone-300 bg-white px-3 py-2.5"
        >
          {targets.map((target) => (
            <option key={target} value={target}>
              {t(`to.${target}`)}
            </option>
          ))}
        </select>
        {to === "MESSAGE" ? (
          <MessageFields state={state} />
        ) : (
          <>
            <Button type="submit">{t("bulkConfirm")}</Button>
            <p className="basis-full text-sm text-stone-600">{t("bulkExplain")}</p>
          </>
        )}
      </fieldset>
      {"preview" in state && <LetterPreview preview={state.preview} />}
      {children}
    </form>
  );
}

/**
 * The letter to write, in ru / ky / en side by side, with the placeholders it
 * may use; sent, shown as the first ticked participant will receive it, or
 * sent to oneself first.
 */
function MessageFields({ state }: { state: BulkState }) {
  const t = useTranslations("admin.registrations");
  const te = useTranslations("errors");
  const [subject, setSubject] = useState(blankText);
  const [message, setMessage] = useState(blankText);
  const error = (path: string) => {
    const key = state.status === "invalid" ? state.fieldErrors[path] : undefined;
    return key ? te(key as "required") : undefined;
  };
  return (
    <div className="basis-full space-y-3">
      <p className="text-sm text-stone-600">{t("languagesHint")}</p>
      <LocalizedInputs
        name="subject"
        label={t("messageSubject")}
        value={subject}
        onChange={setSubject}
        required
        error={error}
      />
      <LocalizedInputs
        name="message"
        label={t("messageText")}
        value={message}
        onChange={setMessage}
        required
        multiline
        error={error}
      />
      <div className="text-sm text-stone-600">
        <p>{t("placeholdersHint")}</p>
        <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {placeholders.map((name) => (
            <li key={name}>
              <code className="rounded bg-stone-100 px-1">{`{{${name}}}`}</code> — {t(`placeholder.${name}`)}
            </li>
          ))}
        </ul>
      </div>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="send">
          {t("messageSend")}
        </Button>
        <Button type="submit" name="intent" value="preview" variant="secondary">
          {t("messagePreview")}
        </Button>
        <Button type="submit" name="intent" value="test" variant="secondary">
          {t("messageTest")}
        </Button>
      </div>
      <p className="text-sm text-stone-600">{t("messageExplain")}</p>
    </div>
  );
}

/** Whom a change of status left alone, and why, each a link to the registration. */
function SkippedList({ skipped }: { skipped: BulkChanged["skipped"] }) {
  const t = useTranslations("admin.registrations");
  const ts = useTranslations("admin.status");
  const tc = useTranslations("category");
  if (skipped.length === 0) return null;
  return (
    <div className="rounded-md border border-amber-400 bg-amber-50 p-3" data-testid="skipped">
      <p className="font-medium">{t("skippedTitle")}</p>
      <ul className="list-disc space-y-1 pl-5">
        {skipped.map((registration) => (
          <li key={registration.id}>
            <a
              href={`/admin/registrations/${registration.id}`}
              className="font-medium text-brand-700 underline"
            >
              {registration.name}
            </a>{" "}
            —{" "}
            {t(`skippedReason.${registration.reason}`, {
              category: tc(registration.category),
              status: ts(registration.status),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
