import { crc32, deflateRawSync } from "node:zlib";

export type ZipEntry = {
  name: string;
  bytes: Uint8Array;
  /** What the archive claims the entry unpacks into; its real length unless a test lies. */
  claimedSize?: number;
};

/**
 * A zip archive as Office writes one (deflated entries, a central directory
 * at the end), small enough to read: for uploads that must be told apart by
 * the names inside them.
 */
export function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const packed = deflateRawSync(entry.bytes);
    const crc = crc32(entry.bytes);
    const size = entry.claimedSize ?? entry.bytes.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.byteLength + name.byteLength + packed.byteLength;
  }
  const centralBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

const xml = (text: string) => new TextEncoder().encode(`<?xml version="1.0"?>${text}`);

/** A Word document's skeleton: what a .docx holds at the least. */
export function makeDocx(): Buffer {
  return makeZip([
    { name: "[Content_Types].xml", bytes: xml("<Types/>") },
    { name: "_rels/.rels", bytes: xml("<Relationships/>") },
    { name: "word/document.xml", bytes: xml("<w:document><w:body>Программа</w:body></w:document>") },
  ]);
}
