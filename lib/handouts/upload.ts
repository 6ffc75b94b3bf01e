import "server-only";
import { createHash } from "node:crypto";
import { type FileHandle, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { BodyTooLargeError, readBodyChunks } from "@/lib/api/json";
import { fieldErrors } from "@/lib/forms/field-errors";
import { readFormData } from "@/lib/forms/form-data";
import {
  centralDirectoryPlace,
  HEAD_BYTES,
  MAX_CENTRAL_DIRECTORY_BYTES,
  nameFitsType,
  officeTypeOf,
  signatureOf,
  ZIP_TAIL_BYTES,
} from "@/lib/handouts/rules";
import {
  type HandoutDetails,
  type HandoutType,
  handoutDetailsSchema,
  MAX_HANDOUT_BYTES,
} from "@/lib/handouts/schema";

// A handout is the request's body itself, its details in the address's
// query: a multipart body would be parsed into memory whole (FormData keeps
// its files there), and 20 MB is too much to hold twice. The body goes to a
// file of our own as it arrives, hashed on the way; its type is then read
// from the file (its first bytes, or a zip's directory at its end) and only
// an accepted file reaches the database, in pieces (lib/handouts/mutations.ts).

/** A checked upload on disk until it is stored; `discard` removes it either way. */
export type StagedHandout = {
  path: string;
  size: number;
  sha256: string;
  type: HandoutType;
  discard: () => Promise<void>;
};

export type HandoutUpload =
  | { ok: true; details: HandoutDetails; file: StagedHandout }
  | { ok: false; status: 400 | 413 | 415; fieldErrors: Record<string, string> };

const refused = (status: 400 | 413 | 415, errors: Record<string, string>) =>
  ({ ok: false, status, fieldErrors: errors }) as const;

/** Reads the details from the query, then the body to a file, then its type from its content. */
export async function readHandoutUpload(request: Request): Promise<HandoutUpload> {
  const query = new FormData();
  for (const [key, value] of new URL(request.url).searchParams) query.append(key, value);
  const details = handoutDetailsSchema.safeParse(readFormData(query, handoutDetailsSchema));
  // Nothing is read of a body whose details are wrong.
  if (!details.success) return refused(400, fieldErrors(details.error));
  const directory = await mkdtemp(path.join(tmpdir(), "kattoo-handout-"));
  const discard = () => rm(directory, { recursive: true, force: true });
  try {
    const file = path.join(directory, "upload");
    const written = await writeBody(request, file);
    if (!written.ok) {
      await discard();
      return refused(written.reason === "handoutTooLarge" ? 413 : 400, { file: written.reason });
    }
    const type = await readType(file, written.size);
    if (!type.ok) {
      await discard();
      return refused(415, { file: type.reason });
    }
    if (!nameFitsType(details.data.name, type.type)) {
      await discard();
      return refused(415, { file: "handoutWrongType" });
    }
    return { ok: true, details: details.data, file: { path: file, ...written, type: type.type, discard } };
  } catch (error) {
    await discard();
    throw error;
  }
}

type Written =
  | { ok: true; size: number; sha256: string }
  | { ok: false; reason: "handoutTooLarge" | "required" };

async function writeBody(request: Request, file: string): Promise<Written> {
  const hash = createHash("sha256");
  const handle = await open(file, "wx", 0o600);
  let size = 0;
  try {
    for await (const chunk of readBodyChunks(request, MAX_HANDOUT_BYTES)) {
      hash.update(chunk);
      size += chunk.byteLength;
      await handle.write(chunk);
    }
  } catch (error) {
    if (error instanceof BodyTooLargeError) return { ok: false, reason: "handoutTooLarge" };
    throw error;
  } finally {
    await handle.close();
  }
  if (size === 0) return { ok: false, reason: "required" };
  return { ok: true, size, sha256: hash.digest("hex") };
}

type TypeVerdict =
  | { ok: true; type: HandoutType }
  | { ok: false; reason: "handoutWrongType" | "handoutArchiveRefused" };

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function readType(file: string, size: number): Promise<TypeVerdict> {
  const handle = await open(file, "r");
  try {
    const signature = signatureOf(await readAt(handle, 0, HEAD_BYTES));
    if (!signature) return { ok: false, reason: "handoutWrongType" };
    if (signature !== "zip") return { ok: true, type: signature };
    const tailLength = Math.min(size, ZIP_TAIL_BYTES);
    const place = centralDirectoryPlace(await readAt(handle, size - tailLength, tailLength), size);
    if (!place || place.size > MAX_CENTRAL_DIRECTORY_BYTES) return { ok: false, reason: "handoutWrongType" };
    return officeTypeOf(await readAt(handle, place.offset, place.size), place.entries);
  } finally {
    await handle.close();
  }
}
