import { createTranslator } from "next-intl";
import { localize } from "@/lib/events/schema";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import { registerFileRoute } from "@/lib/travel/register-route";
import { registerTotals, somsInWords } from "@/lib/travel/rules";
import { listWorkbook, workbookDownload } from "@/lib/travel/workbook";

export const dynamic = "force-dynamic";

const messages = { ru, ky, en };

/** The accountant's register as an .xlsx: amounts as numbers, the totals, the amount in words in Russian. */
export const GET = registerFileRoute({
  name: "admin.events.per-diem.xlsx",
  permission: "event.exports",
  respond: async ({ logistics, register }, locale) => {
    const t = createTranslator({ locale, messages: messages[locale], namespace: "admin.logistics.pdf" });
    const passports = register.withPassports;
    const totals = registerTotals(register.rows);
    const file = await listWorkbook([
      {
        name: t("registerTitle"),
        title: `${t("registerTitle")} — ${localize(logistics.title, locale)}`,
        head: [
          t("number"),
          t("name"),
          t("organization"),
          t("days"),
          t("perDiem"),
          t("travel"),
          t("total"),
          ...(passports ? [t("passport")] : []),
        ],
        rows: [
          ...register.rows.map((row, index) => [
            index + 1,
            row.name,
            row.organization,
            row.days,
            row.perDiem,
            row.travel,
            row.total,
            ...(passports ? [row.passport ?? ""] : []),
          ]),
        ],
        total: [null, t("grandTotal"), null, totals.days, totals.perDiem, totals.travel, totals.total],
        footer: `Итого: ${somsInWords(totals.total)}`,
        widths: [6, 36, 36, 8, 12, 12, 12, 18],
      },
    ]);
    return workbookDownload(file, { slug: logistics.slug, timeZone: logistics.timeZone, suffix: "per-diem" });
  },
});
