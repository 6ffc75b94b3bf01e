"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Notice } from "@/components/ui/notice";
import type { ActionFailure, Done, DoneMessage, Refused } from "@/lib/entry-points/state";

type Shown = Done | Refused | ActionFailure;
const shown = (state: { status: string }): state is Shown =>
  (state.status === "done" && "message" in state && state.message !== undefined) ||
  (state.status === "refused" && "message" in state) ||
  state.status === "invalid" ||
  state.status === "failed";

/**
 * What an action answered, where the person is: a success or the reason it
 * failed, in their language, scrolled into view and focused so that a phone
 * user sees it and a screen reader announces it, with or without JavaScript.
 * Other states (the form's own) are left to the form.
 */
export function ActionNotice({ state }: { state: { status: string } }) {
  const t = useTranslations("actions");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (shown(state)) ref.current?.focus();
  }, [state]);
  if (!shown(state)) return null;
  const text =
    state.status === "done"
      ? t(`done.${state.message as DoneMessage}`, state.figures)
      : state.status === "refused"
        ? t(`refused.${state.message}`)
        : state.status === "invalid"
          ? t("invalid")
          : state.code === "rate_limited"
            ? t("failed.rate_limited", { minutes: Math.ceil(state.retryAfterSeconds / 60) })
            : t(`failed.${state.code}`);
  return (
    // autoFocus for a page answered without JavaScript: the browser opens it at the top, and
    // focuses (and scrolls to) the answer; with JavaScript the effect above does it on every answer.
    // biome-ignore lint/a11y/noAutofocus: the answer to what the person just sent, shown where they are
    <div ref={ref} tabIndex={-1} autoFocus className="w-full basis-full scroll-mt-4 outline-none">
      <Notice tone={state.status === "done" ? "success" : "error"}>{text}</Notice>
    </div>
  );
}
