import jsQR from "jsqr";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { CheckInQr } from "@/components/registrations/check-in-qr";

/** The SVG drawn at a phone screen's size, read as the door's scanner reads a camera frame. */
async function scan(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 })
    .resize(240, 240)
    .flatten({ background: "#fff" })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
}

describe("the check-in QR code on the participant's page", () => {
  it("reads back as the check-in code with the door's own decoder", async () => {
    const svg = renderToStaticMarkup(createElement(CheckInQr, { code: "K7QF2XM", label: "K7QF2XM" }));
    // A standalone SVG file for the rasterizer: the page's inline one needs no namespace.
    const file = svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" ');
    expect(await scan(file)).toBe("K7QF2XM");
  });

  it("is named for screen readers", () => {
    const svg = renderToStaticMarkup(createElement(CheckInQr, { code: "K7QF2XM", label: "Код K7QF2XM" }));
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Код K7QF2XM"');
  });
});
