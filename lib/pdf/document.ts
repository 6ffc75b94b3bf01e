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
