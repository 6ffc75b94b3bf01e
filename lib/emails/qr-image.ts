import "server-only";
import { PNG } from "pngjs";
import QRCode from "qrcode";

/** Modules of quiet zone around the code, which scanners need to find it. */
const MARGIN = 2;

/**
 * A QR code as a grey-scale PNG `pixels` wide, each module a square of
 * whole pixels. Drawn here rather than by qrcode's own PNG renderer, which
 * paints an RGBA image for pngjs to convert pixel by pixel: a letter's
 * check-in image took 8 ms that way, and takes about 1 ms now. Each row is
 * stored as the difference from the one above ("up" filter): a module's
 * rows repeat, so all but its first compress to nothing.
 */
export function qrPng(text: string, pixels: number): Buffer {
  const { size, data } = QRCode.create(text).modules;
  const scale = pixels / (size + MARGIN * 2);
  const image = Buffer.alloc(pixels * pixels, 255);
  for (let y = 0; y < pixels; y += 1) {
    const row = Math.floor(y / scale) - MARGIN;
    if (row < 0 || row >= size) continue;
    const line = y * pixels;
    // The pixel rows of one module row are alike: the first is drawn, the rest copied.
    if (y > 0 && Math.floor((y - 1) / scale) - MARGIN === row) {
      image.copyWithin(line, line - pixels, line);
      continue;
    }
    for (let x = 0; x < pixels; x += 1) {
      const column = Math.floor(x / scale) - MARGIN;
      if (column >= 0 && column < size && data[row * size + column]) image[line + x] = 0;
    }
  }
  const options = { colorType: 0, inputColorType: 0, inputHasAlpha: false, filterType: 2 } as const;
  const png = new PNG({ width: pixels, height: pixels, ...options });
  png.data = image;
  return PNG.sync.write(png, options);
}
