import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { kindOfPath } from "@/lib/outcomes/schema";

/**
 * An instrument page's metadata, by the participant's link or the room's
 * pass: its title in the page's language, no search engine, and a referrer
 * of "same-origin", which keeps the token or pass in the address from other
 * sites and lets a form posted without JavaScript name its origin.
 */
export async function instrumentMetadata({
  locale,
  instrument,
}: {
  locale: string;
  instrument: string;
}): Promise<Metadata> {
  const kind = kindOfPath(instrument);
  const t = await getTranslations({ locale, namespace: "outcomes" });
  return {
    title: kind ? t(`title.${kind}`) : undefined,
    robots: { index: false, follow: false },
    referrer: "same-origin",
  };
}
