import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { BulkActionsForm } from "@/components/admin/bulk-actions-form";
import { RegistrationFiltersForm } from "@/components/admin/registration-filters";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { StatusBadge } from "@/components/ui/status-badge";
import { getEventForStaff } from "@/lib/events/data";
import { localize } from "@/lib/events/schema";
import { formatDate, formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { getInstruments } from "@/lib/outcomes/data";
import { instrumentKinds } from "@/lib/outcomes/schema";
import { getChoiceQuestions, getEventRegions } from "@/lib/questions/data";
import { regionName } from "@/lib/questions/rules";
import { bulkAction } from "@/lib/registrations/actions";
import { countFound, countRegistrations, listRegistrations } from "@/lib/registrations/data";
import {
  answerFilterChoices,
  filtersQuery,
  pageStartQuery,
  parsePageStart,
  parseRegistrationFilters,
  type RegistrationPageStart,
  registrationStatuses,
} from "@/lib/registrations/filters";
import { fullName } from "@/lib/registrations/names";
import { participantCategories } from "@/lib/registrations/rules";
import { requireEventAccess } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

export default async function EventRegistrationsPage({
  params,
  searchParams,
}: PageProps<"/admin/events/[id]">) {
  const { id } = await params;
  const { permissions } = await requireEventAccess({ event: id, permission: "event.registrations.read" });
  // A viewer reads the list without contact details and acts on nothing
  // (docs/decisions/038-viewer-data-minimization.md): what it may not see is not read.
  const contacts = permissions.has("event.contacts");
  const acts = permissions.has("event.registrations");
  const raw = await searchParams;
  const questions = await getChoiceQuestions({ eventId: id });
  const filters = parseRegistrationFilters(raw, { questions });
  const start = parsePageStart(raw, filters);
  // The list does not wait for its event: an unknown id finds no rows either.
  const [event, { rows, previous, next }, counts, regions, instruments] = await Promise.all([
    getEventForStaff({ id: id }),
    listRegistrations({ eventId: id, filters, start, contacts }),
    countRegistrations({ eventId: id }),
    getEventRegions({ eventId: id }),
    getInstruments({ eventId: id }),
  ]);
  if (!event) notFound();
  const found = await countFound({
    eventId: event.id,
    filters,
    counts,
    onePage: start || next ? undefined : rows.length,
    contacts,
  });
  const t = await getTranslations("admin.registrations");
  const tq = await getTranslations("questions");
  const to = await getTranslations("outcomes");
  const ts = await getTranslations("admin.status");
  const tc = await getTranslations("category");
  const locale = (await getLocale()) as Locale;
  const listQuery = filtersQuery(filters);
  const pageQuery = (at: RegistrationPageStart | undefined) =>
    new URLSearchParams([...listQuery, ...(at ? pageStartQuery(at) : [])]);
  const quotas = Object.fromEntries(event.quotas.map((quota) => [quota.category, quota.seats]));

  const table = (
    <DataTable
      rows={rows}
      rowKey={(row) => row.id}
      empty={t("empty")}
      selection={
        acts ? { all: t("selectAll"), row: (row) => t("select", { name: fullName(row) }) } : undefined
      }
      columns={[
        {
          key: "number",
          header: t("number"),
          className: "tabular-nums",
          testId: "number",
          cell: (row) => row.number,
        },
        {
          key: "name",
          header: t("name"),
          rowHeader: true,
          cell: (row) => (
            <>
              {acts ? (
                // A plain link: fifty of next/link's client components cost the page more than a full navigation saves.
                <a href={`/admin/registrations/${row.id}`} className="font-medium text-brand-700 underline">
                  {fullName(row)}
                </a>
              ) : (
                <span className="font-medium">{fullName(row)}</span>
              )}
              {row.email && <span className="block text-stone-600">{row.email}</span>}
            </>
          ),
        },
        {
          key: "organization",
          header: t("organization"),
          cell: (row) => (
            <>
              {row.organization}
              <span className="block text-stone-600">{row.position}</span>
            </>
          ),
        },
        { key: "category", header: t("category"), cell: (row) => tc(row.category) },
        {
          key: "status",
          header: t("status"),
          testId: "status",
          cell: (row) => <StatusBadge kind="registration" status={row.status} />,
        },
        {
          key: "registeredAt",
          header: t("registeredAt"),
          className: "whitespace-nowrap",
          cell: (row) => formatDateTime(row.createdAt, { locale, timeZone: event.timeZone }),
        },
      ]}
    />
  );

  return (
    <div className="space-y-6">
      <PageHeader context={localize(event.title, locale)} title={t("title")}>
        {permissions.has("event.exports") && (
          <StaffLink
            href={`/admin/events/${event.id}/export?${listQuery}`}
            className="text-sm font-medium text-brand-700 underline"
          >
            {(await getTranslations("admin.exports"))("link")}
          </StaffLink>
        )}
        <ul className="flex flex-wrap gap-2 text-sm">
          {registrationStatuses.map((status) => (
            <li key={status} className="rounded-full bg-white px-3 py-1 ring-1 ring-stone-200">
              {ts(status)}: <strong>{counts.byStatus[status] ?? 0}</strong>
            </li>
          ))}
        </ul>
        <p className="text-sm text-stone-700">
          {t("seats")}:{" "}
          {participantCategories
            .map(
              (category) =>
                `${tc(category)} ${counts.confirmedByCategory[category] ?? 0}/${quotas[category] ?? "—"}`,
            )
            .join(" · ")}{" "}
          · {counts.byStatus.CONFIRMED ?? 0}/{event.capacity}
        </p>
      </PageHeader>

      <RegistrationFiltersForm
        filters={filters}
        contacts={contacts}
        days={event.days.map((day) => ({
          id: day.id,
          label: formatDate(day.startsAt, { locale, timeZone: event.timeZone }),
        }))}
        regions={regions.map((region) => ({
          code: region.code,
          name: regionName(regions, region.code, locale),
        }))}
        answers={answerFilterChoices(questions, {
          locale,
          yes: tq("yes"),
          no: tq("no"),
          archived: t("archivedQuestion"),
        })}
        instruments={instrumentKinds
          .filter((kind) => instruments.some((instrument) => instrument.kind === kind))
          .flatMap((kind): [string, string][] => [
            [`${kind}:done`, t("instrumentDone", { instrument: to(`title.${kind}`) })],
            [`${kind}:not_done`, t("instrumentNotDone", { instrument: to(`title.${kind}`) })],
          ])}
      />

      <p className="text-sm text-stone-700" role="status" data-testid="found">
        {found.more ? t("foundMore", { count: found.count }) : t("found", { count: found.count })}
      </p>

      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : acts ? (
        <BulkActionsForm action={bulkAction.bind(null, event.id)}>{table}</BulkActionsForm>
      ) : (
        table
      )}

      {(previous || next) && (
        <nav className="flex items-center gap-4" aria-label={t("pages")}>
          {previous && <StaffLink href={`?${listQuery}`}>{t("first")}</StaffLink>}
          {previous && <StaffLink href={`?${pageQuery(previous)}`}>{t("previous")}</StaffLink>}
          {next && <StaffLink href={`?${pageQuery(next)}`}>{t("next")}</StaffLink>}
        </nav>
      )}
    </div>
  );
}
