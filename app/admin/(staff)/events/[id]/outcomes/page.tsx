import { getLocale, getTranslations } from "next-intl/server";
import { InstrumentSettingsForm } from "@/components/admin/instrument-settings-form";
import { QuestionsEditor } from "@/components/admin/questions-editor";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { zonedParts } from "@/lib/events/rules";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import {
  remindInstrumentAction,
  saveInstrumentQuestionsAction,
  saveInstrumentSettingsAction,
  switchInstrumentAction,
} from "@/lib/outcomes/actions";
import { countAwaitingAnswer, getInstruments } from "@/lib/outcomes/data";
import { instrumentState } from "@/lib/outcomes/rules";
import { instrumentKinds } from "@/lib/outcomes/schema";
import { getQuestionsForEditor } from "@/lib/questions/data";
import { requireStaffEvent } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

/**
 * The event's pre-test, post-test and feedback survey
 * (docs/decisions/032-outcome-instruments.md): each opened and closed by a
 * button or by its times, and its questions in the registration questions' editor.
 * Whoever may read the figures but not change the event (a viewer) sees each
 * one's state and count of answers only (docs/decisions/038-viewer-data-minimization.md).
 */
export default async function EventOutcomesPage({ params }: PageProps<"/admin/events/[id]/outcomes">) {
  const { id } = await params;
  const { event, permissions } = await requireStaffEvent({ id, permission: "event.statistics" });
  const edits = permissions.has("event.content");
  const t = await getTranslations("admin.outcomes");
  const to = await getTranslations("outcomes");
  const locale = (await getLocale()) as Locale;
  const [instruments, awaiting] = await Promise.all([
    getInstruments({ eventId: event.id }),
    countAwaitingAnswer({ eventId: event.id }),
  ]);
  const mayWrite = permissions.has("event.letters");
  const now = new Date();
  const local = (instant: Date | null) => {
    if (!instant) return "";
    const { date, time } = zonedParts(instant, event.timeZone);
    return `${date}T${time}`;
  };
  const sections = await Promise.all(
    instrumentKinds.map(async (kind) => {
      const instrument = instruments.find((candidate) => candidate.kind === kind);
      const questions =
        instrument && edits ? await getQuestionsForEditor({ instrumentId: instrument.id }) : [];
      return { kind, instrument, questions: questions.filter((question) => question.archivedAt === null) };
    }),
  );
  return (
    <div className="space-y-10">
      <PageHeader title={t("title")}>
        <p className="text-stone-600">{t(edits ? "intro" : "readOnlyIntro")}</p>
        {!edits && (
          <StaffLink
            href={`/admin/events/${event.id}/statistics#outcomes-title`}
            className="text-brand-700 underline"
          >
            {t("figures")}
          </StaffLink>
        )}
      </PageHeader>
      {sections.map(({ kind, instrument, questions }) => {
        const bound = { eventId: event.id, kind };
        const state = instrument ? instrumentState(instrument, now) : "not_open";
        const shared = kind === "POST_TEST" && (instrument?.sharesPreTestQuestions ?? true);
        return (
          <section
            key={kind}
            aria-labelledby={`instrument-${kind}`}
            className="space-y-4 rounded-lg border border-stone-200 bg-white p-4 sm:p-6"
            data-testid={`instrument-${kind}`}
          >
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 id={`instrument-${kind}`} className="text-xl font-semibold">
                {to(`title.${kind}`)}
                <span className="ml-3 text-base font-normal text-stone-600" data-testid="instrument-state">
                  {t(`state.${state}`)} · {t("responses", { count: instrument?.responses ?? 0 })}
                </span>
              </h2>
              {edits && (
                <ActionForm action={switchInstrumentAction.bind(null, bound)} className="flex gap-2">
                  <input type="hidden" name="to" value={state === "open" ? "close" : "open"} />
                  <Button type="submit" variant={state === "open" ? "secondary" : "primary"}>
                    {state === "open" ? t("closeNow") : t("openNow")}
                  </Button>
                </ActionForm>
              )}
            </div>
            {kind !== "PRE_TEST" && <p className="text-sm text-stone-600">{t("openLettersHint")}</p>}
            {state === "open" && mayWrite && (
              <ActionForm
                action={remindInstrumentAction.bind(null, bound)}
                className="space-y-3 rounded-lg bg-stone-50 p-3"
              >
                <p className="text-sm text-stone-700">
                  {t(kind === "PRE_TEST" ? "remindHintBefore" : "remindHintAfter")}
                </p>
                {instrument?.remindedAt && (
                  <p className="text-sm text-stone-600">
                    {t("remindedAt", {
                      at: formatDateTime(instrument.remindedAt, { locale, timeZone: event.timeZone }),
                    })}
                  </p>
                )}
                <label className="flex items-center gap-3">
                  <input type="checkbox" name="confirm" value="yes" required className="size-5" />
                  <span>{t("remindConfirm")}</span>
                </label>
                <Button type="submit" variant="secondary">
                  {t("remind", { count: awaiting[kind] ?? 0 })}
                </Button>
              </ActionForm>
            )}
            {edits && (
              <>
                <InstrumentSettingsForm
                  action={saveInstrumentSettingsAction.bind(null, bound)}
                  kind={kind}
                  values={{
                    opensAt: local(instrument?.opensAt ?? null),
                    closesAt: local(instrument?.closesAt ?? null),
                    anonymous: instrument?.anonymous ?? false,
                    sharesPreTestQuestions: instrument?.sharesPreTestQuestions ?? true,
                    improvementThreshold: String(instrument?.improvementThreshold ?? 1),
                    satisfactionQuestionId: instrument?.satisfactionQuestionId ?? "",
                  }}
                  scales={questions
                    .filter((question) => question.type === "SCALE")
                    .map((question) => ({ id: question.id, label: question.label.ru }))}
                />
                <h3 className="text-lg font-semibold">{t("questions")}</h3>
                {shared ? (
                  <p className="text-stone-600">{t("sharedNote")}</p>
                ) : (
                  <QuestionsEditor
                    action={saveInstrumentQuestionsAction.bind(null, bound)}
                    questions={questions}
                    scored={kind !== "FEEDBACK"}
                  />
                )}
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
