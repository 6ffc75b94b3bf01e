import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { FormFieldsEditor } from "@/components/admin/form-fields-editor";
import { QuestionsEditor } from "@/components/admin/questions-editor";
import { Panel } from "@/components/ui/panel";
import { saveFormFieldsAction, saveQuestionsAction } from "@/lib/questions/actions";
import { getEventForm, getEventRegions, getQuestionsForEditor } from "@/lib/questions/data";
import { requireStaffEvent } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function EventQuestionsPage({ params }: PageProps<"/admin/events/[id]/questions">) {
  const { id } = await params;
  const { event } = await requireStaffEvent({ id, permission: "event.content" });
  const t = await getTranslations("admin.questions");
  const tf = await getTranslations("admin.formFields");
  const [questions, form, regions] = await Promise.all([
    getQuestionsForEditor({ eventId: event.id }),
    getEventForm({ eventId: event.id }),
    getEventRegions({ eventId: event.id }),
  ]);
  if (!form) notFound();
  return (
    <div className="space-y-10">
      <section aria-labelledby="form-fields" className="space-y-4">
        <header className="space-y-1">
          <h1 id="form-fields" className="text-2xl font-semibold">
            {tf("title")}
          </h1>
          <p className="text-stone-600">{tf("intro")}</p>
        </header>
        <FormFieldsEditor
          action={saveFormFieldsAction.bind(null, event.id)}
          fields={form.fields}
          regions={regions}
        />
      </section>
      <header className="space-y-1">
        <h2 className="text-2xl font-semibold">{t("title")}</h2>
        <p className="text-stone-600">{t("intro")}</p>
      </header>
      <QuestionsEditor
        action={saveQuestionsAction.bind(null, event.id)}
        questions={questions.filter((question) => question.archivedAt === null)}
      />
      {questions.some((question) => question.archivedAt !== null) && (
        <Panel id="archived" title={t("archived")}>
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {questions
              .filter((question) => question.archivedAt !== null)
              .map((question) => (
                <li key={question.id}>
                  {question.label.ru} — {t("answerCount", { count: question.answerCount })}
                </li>
              ))}
          </ul>
        </Panel>
      )}
    </div>
  );
}
