import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { type Column, DataTable } from "@/components/ui/data-table";
import { LabelledSelect } from "@/components/ui/field";
import { FileLinks } from "@/components/ui/file-links";
import { PageHeader } from "@/components/ui/page-header";
import { localize } from "@/lib/events/schema";
import { firstValue } from "@/lib/http/search-params";
import { formatWeekdayDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { requireEventAccess } from "@/lib/staff/require-staff";
import { getEventRegister, type Register } from "@/lib/travel/data";
import { registerTotals, somsInWords, somsText } from "@/lib/travel/rules";
import { registerQuerySchema } from "@/lib/travel/schema";

export const dynamic = "force-dynamic";

type RegisterRow = Register["rows"][number];

/**
 * Organizers: the per-diem and travel register for a day or the whole
 * event, as the PDF prints it; passport numbers only for those who may see
 * contacts.
 */
export default async function EventPerDiemPage({
  params,
  searchParams,
}: PageProps<"/admin/events/[id]/per-diem">) {
  const { id } = await params;
  const { permissions } = await requireEventAccess({ event: id, permission: "event.registrations" });
  const raw = await searchParams;
  const query = registerQuerySchema.safeParse({ day: firstValue(raw.day) });
  const dayId = query.success && query.data.day ? query.data.day : null;
  const found = await getEventRegister({ eventId: id, dayId, passports: permissions.has("event.contacts") });
  if (!found) notFound();
  const { logistics, register } = found;
  const [t, tp, locale] = await Promise.all([
    getTranslations("admin.logistics.register"),
    getTranslations("admin.logistics.pdf"),
    getLocale() as Promise<Locale>,
  ]);
  const totals = registerTotals(register.rows);
  const base = `/admin/events/${logistics.id}/per-diem`;
  const fileQuery = `day=${dayId ?? ""}&lang=${locale}`;
  const amount = "text-right tabular-nums";
  const columns: Column<RegisterRow>[] = [
    { key: "number", header: tp("number"), cell: (_, index) => index + 1, className: "tabular-nums" },
    { key: "name", header: tp("name"), cell: (row) => row.name, rowHeader: true },
    { key: "organization", header: tp("organization"), cell: (row) => row.organization },
    { key: "days", header: tp("days"), cell: (row) => row.days, className: amount },
    { key: "perDiem", header: tp("perDiem"), cell: (row) => somsText(row.perDiem), className: amount },
    { key: "travel", header: tp("travel"), cell: (row) => somsText(row.travel), className: amount },
    { key: "total", header: tp("total"), cell: (row) => somsText(row.total), className: amount },
  ];
  const totalCell = cn("p-2", amount);
  return (
    <div className="space-y-6">
      <PageHeader context={localize(logistics.title, locale)} title={t("heading")}>
        <p className="text-stone-600">{t("intro")}</p>
      </PageHeader>
      <form method="get" action={base} className="grid items-end gap-4 sm:grid-cols-[1fr_auto]">
        <LabelledSelect
          label={t("scope")}
          name="day"
          defaultValue={dayId ?? ""}
          options={[
            ["", t("wholeEvent")],
            ...logistics.days.map(
              (day) =>
                [day.id, formatWeekdayDate(day.startsAt, { locale, timeZone: logistics.timeZone })] as const,
            ),
          ]}
        />
        <Button type="submit" variant="secondary">
          {t("show")}
        </Button>
      </form>
      <FileLinks
        links={[
          permissions.has("event.documents") && { href: `${base}/pdf?${fileQuery}`, label: t("pdf") },
          permissions.has("event.exports") && { href: `${base}/xlsx?${fileQuery}`, label: t("xlsx") },
        ]}
      />
      <DataTable
        testId="per-diem-register"
        columns={[
          ...columns,
          register.withPassports && {
            key: "passport",
            header: tp("passport"),
            cell: (row: RegisterRow) => row.passport,
          },
        ]}
        rows={register.rows}
        rowKey={(row) => row.registrationId}
        empty={t("empty")}
        footer={
          <>
            <td className="p-2" />
            <th scope="row" className="p-2 text-left" colSpan={2}>
              {tp("grandTotal")}
            </th>
            <td className={totalCell}>{totals.days}</td>
            <td className={totalCell}>{somsText(totals.perDiem)}</td>
            <td className={totalCell}>{somsText(totals.travel)}</td>
            <td className={totalCell} data-testid="register-total">
              {somsText(totals.total)}
            </td>
            {register.withPassports && <td className="p-2" />}
          </>
        }
      />
      {register.rows.length > 0 && (
        <p>
          {t("inWords")}: <span lang="ru">{somsInWords(totals.total)}</span>
        </p>
      )}
    </div>
  );
}
