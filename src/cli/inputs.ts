/**
 * Reading the command's inputs: a PerfCycle book (its package, its register) and a CSV file's one
 * table, each refused in one line when it cannot be read.
 */
import { basename, extname } from "node:path";
import { readRegister, type RawCell, type ReadResult } from "../contract";
import type { Register } from "../engine";
import { decodeText, parseCsv } from "./csv";
import { CliError } from "./errors";
import { readInput } from "./files";
import { limitsOf, type CliIo } from "./io";
import { openXlsx, type XlsxBook } from "./ooxml/book";

export interface Book {
  readonly path: string;
  /** The package as read (its parts are what a copy is written from). */
  readonly xlsx: XlsxBook;
  readonly read: ReadResult;
  readonly register: Register;
}

/** A book with a register; a book the contract cannot read is a one-line CliError. */
export async function readBook(path: string, io: CliIo): Promise<Book> {
  const xlsx = await openXlsx(path, limitsOf(io));
  // The reader does not use number formats (the published-figure check reads them from grids).
  const raw = xlsx.rawWorkbook({ formats: false });
  xlsx.release();
  const read = readRegister(raw);
  if (read.fatal || !read.register) {
    throw new CliError("CONTRACT", `${path}: ${read.fatal?.message ?? "the workbook cannot be read"}`);
  }
  return { path, xlsx, read, register: read.register };
}

const CSV_EXTENSIONS = new Set([".csv", ".txt", ".tsv"]);

/** A file the command reads as CSV (by its extension). */
export function isCsv(path: string): boolean {
  return CSV_EXTENSIONS.has(extname(path).toLowerCase());
}

/** A CSV file's one table (size-checked), named after the file. */
export async function csvGrid(path: string, io: CliIo): Promise<{ sheet: string; grid: RawCell[][] }> {
  const limits = limitsOf(io);
  const buf = await readInput(path);
  if (buf.length > limits.maxTotalBytes)
    throw new CliError(
      "TOO_LARGE",
      `${path} is refused: it is larger than the ${Math.round(limits.maxTotalBytes / 1048576)} MB the command reads`,
    );
  return { sheet: basename(path), grid: parseCsv(decodeText(buf), path, limits.maxRows) };
}
