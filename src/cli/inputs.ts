/**
 * Reading the command's inputs: a PerfCycle book (its package, its register) and a CSV file's one
 * table, each refused in one line when it cannot be read.
 */
import { basename, extname } from "node:path";
import { readRegister, type RawCell, type ReadResult, type SheetGrid } from "../contract";
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

/** A sheet of a table file: its grid, and for an .xlsx its number formats and merged areas. */
export interface WideSheet {
  readonly sheet: string;
  readonly grid: RawCell[][];
  readonly formats?: string[][];
  readonly merges?: string[];
}

/** A sheet's grid as the wide import takes it (values, number formats and merged areas). */
function wideSheet(g: SheetGrid): WideSheet {
  const grid = g.grid.map((r) => [...r]);
  const formats = g.formats?.map((r) => [...r]);
  const merges = g.merges ? [...g.merges] : undefined;
  return {
    sheet: g.name,
    grid,
    ...(formats ? { formats } : {}),
    ...(merges ? { merges } : {}),
  };
}

/** The sheet named, or the first with data. */
function bookSheet(book: XlsxBook, path: string, sheet: string | undefined): WideSheet {
  if (sheet !== undefined) {
    const ws = book.sheetNamed(sheet);
    if (!ws) {
      const names = book
        .worksheets()
        .map((w) => JSON.stringify(w.name))
        .join(", ");
      throw new CliError(
        "SHEET_MISSING",
        `${path} has no sheet ${JSON.stringify(sheet)} (its sheets: ${names || "none"})`,
      );
    }
    return wideSheet(book.grid(ws));
  }
  for (const ws of book.worksheets()) {
    const g = book.grid(ws);
    if (g.grid.length > 0) return wideSheet(g);
  }
  throw new CliError("NOTHING_TO_READ", `${path} has no sheet with data: there is no table to import`);
}

/**
 * The table a file holds, as `import` and `import --comparators` read it: a CSV file's one table,
 * or an .xlsx sheet (the one named, or the first with data); refused in one line when empty.
 */
export async function tableSheet(path: string, sheet: string | undefined, io: CliIo): Promise<WideSheet> {
  if (isCsv(path)) {
    if (sheet !== undefined)
      throw new CliError("USAGE", `import: --sheet is for .xlsx files; ${path} is a CSV file with one table`);
    const csv = await csvGrid(path, io);
    if (csv.grid.length === 0)
      throw new CliError("NOTHING_TO_READ", `${path} is empty: there is no table to import`);
    return csv;
  }
  return bookSheet(await openXlsx(path, limitsOf(io)), path, sheet);
}
