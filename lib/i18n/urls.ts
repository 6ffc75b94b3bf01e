import "server-only";
import { appUrl } from "@/lib/env";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";

/** A page's full address in a language, for letters, calendars and the API. */
export function absoluteUrl({ href, locale }: { href: string; locale: Locale }): string {
  return `${appUrl()}${getPathname({ href, locale })}`;
}
