import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import type { PublicEvent } from "@/lib/events/data";
import { localize } from "@/lib/events/schema";
import { formatDateRange } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/routing";
import type { LogoFile } from "@/lib/images/data";

// The picture a messenger shows under a shared link to an event (Open Graph,
// 1200×630): its title, its dates and place, its logos. Drawn by Next's own
// renderer (satori and resvg, inside next/og) with the DejaVu font from
// node_modules, so nothing is fetched and Cyrillic, ң ө ү included, is drawn.

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;

const BRAND = "#0f766e";
const FONT_DIR = path.resolve("node_modules/dejavu-fonts-ttf/ttf");

let fonts: Promise<{ regular: Buffer; bold: Buffer }> | undefined;

function loadFonts() {
  fonts ??= Promise.all([
    readFile(path.join(FONT_DIR, "DejaVuSans.ttf")),
    readFile(path.join(FONT_DIR, "DejaVuSans-Bold.ttf")),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fonts;
}

/** A long title gets a smaller size, so that it fits in four lines. */
function titleSize(title: string): number {
  if (title.length > 100) return 42;
  if (title.length > 70) return 52;
  return 64;
}

/** Logos in the preview are this high; as many as fit in one row, in the event's order. */
const LOGO_HEIGHT = 72;

export async function renderEventPreview({
  event,
  logos,
  locale,
}: {
  event: PublicEvent;
  logos: LogoFile[];
  locale: Locale;
}): Promise<ImageResponse> {
  const { regular, bold } = await loadFonts();
  const title = localize(event.title, locale);
  const first = event.days[0];
  const last = event.days.at(-1);
  const dates =
    first && last ? formatDateRange(first.startsAt, last.endsAt, { locale, timeZone: event.timeZone }) : "";
  const venue = localize(event.venueName, locale);
  let room = PREVIEW_WIDTH - 128;
  const shown = logos.filter((logo) => {
    const width = Math.min(280, (logo.width * LOGO_HEIGHT) / logo.height);
    room -= width + 32;
    return room >= 0;
  });
  return new ImageResponse(
    <div
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        justifyContent: "space-between",
        backgroundColor: "#ffffff",
        borderTop: `16px solid ${BRAND}`,
        padding: "40px 64px 48px",
        fontFamily: "DejaVu Sans",
        color: "#1c1917",
      }}
    >
      <div style={{ display: "flex", alignItems: "center", gap: 32, height: LOGO_HEIGHT }}>
        {shown.map((logo) => (
          // biome-ignore lint/performance/noImgElement: drawn by satori, not a page
          <img
            key={logo.id}
            src={`data:${logo.contentType};base64,${Buffer.from(logo.bytes).toString("base64")}`}
            alt=""
            height={LOGO_HEIGHT}
            width={Math.min(280, Math.round((logo.width * LOGO_HEIGHT) / logo.height))}
            style={{ objectFit: "contain" }}
          />
        ))}
      </div>
      <div
        style={{
          display: "block",
          fontSize: titleSize(title),
          fontWeight: 700,
          lineHeight: 1.2,
          lineClamp: 4,
          color: "#0c0a09",
        }}
      >
        {title}
      </div>
      <div style={{ display: "flex", flexDirection: "column", gap: 8, fontSize: 32 }}>
        <div style={{ display: "flex", color: BRAND, fontWeight: 700 }}>{dates}</div>
        <div style={{ display: "flex", color: "#44403c", fontSize: 28 }}>{venue}</div>
      </div>
    </div>,
    {
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      fonts: [
        { name: "DejaVu Sans", data: regular, weight: 400, style: "normal" },
        { name: "DejaVu Sans", data: bold, weight: 700, style: "normal" },
      ],
    },
  );
}
