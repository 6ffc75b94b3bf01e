import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { formatWeekdayDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import { requireEventAccess } from "@/lib/staff/require-staff";
import { getLogistics, getRegister } from "@/lib/travel/data";
import { registerTotals, somsInWords, somsText } from "@/lib/travel/rules";
import { registerQuerySchema } from "@/lib/travel/schema";

export const dynamic = "force-dynamic";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

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
  const logistics = await getLogistics({ eventId: id });
  if (!logistics) notFound();
  const raw = await searchParams;
  const query = registerQuerySchema.safeParse({ day: first(raw.day) });
  const dayId = query.success && query.data.day ? query.data.day : null;
  const register = await getRegister({ logistics, dayId, passports: permissions.has("event.contacts") });
  if (!register) notFound();
  const [t, tp, locale] = await Promise.all([
    getTranslations("admin.logistics.register"),
    getTranslations("admin.logistics.pdf"),
    getLocale() as Promise<Locale>,
  ]);
  const totals = registerTotals(register.rows);
  const base = `/admin/events/${logistics.id}/per-diem`;
  const fileQuery = `day=${dayId ?? ""}&lang=${locale}`;
  const cell = "p-2 text-right tabular-nums";
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="text-stone-600">{t("intro")}</p>
      </header>
      <form method="get" action={base} className="grid items-end gap-4 sm:grid-cols-[1fr_auto]">
        <Field id="day" label={t("scope")}>
          {(control) => (
            <select {...control} name="day" defaultValue={dayId ?? ""} className={inputClass}>
              <option value="">{t("wholeEvent")}</option>
              {logistics.days.map((day) => (
                <option key={day.id} value={day.id}>
                  {formatWeekdayDate(day.startsAt, { locale, timeZone: logistics.timeZone })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Button type="submit" variant="secondary" className="mb-6">
          {t("show")}
        </Button>
      </form>
      <p className="flex flex-wrap gap-4">
        {permissions.has("event.documents") && (
          <a href={`${base}/pdf?${fileQuery}`} className="text-brand-700 underline">
            {t("pdf")}
          </a>
        )}
        {permissions.has("event.exports") && (
          <a href={`${base}/xlsx?${fileQuery}`} className="text-brand-700 underline">
            {t("xlsx")}
          </a>
        )}
      </p>
      {register.rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="per-diem-register">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{tp("number")}</th>
                <th className="p-2">{tp("name")}</th>
                <th className="p-2">{tp("organization")}</th>
                <th className="p-2 text-right">{tp("days")}</th>
                <th className="p-2 text-right">{tp("perDiem")}</th>
                <th className="p-2 text-right">{tp("travel")}</th>
                <th className="p-2 text-right">{tp("total")}</th>
                {register.withPassports && <th className="p-2">{tp("passport")}</th>}
              </tr>
            </thead>
            <tbody>
              {register.rows.map((row, index) => (
                <tr key={row.registrationId} className="border-t border-stone-200">
                  <td className="p-2 tabular-nums">{index + 1}</td>
                  <td className="p-2">{row.name}</td>
                  <td className="p-2">{row.organization}</td>
                  <td className={cell}>{row.days}</td>
                  <td className={cell}>{somsText(row.perDiem)}</td>
                  <td className={cell}>{somsText(row.travel)}</td>
                  <td className={cell}>{somsText(row.total)}</td>
                  {register.withPassports && <td className="p-2">{row.passport}</td>}
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t-2 border-stone-300 font-semibold">
              <tr>
                <td className="p-2" />
                <td className="p-2" colSpan={2}>
                  {tp("grandTotal")}
                </td>
                <td className={cell}>{totals.days}</td>
                <td className={cell}>{somsText(totals.perDiem)}</td>
                <td className={cell}>{somsText(totals.travel)}</td>
                <td className={cell} data-testid="register-total">
                  {somsText(totals.total)}
                </td>
                {register.withPassports && <td className="p-2" />}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {register.rows.length > 0 && (
        <p>
          {t("inWords")}: <span lang="ru">{somsInWords(totals.total)}</span>
        </p>
      )}
    </div>
  );
}
