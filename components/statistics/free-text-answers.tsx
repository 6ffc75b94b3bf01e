import { getLocale, getTranslations } from "next-intl/server";
import { localize } from "@/lib/events/schema";
import type { Locale } from "@/lib/i18n/routing";
import type { freeTextAnswers } from "@/lib/statistics/tables";

/**
 * The answers participants gave in their own words, question by question,
 * each with its author's name where the sheet names them (never in an
 * anonymous survey). Rendered as text: React escapes whatever they wrote.
 */
export async function FreeTextAnswers({ listed }: { listed: ReturnType<typeof freeTextAnswers> }) {
  const t = await getTranslations("admin.statistics.outcomes.freeText");
  const to = await getTranslations("outcomes");
  const locale = (await getLocale()) as Locale;
  return (
    <section aria-labelledby="free-text-title" className="space-y-3" data-testid="free-text">
      <h3 id="free-text-title" className="text-lg font-semibold">
        {t("title")}
      </h3>
      {listed.map(({ kind, anonymous, question, answers }) => (
        <section
          key={question.id}
          aria-labelledby={`free-text-${question.id}`}
          className="space-y-2 rounded-lg border border-stone-200 bg-white p-3 sm:p-4"
        >
          <h4 id={`free-text-${question.id}`} className="font-semibold">
            {localize(question.label, locale)}
          </h4>
          <p className="text-sm text-stone-600">
            {to(`title.${kind}`)} · {t("count", { count: answers.length })}
            {anonymous && ` · ${t("anonymous")}`}
          </p>
          <ul className="space-y-2">
            {answers.map((answer) => (
              <li key={answer.key} className="border-l-4 border-stone-200 pl-3">
                <p className="whitespace-pre-line break-words">{answer.text}</p>
                {answer.name && <p className="text-sm text-stone-600">{answer.name}</p>}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
