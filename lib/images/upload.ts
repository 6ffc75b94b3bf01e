import "server-only";
import { readBodyBytes } from "@/lib/api/json";
import { fieldErrors } from "@/lib/forms/field-errors";
import { readFormData } from "@/lib/forms/form-data";
import { type EncodedImage, encodeImage } from "@/lib/images/encode";
import { type ImageDetails, imageDetailsSchema, MAX_IMAGE_BYTES } from "@/lib/images/schema";

// An upload is a route of its own (app/api/admin/events/[id]/images), not a
// server action: server actions share one body limit (64 KiB, next.config.ts)
// that keeps the public forms cheap to refuse, and an image needs 5 MB.

/** The form's text fields around the file take far less than this. */
const FIELDS_ALLOWANCE = 64 * 1024;

export type UploadResult =
  | { ok: true; details: ImageDetails; image: EncodedImage }
  | { ok: false; status: 400 | 413 | 415; fieldErrors: Record<string, string> };

/** Reads, checks and encodes an uploaded image with its details; every refusal is a field error. */
export async function readImageUpload(request: Request): Promise<UploadResult> {
  if (!/^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "")) {
    return { ok: false, status: 415, fieldErrors: { file: "required" } };
  }
  const body = await readBodyBytes(request, MAX_IMAGE_BYTES + FIELDS_ALLOWANCE);
  if (!body) return { ok: false, status: 413, fieldErrors: { file: "imageTooLarge" } };
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { "content-type": request.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return { ok: false, status: 400, fieldErrors: { file: "required" } };
  }
  const details = imageDetailsSchema.safeParse(readFormData(form, imageDetailsSchema));
  const file = form.get("file");
  const errors: Record<string, string> = details.success ? {} : fieldErrors(details.error);
  if (!(file instanceof File) || file.size === 0) errors.file = "required";
  else if (file.size > MAX_IMAGE_BYTES) errors.file = "imageTooLarge";
  if (!details.success || errors.file || !(file instanceof File)) {
    return { ok: false, status: 400, fieldErrors: errors };
  }
  const kind = details.data.slot === "COVER" ? "COVER" : "LOGO";
  const encoded = await encodeImage({ bytes: new Uint8Array(await file.arrayBuffer()), kind });
  if (!encoded.ok) return { ok: false, status: 400, fieldErrors: { file: encoded.reason } };
  return { ok: true, details: details.data, image: encoded.image };
}
