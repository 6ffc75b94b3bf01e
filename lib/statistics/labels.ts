import "server-only";
import { getTranslations } from "next-intl/server";
import type { StatisticsLabels } from "@/lib/statistics/tables";

/** The words of the statistics in the staff member's language. */
export async function statisticsLabels(): Promise<StatisticsLabels> {
  const [t, category, gender, region] = await Promise.all([
    getTranslations("admin.statistics"),
    getTranslations("category"),
    getTranslations("gender"),
    getTranslations("region"),
  ]);
  return {
    t: (key) => t(key as "title"),
    category: (key) => category(key as "OTHER"),
    gender: (key) => gender(key as "FEMALE"),
    region: (key) => region(key as "NARYN"),
  };
}
