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

/** A local file header (sizes in the header, no data descriptor). */
function localHeader(w: Written): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL_SIG, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(w.flags, 6);
  h.writeUInt16LE(w.method, 8);
  h.writeUInt16LE(w.modTime, 10);
  h.writeUInt16LE(w.modDate, 12);
  h.writeUInt32LE(w.crc, 14);
  h.writeUInt32LE(w.compressedSize, 18);
  h.writeUInt32LE(w.uncompressedSize, 22);
  h.writeUInt16LE(w.name.length, 26);
  h.writeUInt16LE(0, 28);
  return h;
}

/** A central directory header. */
function centralHeader(w: Written): Buffer {
  const c = Buffer.alloc(46);
  c.writeUInt32LE(CENTRAL_SIG, 0);
  c.writeUInt16LE(20, 4);
  c.writeUInt16LE(20, 6);
  c.writeUInt16LE(w.flags, 8);
  c.writeUInt16LE(w.method, 10);
  c.writeUInt16LE(w.modTime, 12);
  c.writeUInt16LE(w.modDate, 14);
  c.writeUInt32LE(w.crc, 16);
  c.writeUInt32LE(w.compressedSize, 20);
  c.writeUInt32LE(w.uncompressedSize, 24);
  c.writeUInt16LE(w.name.length, 28);
  c.writeUInt32LE(w.offset, 42);
  return c;
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
      throw new CliError(`the workbook would be larger than 4 GB, which this command does not write`);
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
    this.chunks.push(localHeader(w), nameBuf, data);
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
      this.chunks.push(centralHeader(w), w.name);
      this.offset += 46 + w.name.length;
    }
    if (this.written.length > 0xffff) throw new CliError(`the workbook would have too many parts to write`);
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
