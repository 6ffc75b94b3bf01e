import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { StatisticsLabels } from "@/lib/statistics/tables";

/** The words of the statistics in the staff member's language. */
export async function statisticsLabels(): Promise<StatisticsLabels> {
  const [t, category, gender, questions, locale] = await Promise.all([
    getTranslations("admin.statistics"),
    getTranslations("category"),
    getTranslations("gender"),
    getTranslations("questions"),
    getLocale(),
  ]);
  return {
    t: (key, values) => t(key as "title", values),
    category: (key) => category(key as "OTHER"),
    gender: (key) => gender(key as "FEMALE"),
    yesNo: (key) => questions(key as "yes"),
    locale: locale as Locale,
  };
}
