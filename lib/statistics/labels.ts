import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import type { StatisticsLabels } from "@/lib/statistics/tables";

/** The words of the statistics in the staff member's language. */
export async function statisticsLabels(): Promise<StatisticsLabels> {
  const [t, category, gender, locale] = await Promise.all([
    getTranslations("admin.statistics"),
    getTranslations("category"),
    getTranslations("gender"),
    getLocale(),
  ]);
  const language = isLocale(locale) ? locale : "ru";
  return {
    t: (key) => t(key as "title"),
    category: (key) => category(key as "OTHER"),
    gender: (key) => gender(key as "FEMALE"),
    text: (value) => value[language] || value.ru,
  };
}
