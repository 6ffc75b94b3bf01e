import { createCanvas } from "@napi-rs/canvas";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** A PDF's first page drawn as a PNG at `scale` (1: 72 dots per inch), as a printer or a screen shows it. */
export async function pdfPageImage(pdf: Buffer, scale = 2): Promise<Buffer> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const page = await document.getPage(1);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
  await document.destroy();
  return canvas.toBuffer("image/png");
}
