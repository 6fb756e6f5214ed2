/**
 * The zip layer of an OOXML package: the parts by name (matched case-insensitively, as the Open
 * Packaging Conventions compare part names), unpacked on demand within the declared sizes, and a
 * writer that copies every untouched entry as it is stored (the same compressed bytes, CRC and
 * time stamp) and deflates only the parts that are new or changed.
 */
import { crc32, deflateRawSync } from "node:zlib";
import { CliError } from "../errors";
import { CENTRAL_SIG, EOCD_SIG, LOCAL_SIG, storedBytes, unpackEntry, type ZipEntry } from "./zipDirectory";

export class ZipPackage {
  private readonly byKey = new Map<string, ZipEntry>();

  constructor(
    readonly buf: Buffer,
    readonly file: string,
    readonly entries: readonly ZipEntry[],
  ) {
    for (const e of entries) {
      if (e.name.endsWith("/")) continue;
      const key = partKey(e.name);
      if (!this.byKey.has(key)) this.byKey.set(key, e);
    }
  }

  /** The entry of a part (`xl/workbook.xml` or `/xl/workbook.xml`), whatever the case of its name. */
  entry(part: string): ZipEntry | undefined {
    return this.byKey.get(partKey(part));
  }

  has(part: string): boolean {
    return this.byKey.has(partKey(part));
  }

  /** The part's name as stored in the zip. */
  nameOf(part: string): string | undefined {
    return this.entry(part)?.name;
  }

  /** A part's bytes (unpacked, never beyond the size the directory declares). */
  read(part: string): Buffer | undefined {
    const e = this.entry(part);
    return e ? unpackEntry(this.buf, e, this.file) : undefined;
  }

  /** A part's text (UTF-8, or UTF-16 when it starts with a byte-order mark). */
  text(part: string): string | undefined {
    const b = this.read(part);
    return b === undefined ? undefined : decodePart(b);
  }

  /** Every part's name (not folders). */
  partNames(): string[] {
    return [...this.byKey.values()].map((e) => e.name);
  }
}

/** The key a part name is compared by: no leading slash, ASCII case folded. */
export function partKey(name: string): string {
  return name.replace(/^\/+/, "").toLowerCase();
}

export function decodePart(b: Buffer): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return b.toString("utf16le", 2);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const swapped = Buffer.from(b.subarray(2));
    swapped.swap16();
    return swapped.toString("utf16le");
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.toString("utf8", 3);
  return b.toString("utf8");
}

export interface ZipEdit {
  /** Parts whose data changes (by part name, any case): the new bytes. */
  readonly replace?: ReadonlyMap<string, Buffer>;
  /** New parts, written after the existing ones, in this order. */
  readonly add?: readonly { readonly name: string; readonly data: Buffer }[];
}

const UTF8_FLAG = 0x0800;

interface Written {
  readonly name: Buffer;
  readonly flags: number;
  readonly method: number;
  readonly modTime: number;
  readonly modDate: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly offset: number;
}

/** DOS time and date of now (for new parts). */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  const time = (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2);
  const date = ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
  return { time, date };
}

interface EntryMeta {
  readonly method: number;
  readonly crc: number;
  readonly uncompressedSize: number;
  readonly modTime: number;
  readonly modDate: number;
}

/** A record's fields in order: name and width in bytes (little-endian, as zip stores them). */
type Layout = readonly (readonly [keyof Written | "sig" | "version" | "zero", 2 | 4])[];

// APPNOTE.TXT 4.3.7: local file header (sizes in the header, no data descriptor).
const LOCAL_HEADER: Layout = [
  ["sig", 4],
  ["version", 2],
  ["flags", 2],
  ["method", 2],
  ["modTime", 2],
  ["modDate", 2],
  ["crc", 4],
  ["compressedSize", 4],
  ["uncompressedSize", 4],
  ["name", 2],
  ["zero", 2], // extra field length
];

// APPNOTE.TXT 4.3.12: central directory header (version made by and needed, then as the local
// header, then comment length, disk, internal and external attributes: zero; then the offset).
const CENTRAL_HEADER: Layout = [
  ["sig", 4],
  ["version", 2],
  ...LOCAL_HEADER.slice(1),
  ["zero", 2],
  ["zero", 2],
  ["zero", 2],
  ["zero", 4],
  ["offset", 4],
];

/** A header of the layout for an entry (the name's field is its length). */
function header(layout: Layout, sig: number, w: Written): Buffer {
  const size = layout.reduce((n, [, bytes]) => n + bytes, 0);
  const b = Buffer.alloc(size);
  let at = 0;
  for (const [field, bytes] of layout) {
    const v = field === "sig" ? sig : field === "version" ? 20 : field === "zero" ? 0 : w[field];
    const n = typeof v === "number" ? v : v.length;
    if (bytes === 2) b.writeUInt16LE(n, at);
    else b.writeUInt32LE(n, at);
    at += bytes;
  }
  return b;
}

/** The end of central directory record. */
function endOfDirectory(count: number, size: number, start: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD_SIG, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(start, 16);
  return end;
}

/** The zip being written: entries one after another, then the directory. */
class ZipWriter {
  private readonly chunks: Buffer[] = [];
  private readonly written: Written[] = [];
  private offset = 0;

  /** An entry whose data is as stored (compressed or not) with its metadata. */
  put(name: string, data: Buffer, meta: EntryMeta): void {
    const nameBuf = Buffer.from(name, "utf8");
    const flags = /[^\x20-\x7e]/.test(name) ? UTF8_FLAG : 0;
    if (this.offset + 30 + nameBuf.length + data.length > 0xffffffff || meta.uncompressedSize > 0xffffffff)
      throw new CliError(
        "TOO_LARGE",
        `the workbook would be larger than 4 GB, which this command does not write`,
      );
    const w: Written = {
      name: nameBuf,
      flags,
      method: meta.method,
      modTime: meta.modTime,
      modDate: meta.modDate,
      crc: meta.crc >>> 0,
      compressedSize: data.length,
      uncompressedSize: meta.uncompressedSize,
      offset: this.offset,
    };
    this.chunks.push(header(LOCAL_HEADER, LOCAL_SIG, w), nameBuf, data);
    this.written.push(w);
    this.offset += 30 + nameBuf.length + data.length;
  }

  /** A new or changed part: deflated. */
  putNew(name: string, data: Buffer, time: { time: number; date: number }): void {
    this.put(name, deflateRawSync(data), {
      method: 8,
      crc: crc32(data),
      uncompressedSize: data.length,
      modTime: time.time,
      modDate: time.date,
    });
  }

  /** The central directory after the entries; the whole zip. */
  finish(): Buffer {
    const cdStart = this.offset;
    for (const w of this.written) {
      this.chunks.push(header(CENTRAL_HEADER, CENTRAL_SIG, w), w.name);
      this.offset += 46 + w.name.length;
    }
    if (this.written.length > 0xffff)
      throw new CliError("TOO_LARGE", `the workbook would have too many parts to write`);
    this.chunks.push(endOfDirectory(this.written.length, this.offset - cdStart, cdStart));
    return Buffer.concat(this.chunks);
  }
}

/**
 * A new zip: every entry of `pkg` in its order, copied as stored unless `edit.replace` names it
 * (then deflated anew), then `edit.add`. Local headers are written afresh from the directory
 * (sizes in the header, no data descriptor); the data of an untouched entry is its stored bytes.
 */
export function writeZip(pkg: ZipPackage, edit: ZipEdit): Buffer {
  const replace = new Map<string, Buffer>();
  for (const [k, v] of edit.replace ?? []) replace.set(partKey(k), v);
  const zip = new ZipWriter();
  const now = dosNow();
  for (const e of pkg.entries) {
    const changed = replace.get(partKey(e.name));
    if (changed !== undefined) {
      zip.putNew(e.name, changed, now);
      continue;
    }
    zip.put(e.name, storedBytes(pkg.buf, e, pkg.file), {
      method: e.method,
      crc: e.crc32,
      uncompressedSize: e.uncompressedSize,
      modTime: e.modTime,
      modDate: e.modDate,
    });
  }
  for (const a of edit.add ?? []) zip.putNew(a.name, a.data, now);
  return zip.finish();
}
