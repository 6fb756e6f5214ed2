/**
 * Helpers for the CLI tests: run `main` in-process with captured output, temporary folders,
 * and a small zip writer for crafting damaged, encrypted and bomb files.
 */
import { mkdtempSync, rmSync, existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { main, type CliIo } from "../../src/cli/main";
import type { PackageLimits } from "../../src/cli/limits";
import { readZipDirectory, unpackEntry } from "../../src/cli/ooxml/zipDirectory";

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const FIXED_NOW = new Date(Date.UTC(2015, 9, 20, 9, 0, 0));

export async function run(
  argv: readonly string[],
  options: {
    readonly isTTY?: boolean;
    readonly limits?: Partial<PackageLimits>;
    readonly env?: Record<string, string>;
  } = {},
): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: options.isTTY ?? false,
    columns: 120,
    env: options.env ?? {},
    now: () => FIXED_NOW,
    ...(options.limits ? { limits: options.limits } : {}),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

export function tempDir(prefix = "perfcycle-cli-"): {
  readonly path: string;
  readonly file: (name: string) => string;
  readonly cleanup: () => void;
} {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return {
    path,
    file: (name) => join(path, name),
    cleanup: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Files in a folder other than the ones given (to show that nothing, not even a temp file, was left behind). */
export function filesIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

export interface ZipPart {
  readonly name: string;
  readonly data: Buffer;
  /** Stored (0) or deflated (8, default). */
  readonly method?: 0 | 8;
  /** Override the uncompressed size written in the directory (to lie, as a bomb does). */
  readonly declaredSize?: number;
  readonly flags?: number;
}

/** Write a zip package (no zip64). */
export function makeZip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, "utf8");
    const method = p.method ?? 8;
    const body = method === 8 ? deflateRawSync(p.data) : p.data;
    const size = p.declaredSize ?? p.data.length;
    const crc = crc32(p.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(p.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(p.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

/** The parts of a zip package. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readZipDirectory(buf, "test.zip"))
    if (!e.name.endsWith("/")) out.set(e.name, unpackEntry(buf, e, "test.zip"));
  return out;
}

/** Rewrite some parts of a package (e.g. a table part as Excel writes it). */
export function rezip(buf: Buffer, change: (name: string, data: Buffer) => Buffer | undefined): Buffer {
  const parts: ZipPart[] = [];
  for (const [name, data] of unzip(buf)) {
    const d = change(name, data);
    if (d !== undefined) parts.push({ name, data: d });
  }
  return makeZip(parts);
}
