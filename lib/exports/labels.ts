import { createTranslator } from "next-intl";
import type { ExportColumn } from "@/lib/exports/schema";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Locale } from "@/lib/i18n/routing";

// The words of an export in the language of the person exporting: headers,
// statuses, sectors, regions. Read from the messages outside of a request,
// so the writers and their tests need no Next.js.

const messages = { ru, ky, en } as const;

export type ExportLabels = {
  column: (column: ExportColumn) => string;
  status: (code: string) => string;
  category: (code: string) => string;
  region: (code: string) => string;
  gender: (code: string) => string;
  yes: string;
  no: string;
  registrationsSheet: string;
  attendanceSheet: string;
  total: string;
};

export function exportLabels(locale: Locale): ExportLabels {
  const t = createTranslator({ locale, messages: messages[locale] });
  const lookup = (namespace: string) => (code: string) => t(`${namespace}.${code}` as "admin.title");
  return {
    column: (column) => t(`admin.exports.columns.${column}`),
    status: lookup("admin.status"),
    category: lookup("category"),
    region: lookup("region"),
    gender: lookup("gender"),
    yes: t("admin.exports.yes"),
    no: t("admin.exports.no"),
    registrationsSheet: t("admin.exports.registrationsSheet"),
    attendanceSheet: t("admin.exports.attendanceSheet"),
    total: t("admin.exports.total"),
  };
}
