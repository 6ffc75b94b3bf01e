import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { EventDetails } from "@/components/events/event-details";
import { appUrl } from "@/lib/env";
import { getPublicEvent } from "@/lib/events/data";
import { eventSlugSchema, localize } from "@/lib/events/schema";
import { listHandouts } from "@/lib/handouts/data";
import type { Locale } from "@/lib/i18n/routing";
import { absoluteUrl } from "@/lib/i18n/urls";
import { listEventImages } from "@/lib/images/data";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "@/lib/images/preview";
import { getProgrammeSessions } from "@/lib/programme/data";

// Rendered once and served from the cache, then rendered again in the
// background at most every few seconds: the seats left shown here lag a
// registration by that much (docs/performance.md, event page). The same
// window is this page's Cache-Control for nginx and CDNs (next.config.ts).
export const revalidate = 3;

export function generateStaticParams() {
  return [];
}

// A slug that cannot be one names no event: it never reaches the database.
const loadEvent = cache((slug: string) =>
  eventSlugSchema.safeParse(slug).success ? getPublicEvent({ slug }) : null,
);

export async function generateMetadata({ params }: PageProps<"/[locale]/events/[slug]">): Promise<Metadata> {
  const { locale, slug } = await params;
  const event = await loadEvent(slug);
  if (!event) return {};
  const title = localize(event.title, locale as Locale);
  const description = localize(event.summary, locale as Locale);
  // What Telegram, WhatsApp and Facebook show under a shared link: absolute
  // addresses, the picture drawn per event and language.
  const image = {
    url: `${appUrl()}/api/events/${slug}/preview.png?lang=${locale}`,
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    type: "image/png",
    alt: title,
  };
  return {
    title,
    description,
    openGraph: {
      title,
      description,
      type: "website",
      locale,
      siteName: "Kattoo",
      url: absoluteUrl({ href: `/events/${slug}`, locale: locale as Locale }),
      images: [image],
    },
    twitter: { card: "summary_large_image", title, description, images: [image.url] },
  };
}

export default async function EventPage({ params }: PageProps<"/[locale]/events/[slug]">) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const event = await loadEvent(slug);
  if (!event) notFound();
  const [t, images, sessions, handouts] = await Promise.all([
    getTranslations("event"),
    listEventImages({ eventId: event.id }),
    getProgrammeSessions({ eventId: event.id }),
    listHandouts({ eventId: event.id, visibilities: ["PUBLIC"] }),
  ]);
  return (
    <>
      {event.isDemo && (
        <p
          role="note"
          className="mb-6 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
        >
          {t("demo")}
        </p>
      )}
      <EventDetails
        event={event}
        images={images}
        locale={locale as Locale}
        sessions={sessions}
        handouts={handouts}
      />
    </>
  );
}
