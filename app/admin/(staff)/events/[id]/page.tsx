import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { BulkStatusForm } from "@/components/admin/bulk-status-form";
import { inputClass } from "@/components/ui/field";
import { getEventForStaff } from "@/lib/events/data";
import { localize } from "@/lib/events/schema";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { bulkStatusAction } from "@/lib/registrations/actions";
import { countRegistrations, listRegistrations } from "@/lib/registrations/data";
import { participantCategories } from "@/lib/registrations/rules";
import { categories } from "@/lib/registrations/schema";
import { ORGANIZERS, requireStaff } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

const statuses = ["PENDING", "CONFIRMED", "WAITLISTED", "DECLINED", "CANCELLED"] as const;

const filtersSchema = z.object({
  q: z.string().max(200).optional().catch(undefined),
  status: z.enum(statuses).optional().catch(undefined),
  category: z.enum(categories).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  changed: z.coerce.number().int().optional().catch(undefined),
  skipped: z.coerce.number().int().optional().catch(undefined),
  bulk: z.literal("none").optional().catch(undefined),
});

export default async function EventRegistrationsPage({
  params,
  searchParams,
}: PageProps<"/admin/events/[id]">) {
  await requireStaff(ORGANIZERS);
  const id = z.uuid().safeParse((await params).id);
  const event = id.success ? await getEventForStaff({ id: id.data }) : null;
  if (!event) notFound();
  const raw = await searchParams;
  const filters = filtersSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const page = filters.page ?? 1;
  const [{ total, rows, pages }, counts] = await Promise.all([
    listRegistrations({
      eventId: event.id,
      q: filters.q,
      status: filters.status,
      category: filters.category,
      page,
    }),
    countRegistrations({ eventId: event.id }),
  ]);
  const t = await getTranslations("admin.registrations");
  const ts = await getTranslations("admin.status");
  const tc = await getTranslations("category");
  const locale = (await getLocale()) as Locale;
  const listQuery = new URLSearchParams(
    Object.entries({ q: filters.q, status: filters.status, category: filters.category }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
  const pageHref = (target: number) => `?${new URLSearchParams([...listQuery, ["page", String(target)]])}`;
  const quotas = Object.fromEntries(event.quotas.map((quota) => [quota.category, quota.seats]));

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-stone-600">{localize(event.title, locale)}</p>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <ul className="flex flex-wrap gap-2 text-sm">
          {statuses.map((status) => (
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
        <Link href={`/admin/events/${event.id}/paper`} className="text-sm text-brand-700 underline">
          {(await getTranslations("admin.paper"))("link")}
        </Link>
      </header>

      {filters.changed !== undefined && (
        <p role="status" className="rounded-md border border-brand-600 bg-brand-50 p-3">
          {t("result", { changed: filters.changed, skipped: filters.skipped ?? 0 })}
        </p>
      )}
      {filters.bulk === "none" && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3">
          {t("nothingSelected")}
        </p>
      )}

      <search>
        <form className="flex flex-wrap items-end gap-3">
          <label className="flex-1 space-y-1">
            <span className="text-sm font-medium">{t("search")}</span>
            <input
              name="q"
              type="search"
              defaultValue={filters.q}
              placeholder={t("searchHint")}
              className={inputClass}
            />
          </label>
          <label className="space-y-1">
            <span className="text-sm font-medium">{t("status")}</span>
            <select name="status" defaultValue={filters.status ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {statuses.map((status) => (
                <option key={status} value={status}>
                  {ts(status)}
                </option>
              ))}
            </select>
          </label>
          <label className="space-y-1">
            <span className="text-sm font-medium">{t("category")}</span>
            <select name="category" defaultValue={filters.category ?? ""} className={inputClass}>
              <option value="">{t("all")}</option>
              {categories.map((category) => (
                <option key={category} value={category}>
                  {tc(category)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="submit"
            className="rounded-md border border-stone-300 bg-white px-4 py-2.5 hover:bg-stone-100"
          >
            {t("apply")}
          </button>
        </form>
      </search>

      <p className="text-sm text-stone-700" role="status" data-testid="found">
        {t("found", { count: total })}
      </p>

      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <BulkStatusForm action={bulkStatusAction.bind(null, event.id)} filters={listQuery.toString()}>
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <thead className="bg-stone-100">
                <tr>
                  <th className="p-2">
                    <span className="sr-only">{t("selectAll")}</span>
                  </th>
                  <th className="p-2">{t("number")}</th>
                  <th className="p-2">{t("name")}</th>
                  <th className="p-2">{t("organization")}</th>
                  <th className="p-2">{t("category")}</th>
                  <th className="p-2">{t("status")}</th>
                  <th className="p-2">{t("registeredAt")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const name = [row.lastName, row.firstName, row.patronymic].filter(Boolean).join(" ");
                  return (
                    <tr key={row.id} className="border-t border-stone-200">
                      <td className="p-2">
                        <input
                          type="checkbox"
                          name="ids"
                          value={row.id}
                          aria-label={t("select", { name })}
                          className="size-5 accent-brand-600"
                        />
                      </td>
                      <td className="p-2 tabular-nums">{row.number}</td>
                      <td className="p-2">
                        <Link
                          href={`/admin/registrations/${row.id}`}
                          className="font-medium text-brand-700 underline"
                        >
                          {name}
                        </Link>
                        <span className="block text-stone-600">{row.email}</span>
                      </td>
                      <td className="p-2">
                        {row.organization}
                        <span className="block text-stone-600">{row.position}</span>
                      </td>
                      <td className="p-2">{tc(row.category)}</td>
                      <td className="p-2" data-testid="status">
                        {ts(row.status)}
                      </td>
                      <td className="whitespace-nowrap p-2">
                        {formatDateTime(row.createdAt, { locale, timeZone: event.timeZone })}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </BulkStatusForm>
      )}

      {pages > 1 && (
        <nav className="flex items-center gap-4" aria-label={t("page", { page, pages })}>
          {page > 1 && <Link href={pageHref(page - 1)}>{t("previous")}</Link>}
          <span>{t("page", { page, pages })}</span>
          {page < pages && <Link href={pageHref(page + 1)}>{t("next")}</Link>}
        </nav>
      )}
    </div>
  );
}
