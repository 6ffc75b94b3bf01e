import { jsonError } from "@/lib/api/json";
import { publicRoute } from "@/lib/entry-points/route";
import { getImageFile } from "@/lib/images/data";
import { type ImageContentType, imageExtensions, imageFileSchema } from "@/lib/images/schema";

/**
 * An event's cover or logo by its content hash: the same name always means
 * the same bytes, so browsers, proxies and mail clients may keep it for a
 * year without asking again.
 */
export const GET = publicRoute({
  name: "images.get",
  params: imageFileSchema,
  async run({ params }) {
    const [hash = "", extension] = params.file.split(".");
    const image = await getImageFile({ hash });
    if (!image || imageExtensions[image.contentType as ImageContentType] !== extension) {
      return jsonError(404, "not_found");
    }
    return new Response(new Uint8Array(image.bytes), {
      headers: {
        "Content-Type": image.contentType,
        "Content-Length": String(image.bytes.byteLength),
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
        // Our own bytes (re-encoded on upload), but a browser opening one alone runs nothing.
        "Content-Security-Policy": "default-src 'none'; sandbox",
      },
    });
  },
});
