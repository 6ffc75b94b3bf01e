"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useActionState, useState } from "react";
import { ActionNotice } from "@/components/forms/action-notice";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { type ActionState, type Done, idle } from "@/lib/entry-points/state";
import type { BulkChanged } from "@/lib/registrations/actions";

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
  action: (
    previous: ActionState<Done | BulkChanged>,
    formData: FormData,
  ) => Promise<ActionState<Done | BulkChanged>>;
  children: ReactNode;
}) {
  const t = useTranslations("admin.registrations");
  const [to, setTo] = useState<(typeof targets)[number]>("CONFIRMED");
  const [state, formAction] = useActionState(action, idle);

  function confirmFirst(event: FormEvent<HTMLFormElement>) {
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
        {to === "MESSAGE" && (
          <div className="basis-full space-y-3">
            <label className="block space-y-1">
              <span className="block font-medium">{t("messageSubject")}</span>
              <input name="subject" required maxLength={150} className={inputClass} />
            </label>
            <label className="block space-y-1">
              <span className="block font-medium">{t("messageText")}</span>
              <textarea name="message" required maxLength={5000} rows={6} className={inputClass} />
            </label>
          </div>
        )}
        <Button type="submit">{t(to === "MESSAGE" ? "messageSend" : "bulkConfirm")}</Button>
        <p className="basis-full text-sm text-stone-600">
          {t(to === "MESSAGE" ? "messageExplain" : "bulkExplain")}
        </p>
      </fieldset>
      {children}
    </form>
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
