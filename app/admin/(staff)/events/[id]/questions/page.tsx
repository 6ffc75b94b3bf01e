import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { QuestionsEditor } from "@/components/admin/questions-editor";
import { getEventForStaff } from "@/lib/events/data";
import { saveQuestionsAction } from "@/lib/questions/actions";
import { getQuestionsForEditor } from "@/lib/questions/data";
import { ORGANIZERS, requireStaff } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function EventQuestionsPage({ params }: PageProps<"/admin/events/[id]/questions">) {
  await requireStaff(ORGANIZERS);
  const id = z.uuid().safeParse((await params).id);
  const event = id.success ? await getEventForStaff({ id: id.data }) : null;
  if (!event) notFound();
  const t = await getTranslations("admin.questions");
  const questions = await getQuestionsForEditor({ eventId: event.id });
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-stone-600">{t("intro")}</p>
      </header>
      <QuestionsEditor
        action={saveQuestionsAction.bind(null, event.id)}
        questions={questions.filter((question) => question.archivedAt === null)}
      />
      {questions.some((question) => question.archivedAt !== null) && (
        <section aria-labelledby="archived" className="space-y-2">
          <h2 id="archived" className="text-lg font-semibold">
            {t("archived")}
          </h2>
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {questions
              .filter((question) => question.archivedAt !== null)
              .map((question) => (
                <li key={question.id}>
                  {question.label.ru} — {t("answerCount", { count: question.answerCount })}
                </li>
              ))}
          </ul>
        </section>
      )}
    </div>
  );
}
