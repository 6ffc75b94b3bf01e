import { createHash } from "node:crypto";
import path from "node:path";
import sharp from "sharp";
import type { PartyRole } from "@/lib/generated/prisma/enums";

// The demo seminar's cover and two logos, drawn here at seed time so that a
// newcomer sees where an event's images go. Made-up marks, not the real
// organizations' logos. The same input always gives the same bytes, and the
// text is set in the DejaVu font shipped with the project (no system fonts).

const FONT = path.resolve("node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

export type DemoImage = {
  kind: "COVER" | "LOGO";
  role: PartyRole | null;
  alt: { ru: string; ky: string; en: string };
  hash: string;
  contentType: "image/webp" | "image/png";
  width: number;
  height: number;
  bytes: Uint8Array<ArrayBuffer>;
};

/** Issyk-Kul at dawn: mountains over a lake, shapes only. */
const COVER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="700" viewBox="0 0 1600 700">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#0f766e"/><stop offset="1" stop-color="#f0c987"/>
    </linearGradient>
    <linearGradient id="lake" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#2a7fa8"/><stop offset="1" stop-color="#12405a"/>
    </linearGradient>
  </defs>
  <rect width="1600" height="700" fill="url(#sky)"/>
  <circle cx="1180" cy="330" r="90" fill="#fbe3a6"/>
  <path d="M0 470 L220 250 L330 350 L520 170 L700 380 L860 230 L1040 420 L1230 260 L1420 400 L1600 300 L1600 480 L0 480 Z" fill="#1f4e5f"/>
  <path d="M470 220 L520 170 L570 220 L545 235 L520 215 L495 235 Z M820 270 L860 230 L900 270 L880 280 L860 265 L840 280 Z" fill="#ffffff" opacity="0.85"/>
  <rect y="470" width="1600" height="230" fill="url(#lake)"/>
  <path d="M0 520 H1600 M0 570 H1600 M0 630 H1600" stroke="#ffffff" stroke-opacity="0.15" stroke-width="4"/>
</svg>`;

/** A logo: a coloured mark with its initials, and the name in two lines beside it. */
async function drawLogo({
  initials,
  lines,
  colour,
}: {
  initials: string;
  lines: [string, string];
  colour: string;
}) {
  const text = async (markup: string, size: number) =>
    sharp({ text: { text: markup, fontfile: FONT, font: `DejaVu Sans Bold ${size}`, rgba: true, dpi: 72 } })
      .png()
      .toBuffer({ resolveWithObject: true });
  const mark = await text(`<span foreground="white">${initials}</span>`, initials.length > 2 ? 52 : 70);
  const name = await text(`<span foreground="${colour}">${lines[0]}\n${lines[1]}</span>`, 40);
  const width = 200 + name.info.width + 20;
  return sharp({ create: { width, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .composite([
      {
        input: Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="180" height="180"><rect width="180" height="180" rx="36" fill="${colour}"/></svg>`,
        ),
        left: 0,
        top: 10,
      },
      {
        input: mark.data,
        left: Math.round(90 - mark.info.width / 2),
        top: Math.round(100 - mark.info.height / 2),
      },
      { input: name.data, left: 200, top: Math.round(100 - name.info.height / 2) },
    ])
    .png({ compressionLevel: 9, palette: true })
    .toBuffer({ resolveWithObject: true });
}

async function image(
  base: Omit<DemoImage, "hash" | "bytes" | "width" | "height">,
  drawn: { data: Buffer; info: { width: number; height: number } },
): Promise<DemoImage> {
  const bytes = new Uint8Array(drawn.data);
  return {
    ...base,
    bytes,
    hash: createHash("sha256").update(bytes).digest("hex"),
    width: drawn.info.width,
    height: drawn.info.height,
  };
}

export async function drawDemoImages(): Promise<DemoImage[]> {
  const [cover, organizer, funder] = await Promise.all([
    sharp(Buffer.from(COVER_SVG)).webp({ quality: 80 }).toBuffer({ resolveWithObject: true }),
    drawLogo({ initials: "ТШ", lines: ["Тянь-Шаньский", "аналитический центр"], colour: "#0f766e" }),
    drawLogo({ initials: "ФОО", lines: ["Фонд открытого", "общества"], colour: "#b45309" }),
  ]);
  return Promise.all([
    image(
      {
        kind: "COVER",
        role: null,
        alt: {
          ru: "Горы над Иссык-Кулем на рассвете",
          ky: "Таң атканда Ысык-Көлдүн үстүндөгү тоолор",
          en: "Mountains over Issyk-Kul at dawn",
        },
        contentType: "image/webp",
      },
      cover,
    ),
    image(
      {
        kind: "LOGO",
        role: "ORGANIZER",
        alt: {
          ru: "Тянь-Шаньский аналитический центр",
          ky: "Тянь-Шань аналитикалык борбору",
          en: "Tian Shan Policy Center",
        },
        contentType: "image/png",
      },
      organizer,
    ),
    image(
      {
        kind: "LOGO",
        role: "FUNDER",
        alt: { ru: "Фонд открытого общества", ky: "Ачык коом фонду", en: "Open Society Foundations" },
        contentType: "image/png",
      },
      funder,
    ),
  ]);
}
