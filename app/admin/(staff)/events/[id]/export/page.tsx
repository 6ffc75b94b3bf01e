import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ExportForm } from "@/components/exports/export-form";
import { PageHeader } from "@/components/ui/page-header";
import { localize } from "@/lib/events/schema";
import { countExportRows, getEventForExport, getExportPreferences } from "@/lib/exports/data";
import { exportLabels } from "@/lib/exports/labels";
import { exportColumns } from "@/lib/exports/schema";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { getChoiceQuestions, getEventRegions } from "@/lib/questions/data";
import { regionName } from "@/lib/questions/rules";
import { answerFilterChoices, filtersQuery, parseRegistrationFilters } from "@/lib/registrations/filters";
import { requireEventAccess } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function ExportPage({ params, searchParams }: PageProps<"/admin/events/[id]/export">) {
  const { id } = await params;
  const { staff } = await requireEventAccess({ event: id, permission: "event.exports" });
  const event = await getEventForExport({ id });
  if (!event) notFound();
  const questions = await getChoiceQuestions({ eventId: event.id });
  const filters = parseRegistrationFilters(await searchParams, { questions });
  const [total, preferences, regions] = await Promise.all([
    countExportRows({ eventId: event.id, filters }),
    getExportPreferences({ staffId: staff.id, questionIds: event.questions.map((question) => question.id) }),
    getEventRegions({ eventId: event.id }),
  ]);
  const t = await getTranslations("admin.exports");
  const tl = await getTranslations("admin.registrations");
  const ts = await getTranslations("admin.status");
  const tc = await getTranslations("category");
  const tg = await getTranslations("gender");
  const locale = (await getLocale()) as Locale;
  const labels = exportLabels(locale, regions);
  const query = filtersQuery(filters);
  const day = event.days.find((candidate) => candidate.id === filters.day);
  const tq = await getTranslations("questions");
  const answer = answerFilterChoices(questions, {
    locale,
    yes: tq("yes"),
    no: tq("no"),
    archived: tl("archivedQuestion"),
  }).flatMap((group) =>
    group.choices
      .filter((choice) => choice.value === filters.answer)
      .map((choice) => `${group.question}: ${choice.label}`),
  )[0];
  // Day columns hold calendar dates (midnight UTC).
  const applied = [
    filters.q && `${tl("search")}: «${filters.q}»`,
    filters.status && `${tl("status")}: ${ts(filters.status)}`,
    filters.category && `${tl("category")}: ${tc(filters.category)}`,
    filters.region && `${tl("region")}: ${regionName(regions, filters.region, locale)}`,
    filters.gender && `${tl("gender")}: ${tg(filters.gender)}`,
    day && `${tl("attended")}: ${formatDate(day.date, { locale, timeZone: "UTC" })}`,
    answer,
  ].filter(Boolean);

  return (
    <div className="max-w-3xl space-y-6">
      {/* The event's title leads back to its list, filtered as it was. */}
      <PageHeader
        context={localize(event.title, locale)}
        contextHref={`/admin/events/${event.id}?${query}`}
        title={t("title")}
      />
      <section className="space-y-1 rounded-lg border border-stone-200 bg-white p-4">
        <p>
          <span className="font-medium">{t("filters")}:</span>{" "}
          {applied.length === 0 ? t("noFilters") : applied.join(" · ")}
        </p>
        <p data-testid="export-rows">{t("rows", { count: total })}</p>
      </section>
      <ExportForm
        action={`/admin/events/${event.id}/export/file`}
        filters={query.toString()}
        initial={preferences}
        columns={exportColumns.map((column) => ({
          key: column,
          label: t(`columns.${column}`),
          chosen: preferences.columns.includes(column),
        }))}
        questionColumns={event.questions.map((question) => ({
          key: question.id,
          label: labels.question(question),
          chosen: preferences.questionIds.includes(question.id),
        }))}
        total={total}
      />
    </div>
  );
}
