import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { FreeTextAnswers } from "@/components/statistics/free-text-answers";
import { OutcomesTable } from "@/components/statistics/outcomes-table";
import { FiguresTable, StatisticsSection } from "@/components/statistics/statistics-section";
import { TextFiguresTable } from "@/components/statistics/text-figures-table";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { StaffLink } from "@/components/ui/staff-link";
import { localize } from "@/lib/events/schema";
import { getEventForExport } from "@/lib/exports/data";
import type { Locale } from "@/lib/i18n/routing";
import { getOutcomeParticipants, getResponseSheets } from "@/lib/outcomes/data";
import { eventOutcomes, type GroupOutcome, logframeIndicators, satisfaction } from "@/lib/outcomes/rules";
import { categories, genders } from "@/lib/registrations/schema";
import { requireEventAccess } from "@/lib/staff/require-staff";
import { getAnswerStatistics, getEventStatistics } from "@/lib/statistics/data";
import { statisticsLabels } from "@/lib/statistics/labels";
import {
  answerTables,
  budgetTables,
  freeTextAnswers,
  indicatorHead,
  indicatorRows,
  indicatorText,
  outcomeChartTables,
  statisticsTables,
} from "@/lib/statistics/tables";
import { getEventBudget } from "@/lib/travel/data";

export const dynamic = "force-dynamic";

export default async function StatisticsPage({ params }: PageProps<"/admin/events/[id]/statistics">) {
  const { id } = await params;
  const { permissions } = await requireEventAccess({ event: id, permission: "event.statistics" });
  // Free text may name its author: only for those who see the participants' contacts
  // (docs/decisions/043-outcome-reports.md), and not read for anyone else.
  const personal = permissions.has("event.contacts");
  const event = await getEventForExport({ id });
  if (!event) notFound();
  const [statistics, answers, outcomeData, budget, responseSheets] = await Promise.all([
    getEventStatistics({ eventId: event.id }),
    getAnswerStatistics({ eventId: event.id }),
    getOutcomeParticipants({ eventId: event.id }),
    getEventBudget({ eventId: event.id }),
    personal ? getResponseSheets({ eventId: event.id, personal }) : [],
  ]);
  const t = await getTranslations("admin.statistics");
  const locale = (await getLocale()) as Locale;
  const labels = await statisticsLabels();
  const tables = statisticsTables(statistics, labels);
  const questionTables = answerTables(answers, labels);
  const budgetSection = budget && budgetTables(budget, labels);
  const year = event.days[0]?.date.getUTCFullYear();
  const to = await getTranslations("admin.statistics.outcomes");
  const outcomes = eventOutcomes(outcomeData.people, outcomeData.threshold);
  const anonymous = outcomeData.anonymousRatings && satisfaction(outcomeData.anonymousRatings);
  const indicators = indicatorRows(
    logframeIndicators(outcomes, outcomeData.anonymousRatings),
    labels,
    (indicator, figure) => indicatorText(indicator, figure, locale),
  );
  const outcomeCharts = outcomeChartTables(
    { outcomes, people: outcomeData.people, anonymousRatings: outcomeData.anonymousRatings },
    labels,
  ).filter((table) => table.rows.some((row) => row.values.some((value) => value)));
  const freeText = freeTextAnswers(responseSheets);
  const answeredAny = outcomeData.people.some((person) => person.pre || person.post || person.gaveFeedback);
  const counted = (entries: [string, GroupOutcome | undefined][]) =>
    entries.flatMap(([name, outcome]) => (outcome && outcome.participants > 0 ? [{ name, outcome }] : []));
  const outcomeSplits = [
    {
      id: "outcomes-by-sector",
      title: to("bySector"),
      rows: counted(categories.map((key) => [labels.category(key), outcomes.bySector[key]])),
    },
    {
      id: "outcomes-by-gender",
      title: to("byGender"),
      rows: counted(genders.map((key) => [labels.gender(key), outcomes.byGender[key]])),
    },
    {
      id: "outcomes-by-sector-gender",
      title: to("bySectorGender"),
      rows: counted(
        categories.flatMap((category) =>
          genders.map((gender): [string, GroupOutcome | undefined] => [
            `${labels.category(category)} · ${labels.gender(gender)}`,
            outcomes.bySectorGender[`${category}:${gender}`],
          ]),
        ),
      ),
    },
  ];
  const outcomeLabels = {
    group: to("group"),
    participants: to("participants"),
    preAnswered: to("preAnswered"),
    postAnswered: to("postAnswered"),
    averagePre: to("averagePre"),
    averagePost: to("averagePost"),
    averageGain: to("averageGain"),
    improved: to("improved"),
    satisfied: to("satisfied"),
    total: t("total"),
  };

  return (
    <div className="space-y-6">
      <PageHeader
        context={localize(event.title, locale)}
        contextHref={`/admin/events/${event.id}`}
        title={t("title")}
      >
        <p className="flex flex-wrap items-center gap-4">
          <a href={`/admin/events/${event.id}/statistics/file`} className={buttonClass("secondary")}>
            {t("download")}
          </a>
          {year && (
            <StaffLink href={`/admin/statistics?year=${year}`} className="text-brand-700 underline">
              {t("yearly")}
            </StaffLink>
          )}
        </p>
      </PageHeader>
      {statistics.totals.registered === 0 && <p>{t("noData")}</p>}
      {statistics.noShow ? (
        <p>
          {t("noShow")}: <strong>{Math.round(statistics.noShow.rate * 1000) / 10}%</strong> —{" "}
          {t("noShowExplain", { noShows: statistics.noShow.noShows, confirmed: statistics.noShow.confirmed })}
        </p>
      ) : (
        <p>{t("noShowNotYet")}</p>
      )}
      <div className="grid gap-6 xl:grid-cols-2">
        {tables.map((table) => (
          <StatisticsSection key={table.id} table={table} />
        ))}
      </div>
      {questionTables.length > 0 && (
        <Panel id="answers-title" title={t("answersTitle")} className="space-y-4">
          <div className="grid gap-6 xl:grid-cols-2">
            {questionTables.map(({ answers: table, bySector }) => (
              <StatisticsSection key={table.id} table={table} heading="h3">
                {/* Closed at first: four rows per answer would bury the next question on a phone. */}
                <details className="space-y-2">
                  <summary className="cursor-pointer font-medium text-brand-700" id={`${bySector.id}-title`}>
                    {t("breakdown")}
                  </summary>
                  <FiguresTable table={bySector} labelledBy={`${bySector.id}-title`} />
                </details>
              </StatisticsSection>
            ))}
          </div>
        </Panel>
      )}
      {answeredAny && (
        <Panel
          id="outcomes-title"
          title={to("title")}
          hint={to("note", { threshold: outcomeData.threshold })}
          className="space-y-4"
          testId="outcomes"
        >
          <p>
            <a href={`/admin/events/${event.id}/statistics/summary`} className={buttonClass("secondary")}>
              {to("pdf.link")}
            </a>
          </p>
          {anonymous && anonymous.percent !== null && (
            <p>
              {to("anonymousSatisfied", {
                percent: Math.round(anonymous.percent),
                count: anonymous.count,
                of: anonymous.of,
              })}
            </p>
          )}
          <TextFiguresTable
            id="indicators"
            title={to("indicatorsTitle")}
            note={to("indicatorsNote")}
            head={indicatorHead(labels)}
            rows={indicators}
          />
          <div className="grid gap-6 xl:grid-cols-2">
            {outcomeCharts.map((table) => (
              <StatisticsSection key={table.id} table={table} heading="h3" />
            ))}
          </div>
          {outcomeSplits.map((split) => (
            <OutcomesTable
              key={split.id}
              id={split.id}
              title={split.title}
              rows={split.rows}
              total={outcomes.all}
              labels={outcomeLabels}
              locale={locale}
            />
          ))}
          {freeText.length > 0 && <FreeTextAnswers listed={freeText} />}
          {!personal && <p className="text-sm text-stone-600">{to("freeText.hidden")}</p>}
        </Panel>
      )}
      {budgetSection && (
        <Panel id="budget-title" title={t("budget.title")} className="space-y-4" testId="budget">
          <div className="grid gap-6">
            {budgetSection.map((table) => (
              <StatisticsSection key={table.id} table={table} heading="h3" />
            ))}
          </div>
        </Panel>
      )}
    </div>
  );
}
