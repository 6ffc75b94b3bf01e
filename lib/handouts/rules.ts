import { type HandoutType, handoutTypes } from "@/lib/handouts/schema";

// A handout's type is read from its bytes, never from its name or the
// browser's word. PDF, PNG and JPEG open with a signature; the three Office
// types are zip archives, told apart by the names in the archive's central
// directory (at its end). Those names are read, nothing is ever inflated:
// a zip bomb costs us the few kilobytes of its directory.

/** A handout's bytes are stored in pieces of this size (the last smaller): the most one request holds. */
export const HANDOUT_CHUNK_BYTES = 64 * 1024;

/** The bytes read from the start of a file to know its signature. */
export const HEAD_BYTES = 8;

/** The end of a zip: its 22-byte record, after a comment of at most 64 KiB. */
export const ZIP_TAIL_BYTES = 22 + 0xffff;

/** A handout's central directory is a few kilobytes; a larger one is not an Office document we accept. */
export const MAX_CENTRAL_DIRECTORY_BYTES = 1024 * 1024;

/**
 * What a document may say it unpacks into. Word, PowerPoint and Excel
 * compress XML about tenfold and pictures not at all; a bomb claims
 * thousands of times its size. Refused, so it never reaches a reader's laptop.
 */
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;
const MAX_RATIO = 200;

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  signature.every((byte, index) => bytes[index] === byte);

export type Signature = "application/pdf" | "image/png" | "image/jpeg" | "zip";

/** The kind of file its first bytes announce, or null for anything else (an .exe's "MZ" among them). */
export function signatureOf(head: Uint8Array): Signature | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf"; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return "zip"; // PK\3\4: a local file header
  return null;
}

export type CentralDirectoryPlace = { offset: number; size: number; entries: number };

/**
 * Where the central directory lies, from the end-of-directory record found
 * in the file's last bytes (`tail`, which ends where the file does). Null
 * for no record, a ZIP64 archive (Office writes those only past 4 GiB) or a
 * directory that does not fit in the file.
 */
export function centralDirectoryPlace(tail: Uint8Array, fileSize: number): CentralDirectoryPlace | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  for (let at = tail.byteLength - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 12, true);
    const offset = view.getUint32(at + 16, true);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
    const recordAt = fileSize - tail.byteLength + at;
    if (offset + size > recordAt) return null;
    return { offset, size, entries };
  }
  return null;
}

export type ArchiveVerdict =
  | { ok: true; type: HandoutType }
  | { ok: false; reason: "handoutWrongType" | "handoutArchiveRefused" };

const OFFICE_FOLDERS: [string, HandoutType][] = [
  ["word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ["ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation"],
  ["xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
];

/**
 * The Office type an archive's central directory names: `[Content_Types].xml`
 * and one of the folders `word/`, `ppt/`, `xl/`. An archive that claims to
 * unpack into far more than a document does is refused as a bomb.
 */
export function officeTypeOf(directory: Uint8Array, entries: number): ArchiveVerdict {
  const view = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const decoder = new TextDecoder();
  const names = new Set<string>();
  let unpacked = 0;
  let at = 0;
  for (let index = 0; index < entries; index++) {
    if (at + 46 > directory.byteLength || view.getUint32(at, true) !== 0x02014b50) {
      return { ok: false, reason: "handoutWrongType" };
    }
    const packedSize = view.getUint32(at + 20, true);
    const unpackedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > directory.byteLength) return { ok: false, reason: "handoutWrongType" };
    names.add(decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)));
    unpacked += unpackedSize;
    if (unpackedSize === 0xffffffff || unpackedSize > MAX_RATIO * Math.max(packedSize, 1024)) {
      return { ok: false, reason: "handoutArchiveRefused" };
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  if (unpacked > MAX_UNPACKED_BYTES) return { ok: false, reason: "handoutArchiveRefused" };
  if (!names.has("[Content_Types].xml")) return { ok: false, reason: "handoutWrongType" };
  const found = OFFICE_FOLDERS.filter(([folder]) => [...names].some((name) => name.startsWith(folder)));
  const only = found.length === 1 ? found[0] : undefined;
  return only ? { ok: true, type: only[1] } : { ok: false, reason: "handoutWrongType" };
}

/** Whether a file's name ends as files of its type do: a PDF named "slides.docx" is refused, not renamed. */
export function nameFitsType(name: string, type: HandoutType): boolean {
  const extension = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";
  return (handoutTypes[type] as readonly string[]).includes(extension);
}

/**
 * `attachment` with the name twice (RFC 6266): an ASCII stand-in for old
 * clients, and the real one, Cyrillic included, percent-encoded as UTF-8
 * (RFC 5987), which every current browser prefers.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Who may download a handout: staff every one, a confirmed participant the public ones and theirs, anyone the public ones. */
export function mayDownload({
  visibility,
  staff,
  participant,
}: {
  visibility: "PUBLIC" | "PARTICIPANTS" | "STAFF";
  staff: boolean;
  participant: boolean;
}): boolean {
  if (visibility === "PUBLIC" || staff) return true;
  return visibility === "PARTICIPANTS" && participant;
}

/** Whether a conditional request's If-None-Match names this ETag (a list, weak or not, or "*"). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const tags = ifNoneMatch.split(",").map((tag) => tag.trim().replace(/^W\//, ""));
  return tags.includes(etag) || tags.includes("*");
}
