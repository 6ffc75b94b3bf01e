import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field, inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { StaffLink } from "@/components/ui/staff-link";
import { saveCertificateSettingsAction, sendCertificatesAction } from "@/lib/certificates/actions";
import { formatCertificateCode } from "@/lib/certificates/codes";
import { getCertificateOverview } from "@/lib/certificates/data";
import { localize } from "@/lib/events/schema";
import { formatDate, formatDateTime } from "@/lib/i18n/dates";
import { type Locale, locales } from "@/lib/i18n/routing";
import { fullName } from "@/lib/registrations/names";
import { listSheetDays } from "@/lib/signature-sheets/data";
import { extraSheetColumns, MAX_BLANK_ROWS } from "@/lib/signature-sheets/schema";
import { requireStaffEvent } from "@/lib/staff/require-staff";

export const dynamic = "force-dynamic";

const languageNames = { ru: "Русский", ky: "Кыргызча", en: "English" } as const;

/** Organizers: the event's paper — the day's signature sheet, and certificates of attendance. */
export default async function EventPaperPage({ params }: PageProps<"/admin/events/[id]/paper">) {
  const { id } = await params;
  const { event } = await requireStaffEvent({ id, permission: "event.documents" });
  const [days, overview] = await Promise.all([
    listSheetDays({ eventId: event.id }),
    getCertificateOverview({ eventId: event.id }),
  ]);
  if (!overview) notFound();
  const t = await getTranslations("admin.paper");
  const locale = (await getLocale()) as Locale;
  const zone = { locale, timeZone: event.timeZone };
  // What a certificate may wait for: the event's post-test and survey (and one ticked before, so it can be unticked).
  const requirable = [
    {
      name: "requiresPostTest",
      has: overview.instruments.includes("POST_TEST"),
      checked: overview.certificateRequiresPostTest,
    },
    {
      name: "requiresFeedback",
      has: overview.instruments.includes("FEEDBACK"),
      checked: overview.certificateRequiresFeedback,
    },
  ].filter((item) => item.has || item.checked);

  return (
    <div className="max-w-3xl space-y-8">
      <PageHeader
        context={localize(event.title, locale)}
        contextHref={`/admin/events/${event.id}`}
        title={t("title")}
      />

      <Panel id="sheet" title={t("sheet.title")} hint={t("sheet.hint")} boxed className="space-y-4">
        {days.length === 0 ? (
          <p>{t("sheet.noDays")}</p>
        ) : (
          <form
            method="get"
            action={`/admin/events/${event.id}/paper/signature-sheet`}
            className="grid gap-4 sm:grid-cols-2"
          >
            <Field id="day" label={t("sheet.day")}>
              {(control) => (
                <select {...control} name="day" className={inputClass}>
                  {days.map((day, index) => (
                    <option key={day.id} value={day.id}>
                      {t("sheet.dayOption", {
                        number: index + 1,
                        date: formatDate(day.startsAt, zone),
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="blank" label={t("sheet.blank")} hint={t("sheet.blankHint")}>
              {(control) => (
                <input
                  {...control}
                  name="blank"
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={MAX_BLANK_ROWS}
                  defaultValue={5}
                  required
                  className={inputClass}
                />
              )}
            </Field>
            <Field id="lang" label={t("sheet.language")}>
              {(control) => (
                <select {...control} name="lang" defaultValue={locale} className={inputClass}>
                  {locales.map((language) => (
                    <option key={language} value={language} lang={language}>
                      {languageNames[language]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset className="space-y-1 sm:col-span-2" aria-describedby="columns-hint">
              <legend className="font-medium">{t("sheet.columns")}</legend>
              <p id="columns-hint" className="text-sm text-stone-600">
                {t("sheet.columnsHint")}
              </p>
              <div className="flex flex-wrap gap-x-5 gap-y-2">
                {extraSheetColumns.map((column) => (
                  <label key={column} className="flex min-h-11 items-center gap-2">
                    <input type="checkbox" name="columns" value={column} className="size-5" />
                    {t(`sheet.${column}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="sm:col-span-2">
              <Button type="submit">{t("sheet.download")}</Button>
            </div>
          </form>
        )}
      </Panel>

      <Panel id="handout-title" title={t("handout.title")} hint={t("handout.hint")} boxed>
        {overview.instruments.length > 0 ? (
          <ul className="flex flex-wrap gap-3">
            {(Object.keys(languageNames) as Locale[]).map((language) => (
              <li key={language}>
                <a
                  href={`/admin/events/${event.id}/paper/outcomes-handout?lang=${language}`}
                  className="text-brand-700 underline"
                >
                  {t("handout.download", { language: languageNames[language] })}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("handout.noInstruments")}</p>
        )}
      </Panel>

      <Panel
        id="certificates-title"
        title={t("certificates.title")}
        hint={t("certificates.hint")}
        boxed
        className="space-y-4"
      >
        <ActionForm
          action={saveCertificateSettingsAction.bind(null, event.id)}
          className="grid gap-4 sm:grid-cols-2"
        >
          <Field id="minDays" label={t("certificates.minDays")}>
            {(control) => (
              <select
                {...control}
                name="minDays"
                defaultValue={overview.certificateMinDays ?? ""}
                className={inputClass}
              >
                <option value="">{t("certificates.none")}</option>
                {days.map((day, index) => (
                  <option key={day.id} value={index + 1}>
                    {t("certificates.minDaysOption", { count: index + 1, total: days.length })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="hours" label={t("certificates.hours")} hint={t("certificates.hoursHint")}>
            {(control) => (
              <input
                {...control}
                name="hours"
                type="number"
                inputMode="numeric"
                min={1}
                max={1000}
                defaultValue={overview.certificateHours ?? ""}
                className={inputClass}
              />
            )}
          </Field>
          {requirable.length > 0 && (
            <fieldset className="space-y-1 sm:col-span-2">
              <legend className="font-medium">{t("certificates.requires")}</legend>
              {requirable.map(({ name, checked }) => (
                <label key={name} className="flex min-h-11 items-center gap-2">
                  <input type="checkbox" name={name} defaultChecked={checked} className="size-5" />
                  {t(`certificates.${name}`)}
                </label>
              ))}
            </fieldset>
          )}
          <div className="sm:col-span-2">
            <Button type="submit" variant="secondary">
              {t("certificates.save")}
            </Button>
          </div>
        </ActionForm>

        {overview.certificateMinDays !== null && !overview.ended && overview.lastDayEndsAt && (
          <p className="border-t border-stone-200 pt-4" data-testid="certificates-not-ended">
            {t("certificates.notEnded", { date: formatDateTime(overview.lastDayEndsAt, zone) })}
          </p>
        )}
        {overview.certificateMinDays !== null && overview.ended && (
          <div className="space-y-4 border-t border-stone-200 pt-4">
            <p data-testid="certificate-holders">
              {t("certificates.eligible", {
                eligible: overview.holders.length,
                confirmed: overview.confirmed,
              })}
            </p>
            {overview.missing.skipped > 0 && (
              <p data-testid="certificates-missing">{t("certificates.missing", overview.missing)}</p>
            )}
            {overview.holders.length > 0 && (
              <>
                <ActionForm action={sendCertificatesAction.bind(null, event.id)} className="space-y-2">
                  <p className="text-sm text-stone-600">{t("certificates.sendHint")}</p>
                  <Button type="submit">{t("certificates.send")}</Button>
                </ActionForm>
                <DataTable
                  rows={overview.holders}
                  rowKey={(holder) => holder.id}
                  empty={null}
                  columns={[
                    {
                      key: "name",
                      header: t("certificates.name"),
                      rowHeader: true,
                      cell: (holder) => (
                        <StaffLink
                          href={`/admin/registrations/${holder.id}`}
                          className="text-brand-700 underline"
                        >
                          {fullName(holder)}
                        </StaffLink>
                      ),
                    },
                    {
                      key: "days",
                      header: t("certificates.daysAttended"),
                      cell: (holder) => holder.daysAttended,
                      className: "tabular-nums",
                    },
                    {
                      key: "code",
                      header: t("certificates.code"),
                      cell: (holder) =>
                        holder.certificate ? (
                          formatCertificateCode(holder.certificate.code)
                        ) : (
                          <span className="font-sans text-stone-500">{t("certificates.notIssued")}</span>
                        ),
                      className: "whitespace-nowrap font-mono",
                      headerClassName: "font-sans",
                    },
                  ]}
                />
              </>
            )}
          </div>
        )}
      </Panel>
    </div>
  );
}
