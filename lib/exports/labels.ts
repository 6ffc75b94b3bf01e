import { createTranslator } from "next-intl";
import type { ExportQuestion } from "@/lib/exports/cells";
import type { ExportColumn } from "@/lib/exports/schema";
import en from "@/lib/i18n/messages/en.json";
import ky from "@/lib/i18n/messages/ky.json";
import ru from "@/lib/i18n/messages/ru.json";
import type { Locale } from "@/lib/i18n/routing";
import { regionName } from "@/lib/questions/rules";
import type { RegionDefinition } from "@/lib/questions/schema";

// The words of an export in the language of the person exporting: headers,
// statuses, sectors, the event's own region names, the questions and their options. Read from the messages outside of a request,
// so the writers and their tests need no Next.js.

const messages = { ru, ky, en } as const;

export type ExportLabels = {
  locale: Locale;
  column: (column: ExportColumn) => string;
  /** A question's header: its label, and whether it is archived. */
  question: (question: ExportQuestion) => string;
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

export function exportLabels(locale: Locale, regions: readonly RegionDefinition[]): ExportLabels {
  const t = createTranslator({ locale, messages: messages[locale] });
  // Each code translated once: an export asks for the same few codes on every row.
  const lookup = (namespace: string) => {
    const translated = new Map<string, string>();
    return (code: string) => {
      let text = translated.get(code);
      if (text === undefined) {
        text = t(`${namespace}.${code}` as "admin.title");
        translated.set(code, text);
      }
      return text;
    };
  };
  return {
    locale,
    column: (column) => t(`admin.exports.columns.${column}`),
    question: (question) => {
      const label = question.label[locale] || question.label.ru;
      return question.archived ? t("admin.exports.archivedQuestion", { label }) : label;
    },
    status: lookup("admin.status"),
    category: lookup("category"),
    region: (code) => regionName(regions, code, locale),
    gender: lookup("gender"),
    yes: t("admin.exports.yes"),
    no: t("admin.exports.no"),
    registrationsSheet: t("admin.exports.registrationsSheet"),
    attendanceSheet: t("admin.exports.attendanceSheet"),
    total: t("admin.exports.total"),
  };
}
