"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useMemo, useRef } from "react";
import { type Resolver, useForm } from "react-hook-form";
import { z } from "zod";
import { ActionNotice } from "@/components/forms/action-notice";
import { QuestionFields } from "@/components/registrations/question-fields";
import { Button } from "@/components/ui/button";
import { type ActionState, idle } from "@/lib/entry-points/state";
import type { FormValues } from "@/lib/forms/form-data";
import { answersSchema } from "@/lib/questions/rules";
import type { QuestionDefinition } from "@/lib/questions/schema";
import type { ErrorKey } from "@/lib/registrations/schema";

type State = ActionState<never>;

/**
 * A pre-test, post-test or feedback survey as a participant answers it: the
 * question builder's fields, checked in the browser with the server's own
 * schema; without JavaScript a plain form post, which shows what the server
 * answers.
 */
export function InstrumentForm({
  action,
  questions,
  labels,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
  questions: QuestionDefinition[];
  /** Given by the page: the public pages' browser gets only the registration form's messages. */
  labels: { legend: string; send: string; sending: string };
}) {
  const tr = useTranslations("register");
  const te = useTranslations("errors");
  const [state, formAction, pending] = useActionState(action, idle as State);
  const formRef = useRef<HTMLFormElement>(null);
  const values = "values" in state ? state.values : {};
  const schema = useMemo(() => z.object({ answers: answersSchema(questions) }), [questions]);
  const form = useForm<FormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<FormValues>,
    shouldUnregister: true,
    mode: "onSubmit",
    defaultValues: values,
  });
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const errorCount = Object.keys({ ...serverErrors, ...(form.formState.errors.answers ?? {}) }).length;
  const onSubmit = form.handleSubmit(() => {
    const formElement = formRef.current;
    if (formElement) startTransition(() => formAction(new FormData(formElement)));
  });
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="space-y-6">
      {state.status === "failed" && <ActionNotice state={state} />}
      {errorCount > 0 && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-red-900">
          {tr("errorSummary", { count: errorCount })}
        </p>
      )}
      <QuestionFields
        form={form}
        questions={questions}
        placesTaken={{}}
        values={(values.answers as FormValues | undefined) ?? {}}
        serverErrors={serverErrors}
        translate={(key) => (key === "optional" ? tr("optional") : te(key as ErrorKey))}
        legend={labels.legend}
      />
      <Button type="submit" disabled={pending} aria-disabled={pending} className="w-full sm:w-auto">
        {pending ? labels.sending : labels.send}
      </Button>
    </form>
  );
}
