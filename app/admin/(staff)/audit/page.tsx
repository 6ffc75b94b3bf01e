import { getLocale, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { z } from "zod";
import { DataTable } from "@/components/ui/data-table";
import { inputClass, LabelledSelect } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { StaffLink } from "@/components/ui/staff-link";
import { auditFilterChoices, auditSubjects, listAuditLog } from "@/lib/audit/data";
import { describeAuditEntry } from "@/lib/audit/describe";
import { auditWords } from "@/lib/audit/words";
import { addressTextSchema } from "@/lib/entry-points/schema";
import { zonedInstant } from "@/lib/events/rules";
import { formatDateTime, STAFF_TIME_ZONE } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { ALL_STAFF, requireSome, requireStaff, staffEvents } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

const day = z.iso.date().optional().catch(undefined);
const filtersSchema = z.object({
  action: addressTextSchema(100).trim().optional().catch(undefined),
  actor: z.uuid().optional().catch(undefined),
  event: z.uuid().optional().catch(undefined),
  from: day,
  to: day,
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .catch(undefined),
});

/**
 * Admins: every change made through Kattoo, newest first, filterable; an
 * organization's organizers: its events' entries (decision 041). Nothing here can be edited.
 */
export default async function AuditLogPage({ searchParams }: PageProps<"/admin/audit">) {
  const staff = await requireStaff(ALL_STAFF);
  const events = requireSome((await staffEvents(staff)).scope("event.audit"));
  const raw = await searchParams;
  const filters = filtersSchema.parse(
    Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
    ),
  );
  const endOfDay = (date: string) => {
    const start = zonedInstant({ date, time: "00:00", timeZone: STAFF_TIME_ZONE });
    return new Date(start.getTime() + 86_400_000);
  };
  const [{ entries, more }, choices] = await Promise.all([
    listAuditLog({
      events,
      action: filters.action || undefined,
      actorId: filters.actor,
      eventId: filters.event,
      from: filters.from
        ? zonedInstant({ date: filters.from, time: "00:00", timeZone: STAFF_TIME_ZONE })
        : undefined,
      to: filters.to ? endOfDay(filters.to) : undefined,
      before: filters.before ? BigInt(filters.before) : undefined,
    }),
    auditFilterChoices({ events }),
  ]);
  const t = await getTranslations("admin.audit");
  const ta = await getTranslations("admin.registration.actors");
  const locale = (await getLocale()) as Locale;
  const names = await auditSubjects(entries);
  const words = auditWords(locale);
  const rows = entries.map((entry) => ({ entry, ...describeAuditEntry(entry, names, words) }));
  const last = entries.at(-1);
  const nextQuery = new URLSearchParams(
    Object.entries({ ...filters, before: last ? String(last.id) : undefined }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")}>
        <p className="text-stone-700">{t("explain")}</p>
      </PageHeader>
      <search>
        <form className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
          <LabelledSelect
            label={t("action")}
            name="action"
            defaultValue={filters.action ?? ""}
            className="lg:col-span-2"
            options={[
              ["", t("all")],
              ...choices.actions.map((action) => [action, words.action(action) ?? action] as const),
            ]}
          />
          <LabelledSelect
            label={t("actor")}
            name="actor"
            defaultValue={filters.actor ?? ""}
            options={[["", t("all")], ...choices.staff.map((staff) => [staff.id, staff.email] as const)]}
          />
          <LabelledSelect
            label={t("event")}
            name="event"
            defaultValue={filters.event ?? ""}
            options={[["", t("all")], ...choices.events.map((event) => [event.id, event.slug] as const)]}
          />
          <label className="space-y-1">
            <span className="block text-sm font-medium">{t("from")}</span>
            <input type="date" name="from" defaultValue={filters.from} className={inputClass} />
          </label>
          <label className="space-y-1">
            <span className="block text-sm font-medium">{t("to")}</span>
            <input type="date" name="to" defaultValue={filters.to} className={inputClass} />
          </label>
          <button
            type="submit"
            className="rounded-md border border-stone-300 bg-white px-4 py-2.5 hover:bg-stone-100 sm:col-start-2 lg:col-start-6"
          >
            {t("apply")}
          </button>
        </form>
      </search>

      <DataTable
        stacked
        rowTestId="audit-entry"
        rows={rows}
        rowKey={({ entry }) => String(entry.id)}
        empty={t("empty")}
        columns={[
          {
            key: "at",
            header: t("at"),
            className: "whitespace-nowrap max-sm:text-stone-600",
            cell: ({ entry }) => formatDateTime(entry.at, { locale, timeZone: STAFF_TIME_ZONE }),
          },
          {
            key: "actor",
            header: t("actor"),
            className: "max-sm:text-stone-600",
            cell: ({ entry }) => entry.actor?.email ?? ta(entry.actorType),
          },
          {
            key: "action",
            header: t("action"),
            cell: ({ action }) => <span className="font-medium">{action}</span>,
          },
          {
            key: "subject",
            header: t("subject"),
            cell: ({ subject }) =>
              subject && (
                <>
                  <span className="block text-xs text-stone-600">{subject.label}</span>
                  <TextOrLink {...subject} />
                </>
              ),
          },
          {
            key: "details",
            header: t("details"),
            cell: ({ details }) =>
              details.length > 0 && (
                <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                  {details.map((line) => (
                    <Fragment key={line.label}>
                      <dt className="text-stone-600">{line.label}</dt>
                      <dd className="break-words sm:min-w-40">
                        <TextOrLink {...line} />
                      </dd>
                    </Fragment>
                  ))}
                </dl>
              ),
          },
        ]}
      />
      {more && (
        <StaffLink href={`?${nextQuery}`} className="inline-block text-brand-700 underline">
          {t("older")}
        </StaffLink>
      )}
    </div>
  );
}

function TextOrLink({ text, href }: { text: string; href?: string }) {
  return href ? (
    <StaffLink href={href} className="text-brand-700 underline">
      {text}
    </StaffLink>
  ) : (
    text
  );
}
