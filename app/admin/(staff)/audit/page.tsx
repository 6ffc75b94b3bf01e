import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { z } from "zod";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
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
          <label className="space-y-1 lg:col-span-2">
            <span className="block text-sm font-medium">{t("action")}</span>
            <select name="action" defaultValue={filters.action ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {choices.actions.map((action) => (
                <option key={action} value={action}>
                  {words.action(action) ?? action}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block text-sm font-medium">{t("actor")}</span>
            <select name="actor" defaultValue={filters.actor ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {choices.staff.map((staff) => (
                <option key={staff.id} value={staff.id}>
                  {staff.email}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1">
            <span className="block text-sm font-medium">{t("event")}</span>
            <select name="event" defaultValue={filters.event ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {choices.events.map((event) => (
                <option key={event.id} value={event.id}>
                  {event.slug}
                </option>
              ))}
            </select>
          </label>
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

      {entries.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        // On a phone each entry is a card, read top to bottom: five columns side by side did not fit.
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm max-sm:block">
            <thead className="bg-stone-100 max-sm:sr-only">
              <tr>
                <th className="p-2">{t("at")}</th>
                <th className="p-2">{t("actor")}</th>
                <th className="p-2">{t("action")}</th>
                <th className="p-2">{t("subject")}</th>
                <th className="p-2">{t("details")}</th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {entries.map((entry) => {
                const { action, subject, details } = describeAuditEntry(entry, names, words);
                return (
                  <tr
                    key={String(entry.id)}
                    className="border-t border-stone-200 align-top max-sm:block max-sm:py-2"
                    data-testid="audit-entry"
                  >
                    <td className="whitespace-nowrap p-2 max-sm:block max-sm:py-0 max-sm:text-stone-600">
                      {formatDateTime(entry.at, { locale, timeZone: STAFF_TIME_ZONE })}
                    </td>
                    <td className="p-2 max-sm:block max-sm:py-0 max-sm:text-stone-600">
                      {entry.actor?.email ?? ta(entry.actorType)}
                    </td>
                    <td className="p-2 font-medium max-sm:block max-sm:py-1">{action}</td>
                    <td className="p-2 max-sm:block max-sm:py-1">
                      {subject && (
                        <>
                          <span className="block text-xs text-stone-600">{subject.label}</span>
                          {subject.href ? (
                            <Link href={subject.href} className="text-brand-700 underline">
                              {subject.text}
                            </Link>
                          ) : (
                            subject.text
                          )}
                        </>
                      )}
                    </td>
                    <td className="p-2 max-sm:block max-sm:py-1">
                      {details.length > 0 && (
                        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
                          {details.map((line) => (
                            <Fragment key={line.label}>
                              <dt className="text-stone-600">{line.label}</dt>
                              <dd className="break-words sm:min-w-40">
                                {line.href ? (
                                  <Link href={line.href} className="text-brand-700 underline">
                                    {line.text}
                                  </Link>
                                ) : (
                                  line.text
                                )}
                              </dd>
                            </Fragment>
                          ))}
                        </dl>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {more && (
        <Link href={`?${nextQuery}`} className="inline-block text-brand-700 underline">
          {t("older")}
        </Link>
      )}
    </div>
  );
}
