import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

// How Kattoo makes a PDF. PDF's built-in fonts have no Cyrillic: DejaVu (the
// dejavu-fonts-ttf package, read from node_modules, so nothing is downloaded)
// covers Russian and Kyrgyz, ң ө ү included, and PDFKit embeds only the
// glyphs a document uses.

const FONT_FILES = {
  sans: "DejaVuSans.ttf",
  sansBold: "DejaVuSans-Bold.ttf",
  serif: "DejaVuSerif.ttf",
  serifBold: "DejaVuSerif-Bold.ttf",
} as const;

let fonts: [string, Buffer][] | undefined;

/** An A4 document with the fonts sans, sansBold, serif and serifBold, every page kept for page numbers. */
export function createPdf({
  title,
  layout = "portrait",
  margin,
}: {
  title: string;
  layout?: "portrait" | "landscape";
  margin: number;
}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    layout,
    margin,
    bufferPages: true,
    info: { Title: title, Creator: "Kattoo" },
  });
  fonts ??= Object.entries(FONT_FILES).map(([name, file]) => [
    name,
    readFileSync(path.resolve("node_modules/dejavu-fonts-ttf/ttf", file)),
  ]);
  for (const [name, data] of fonts) doc.registerFont(name, data);
  return doc;
}

/** Ends the document and returns its bytes. */
export function finishPdf(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.end();
  return done;
}

/** A logo as a PDF draws it: PNG bytes and their size in pixels. */
export type PdfLogo = { bytes: Uint8Array; width: number; height: number };

/**
 * The donors' logos side by side in one row, centred in `width` from `x`,
 * each `height` high in proportion; a row too wide for the page is made
 * smaller as a whole, so every logo keeps its place (donors check that theirs
 * is there). Returns the height the row took: 0 without logos.
 */
export function drawLogosRow(
  doc: PDFKit.PDFDocument,
  {
    logos,
    x,
    y,
    width,
    height,
    gap = 14,
  }: { logos: PdfLogo[]; x: number; y: number; width: number; height: number; gap?: number },
): number {
  if (logos.length === 0) return 0;
  const natural = logos.map((logo) => (logo.width * height) / logo.height);
  const total = natural.reduce((sum, each) => sum + each, 0) + gap * (logos.length - 1);
  const scale = Math.min(1, width / total);
  let left = x + (width - total * scale) / 2;
  logos.forEach((logo, index) => {
    const logoWidth = (natural[index] ?? 0) * scale;
    doc.image(Buffer.from(logo.bytes), left, y + (height * (1 - scale)) / 2, {
      width: logoWidth,
      height: height * scale,
    });
    left += logoWidth + gap * scale;
  });
  return height;
}
