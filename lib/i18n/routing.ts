import { defineRouting } from "next-intl/routing";
import { z } from "zod";

export const locales = ["ru", "ky", "en"] as const;
export type Locale = (typeof locales)[number];
/** A language named by a request (a bound argument, a query value). */
export const localeSchema = z.enum(locales);

export const routing = defineRouting({
  locales,
  defaultLocale: "ru",
  // Russian at /, Kyrgyz at /ky, English at /en.
  localePrefix: "as-needed",
  // The address decides the language, not the browser: a shared link opens
  // in the language it was shared in.
  localeDetection: false,
});

export function isLocale(value: string): value is Locale {
  return (locales as readonly string[]).includes(value);
}
