import "server-only";
import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import type { ImageContentType } from "@/lib/images/schema";

// Every uploaded image is decoded and encoded again by sharp (libvips): what
// is stored and served is our own WebP or PNG, never the bytes sent. That
// drops EXIF (a phone's GPS position included) and anything hidden in the
// file, and turns an SVG into a PNG, so no script or external reference in
// an SVG ever reaches a browser, a letter or a PDF.

/** Decoded images larger than this are refused: a small file can unpack into gigabytes (a "decompression bomb"). */
export const MAX_INPUT_PIXELS = 40_000_000;

const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp", "svg"]);

export type EncodedImage = {
  bytes: Buffer;
  hash: string;
  contentType: ImageContentType;
  width: number;
  height: number;
};

export type EncodeResult =
  | { ok: true; image: EncodedImage }
  | { ok: false; reason: "notAnImage" | "imageTooManyPixels" };

/**
 * A cover is shown across the page: 1600 px wide at most, WebP. A logo goes
 * into letters and PDFs too, where WebP is not read (PDFKit, Outlook): PNG,
 * 400 px high at most, its transparency kept.
 */
export async function encodeImage({
  bytes,
  kind,
}: {
  bytes: Uint8Array;
  kind: "COVER" | "LOGO";
}): Promise<EncodeResult> {
  const options = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" as const };
  let metadata: Metadata;
  try {
    // The header alone: the pixels are counted below, to say why a bomb is refused.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, reason: "notAnImage" };
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height) {
    return { ok: false, reason: "notAnImage" };
  }
  if (metadata.width * metadata.height > MAX_INPUT_PIXELS) return { ok: false, reason: "imageTooManyPixels" };
  try {
    // rotate() first: a phone's photo is upright by its EXIF orientation, which is dropped.
    const pipeline = sharp(bytes, options).rotate();
    const { data, info } = await (kind === "COVER"
      ? pipeline.resize({ width: 1600, withoutEnlargement: true }).webp({ quality: 80 })
      : pipeline
          .resize({ width: 1200, height: 400, fit: "inside", withoutEnlargement: true })
          .png({ compressionLevel: 9, palette: true })
    ).toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      image: {
        bytes: data,
        hash: createHash("sha256").update(data).digest("hex"),
        contentType: kind === "COVER" ? "image/webp" : "image/png",
        width: info.width,
        height: info.height,
      },
    };
  } catch {
    // A file whose header reads well and whose pixels do not (cut short, corrupt).
    return { ok: false, reason: "notAnImage" };
  }
}
