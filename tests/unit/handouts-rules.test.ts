import { describe, expect, it } from "vitest";
import {
  centralDirectoryPlace,
  contentDisposition,
  matchesEtag,
  mayDownload,
  nameFitsType,
  officeTypeOf,
  signatureOf,
  ZIP_TAIL_BYTES,
} from "@/lib/handouts/rules";
import { fileSizeText, handoutFileNameSchema } from "@/lib/handouts/schema";
import { makeDocx, makeZip } from "../support/zip";

/** The type an archive's bytes are read as, the way the upload reads them from its file. */
function typeOfArchive(zip: Buffer) {
  const tail = zip.subarray(Math.max(0, zip.byteLength - ZIP_TAIL_BYTES));
  const place = centralDirectoryPlace(tail, zip.byteLength);
  if (!place) return null;
  return officeTypeOf(zip.subarray(place.offset, place.offset + place.size), place.entries);
}

describe("a handout's type, read from its bytes", () => {
  it("knows PDF, PNG, JPEG and zip by their first bytes, and nothing else", () => {
    expect(signatureOf(Buffer.from("%PDF-1.7\n"))).toBe("application/pdf");
    expect(signatureOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image/png");
    expect(signatureOf(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(signatureOf(Buffer.from("PK\x03\x04"))).toBe("zip");
    expect(signatureOf(Buffer.from("MZ\x90\x00"))).toBeNull();
    expect(signatureOf(Buffer.from("%PD"))).toBeNull();
  });

  it("tells Word, PowerPoint and Excel apart by the folders their directory names", () => {
    expect(typeOfArchive(makeDocx())).toEqual({
      ok: true,
      type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    const slides = makeZip([
      { name: "[Content_Types].xml", bytes: Buffer.from("<Types/>") },
      { name: "ppt/presentation.xml", bytes: Buffer.from("<p/>") },
    ]);
    expect(typeOfArchive(slides)).toMatchObject({
      ok: true,
      type: expect.stringContaining("presentationml"),
    });
  });

  it("refuses an archive without [Content_Types].xml, or naming two kinds of document", () => {
    const plain = makeZip([{ name: "word/document.xml", bytes: Buffer.from("<w/>") }]);
    expect(typeOfArchive(plain)).toEqual({ ok: false, reason: "handoutWrongType" });
    const both = makeZip([
      { name: "[Content_Types].xml", bytes: Buffer.from("<Types/>") },
      { name: "word/document.xml", bytes: Buffer.from("<w/>") },
      { name: "xl/workbook.xml", bytes: Buffer.from("<x/>") },
    ]);
    expect(typeOfArchive(both)).toEqual({ ok: false, reason: "handoutWrongType" });
  });

  it("refuses an archive that claims to unpack into far more than its size", () => {
    const claims = makeZip([
      { name: "[Content_Types].xml", bytes: Buffer.from("<Types/>") },
      { name: "word/document.xml", bytes: Buffer.from("<w/>"), claimedSize: 300 * 1024 * 1024 },
    ]);
    expect(typeOfArchive(claims)).toEqual({ ok: false, reason: "handoutArchiveRefused" });
  });

  it("finds no directory in a file cut short or with an end record pointing past itself", () => {
    const docx = makeDocx();
    expect(centralDirectoryPlace(docx.subarray(0, docx.byteLength - 30), docx.byteLength - 30)).toBeNull();
    const lying = Buffer.from(docx);
    lying.writeUInt32LE(docx.byteLength, docx.byteLength - 6);
    expect(centralDirectoryPlace(lying, lying.byteLength)).toBeNull();
  });

  it("wants the name's extension to match the content, in any case", () => {
    expect(nameFitsType("Слайды.PDF", "application/pdf")).toBe(true);
    expect(nameFitsType("photo.jpeg", "image/jpeg")).toBe(true);
    expect(nameFitsType("photo.jpg", "image/jpeg")).toBe(true);
    expect(nameFitsType("slides.docx", "application/pdf")).toBe(false);
    expect(nameFitsType("pdf", "application/pdf")).toBe(false);
  });
});

describe("a handout's name", () => {
  it.each([
    "../x.pdf",
    "a\\b.pdf",
    "a\u0000.pdf",
    "a\nb.pdf",
    "gpj\u202Eexe.pdf",
    ".pdf",
    "a:b.pdf",
    "x".repeat(201),
  ])("refuses %j", (name) => {
    expect(handoutFileNameSchema.safeParse(name).success).toBe(false);
  });

  it("keeps a Cyrillic name with spaces, quotes and brackets as written", () => {
    expect(handoutFileNameSchema.parse("  Программа (день 1) «итог».pdf ")).toBe(
      "Программа (день 1) «итог».pdf",
    );
  });
});

describe("serving a handout", () => {
  it("names the file for old and new browsers (RFC 6266 and 5987)", () => {
    expect(contentDisposition("Программа 1.pdf")).toBe(
      "attachment; filename=\"_________ 1.pdf\"; filename*=UTF-8''%D0%9F%D1%80%D0%BE%D0%B3%D1%80%D0%B0%D0%BC%D0%BC%D0%B0%201.pdf",
    );
    expect(contentDisposition("it's (1).pdf")).toBe(
      "attachment; filename=\"it's (1).pdf\"; filename*=UTF-8''it%27s%20%281%29.pdf",
    );
  });

  it("answers 304 to its ETag among others, weak or strong, and to *", () => {
    const etag = `"${"a".repeat(64)}"`;
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`"x", W/${etag}`, etag)).toBe(true);
    expect(matchesEtag("*", etag)).toBe(true);
    expect(matchesEtag(`"${"b".repeat(64)}"`, etag)).toBe(false);
    expect(matchesEtag(null, etag)).toBe(false);
  });

  it("lets staff have everything, a participant theirs and the public ones, anyone the public ones", () => {
    const may = (visibility: "PUBLIC" | "PARTICIPANTS" | "STAFF", staff: boolean, participant: boolean) =>
      mayDownload({ visibility, staff, participant });
    expect([
      may("PUBLIC", false, false),
      may("PARTICIPANTS", false, true),
      may("STAFF", true, false),
    ]).toEqual([true, true, true]);
    expect([may("PARTICIPANTS", false, false), may("STAFF", false, true)]).toEqual([false, false]);
  });

  it("gives sizes in the reader's language", () => {
    expect(fileSizeText(340 * 1024, "ru")).toMatch(/^340\sкБ$/);
    expect(fileSizeText(12.5 * 1024 * 1024, "en")).toBe("12.5 MB");
  });
});
