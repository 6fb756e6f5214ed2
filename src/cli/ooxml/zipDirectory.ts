/**
 * Reading a zip's central directory and its entries (no zip library): every entry's name, method,
 * sizes, CRC and time as the directory records them (zip64 included), its stored bytes, and its
 * unpacked bytes with its declared size as a hard cap (zlib's maxOutputLength), so a directory
 * that lies about sizes cannot blow up memory. Every failure is a one-line CliError.
 */
import { inflateRawSync } from "node:zlib";
import { CliError } from "../errors";
import { DEFAULT_LIMITS, type PackageLimits } from "../limits";

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** CRC-32 of the unpacked data, as the directory records it. */
  readonly crc32: number;
  /** MS-DOS modification time and date, as the directory records them. */
  readonly modTime: number;
  readonly modDate: number;
}

export const LOCAL_SIG = 0x04034b50;
export const CENTRAL_SIG = 0x02014b50;
export const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;

export function damaged(file: string, why: string): CliError {
  return new CliError(
    "DAMAGED",
    `${file} is damaged and cannot be read (${why}); open it in Excel and save it again`,
  );
}

function readU64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
}

interface Directory {
  readonly count: number;
  readonly cdSize: number;
  readonly cdOffset: number;
}

/** The end of central directory record (zip64's where the sizes overflow). */
function directoryOf(buf: Buffer, file: string): Directory {
  // End of central directory: 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const floor = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= floor; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(file, "the zip directory at its end is missing: was it cut short?");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count !== 0xffff && cdSize !== 0xffffffff && cdOffset !== 0xffffffff)
    return { count, cdSize, cdOffset };
  const loc = eocd - 20;
  if (loc < 0 || buf.readUInt32LE(loc) !== ZIP64_LOCATOR_SIG)
    throw damaged(file, "its zip64 directory is missing");
  const z = readU64(buf, loc + 8);
  if (z + 56 > buf.length || buf.readUInt32LE(z) !== ZIP64_EOCD_SIG)
    throw damaged(file, "its zip64 directory is missing");
  return { count: readU64(buf, z + 32), cdSize: readU64(buf, z + 40), cdOffset: readU64(buf, z + 48) };
}

type Sizes = { compressedSize: number; uncompressedSize: number; localHeaderOffset: number };

/** Zip64 extra field: the 64-bit sizes replace those stored as 0xFFFFFFFF, in this order. */
function zip64Sizes(buf: Buffer, file: string, name: string, from: number, to: number, sizes: Sizes): Sizes {
  const out = { ...sizes };
  let e = from;
  while (e + 4 <= to) {
    const id = buf.readUInt16LE(e);
    const size = buf.readUInt16LE(e + 2);
    if (id === 0x0001) {
      let q = e + 4;
      const take = (): number => {
        if (q + 8 > e + 4 + size) throw damaged(file, `the zip64 sizes of ${name} are missing`);
        const v = readU64(buf, q);
        q += 8;
        return v;
      };
      if (out.uncompressedSize === 0xffffffff) out.uncompressedSize = take();
      if (out.compressedSize === 0xffffffff) out.compressedSize = take();
      if (out.localHeaderOffset === 0xffffffff) out.localHeaderOffset = take();
    }
    e += 4 + size;
  }
  return out;
}

/** The directory entry at `p`, and where the next one starts. */
function entryAt(buf: Buffer, file: string, p: number): { entry: ZipEntry; next: number } {
  if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL_SIG)
    throw damaged(file, "its zip directory is broken");
  const nameLen = buf.readUInt16LE(p + 28);
  const extraLen = buf.readUInt16LE(p + 30);
  const commentLen = buf.readUInt16LE(p + 32);
  if (p + 46 + nameLen + extraLen > buf.length) throw damaged(file, "its zip directory is broken");
  const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
  const sizes = zip64Sizes(buf, file, name, p + 46 + nameLen, p + 46 + nameLen + extraLen, {
    compressedSize: buf.readUInt32LE(p + 20),
    uncompressedSize: buf.readUInt32LE(p + 24),
    localHeaderOffset: buf.readUInt32LE(p + 42),
  });
  const entry: ZipEntry = {
    name,
    method: buf.readUInt16LE(p + 10),
    flags: buf.readUInt16LE(p + 8),
    ...sizes,
    crc32: buf.readUInt32LE(p + 16),
    modTime: buf.readUInt16LE(p + 12),
    modDate: buf.readUInt16LE(p + 14),
  };
  return { entry, next: p + 46 + nameLen + extraLen + commentLen };
}

/** Read the zip's central directory. Throws CliError when the file is not a zip or is damaged. */
export function readZipDirectory(
  buf: Buffer,
  file: string,
  limits: PackageLimits = DEFAULT_LIMITS,
): ZipEntry[] {
  const { count, cdSize, cdOffset } = directoryOf(buf, file);
  if (count > limits.maxEntries) {
    throw new CliError(
      "TOO_LARGE",
      `${file} holds ${count} parts, more than the ${limits.maxEntries} a workbook has: it is refused`,
    );
  }
  if (cdOffset + cdSize > buf.length)
    throw damaged(file, "its zip directory points past the end of the file");
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    const { entry, next } = entryAt(buf, file, p);
    entries.push(entry);
    p = next;
  }
  return entries;
}

/** The bytes of an entry as stored (compressed), after its local header. */
export function storedBytes(buf: Buffer, entry: ZipEntry, file: string): Buffer {
  const h = entry.localHeaderOffset;
  if (h + 30 > buf.length || buf.readUInt32LE(h) !== LOCAL_SIG)
    throw damaged(file, `the part ${entry.name} is missing`);
  const start = h + 30 + buf.readUInt16LE(h + 26) + buf.readUInt16LE(h + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw damaged(file, `the part ${entry.name} is cut short`);
  return buf.subarray(start, end);
}

/** Unpack an entry, never beyond its declared size. */
export function unpackEntry(buf: Buffer, entry: ZipEntry, file: string): Buffer {
  const data = storedBytes(buf, entry, file);
  if (entry.method === 0) {
    if (data.length !== entry.uncompressedSize)
      throw damaged(file, `the part ${entry.name} has the wrong size`);
    return data;
  }
  if (entry.method !== 8) throw damaged(file, `the part ${entry.name} uses an unknown compression method`);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_BUFFER_TOO_LARGE" || e instanceof RangeError) {
      throw new CliError(
        "TOO_LARGE",
        `${file} is refused: its part ${entry.name} unpacks to more than the ${entry.uncompressedSize} bytes its zip directory declares (a zip bomb or a damaged file)`,
      );
    }
    throw damaged(file, `the part ${entry.name} does not unpack`);
  }
  if (out.length !== entry.uncompressedSize) throw damaged(file, `the part ${entry.name} has the wrong size`);
  return out;
}
