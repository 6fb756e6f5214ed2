/**
 * ExcelJS adapters: an .xlsx file → the contract's RawWorkbook (tables by name) and sheet
 * grids; and the writers: the sample workbook, the report sheet added to a copy of a book, and
 * rows appended to a table. Nothing here computes a domain rule: values go to and come from
 * the contract as they are.
 *
 * - Cell values: rich text → its text, a formula → its cached result, a hyperlink → its text,
 *   an error → its text (`#DIV/0!`), a date → a Date (ExcelJS reads dates as UTC), the
 *   non-top-left cells of a merged area → blank (as Office.js gives them).
 * - Anything written from user text is a string cell, never a formula, even when it starts
 *   with `=`, `+`, `-` or `@` (formula injection).
 * - Writers change only what they must: the report sheet (added or replaced), or the table's
 *   new rows and changed cells and its range.
 */
import { Workbook, ValueType, type Cell, type CellValue, type Row, type Worksheet } from "exceljs";
import { columnLetters, type RawCell, type RawTable, type RawWorkbook } from "../contract";
import { CliError, messageOf } from "./errors";
import { readInput } from "./files";
import { DEFAULT_LIMITS, inspectXlsx, type PackageInfo, type PackageLimits } from "./package";

/** The model of an ExcelJS table (loaded from a file or added by ExcelJS). */
interface TableModel {
  name: string;
  displayName?: string;
  ref?: string;
  tableRef?: string;
  autoFilterRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
}

export interface SheetGrid {
  readonly name: string;
  /** Cells from A1, rows of equal length (blank is null). */
  readonly grid: RawCell[][];
  /** Number format per cell, same shape as grid (`General` when none). */
  readonly formats: string[][];
}

export interface LoadedBook {
  readonly path: string;
  readonly workbook: Workbook;
  readonly info: PackageInfo;
}

export interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

// ---------------------------------------------------------------------------------------------
// A1 ranges (1-based rows and columns, as ExcelJS counts them)

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Column letters of a 1-based (ExcelJS) column number. */
export function colLetters(col: number): string {
  return col < 1 ? "" : columnLetters(col - 1);
}

export function parseRange(ref: string): Range | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const left = colNumber(m[1] ?? "A");
  const top = Number(m[2]);
  const right = m[3] ? colNumber(m[3]) : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

export function formatRange(r: Range): string {
  return `${colLetters(r.left)}${r.top}:${colLetters(r.right)}${r.bottom}`;
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A cell's value as the contract reads it. */
export function rawValue(v: CellValue): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === "object") {
    if ("richText" in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text ?? "").join("");
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: CellValue }).result;
      return rawValue(result ?? null);
    }
    if ("hyperlink" in v) {
      const text = (v as { text?: unknown }).text;
      if (typeof text === "string") return text;
      if (text && typeof text === "object" && "richText" in text) return rawValue(text as CellValue);
      return String((v as { hyperlink: unknown }).hyperlink ?? "");
    }
  }
  return null;
}

function cellRaw(cell: Cell | undefined): RawCell {
  if (!cell) return null;
  if (cell.type === ValueType.Merge) return null; // a merged area's value is in its top-left cell
  return rawValue(cell.value);
}

function cellFormat(cell: Cell | undefined): string {
  const f = cell?.numFmt;
  return typeof f === "string" && f !== "" ? f : "General";
}

/**
 * Read an .xlsx file: the safety checks (not a zip, encrypted, damaged, zip bomb, too many
 * rows) first, then ExcelJS. Every failure is a one-line CliError.
 */
export async function loadXlsx(path: string, limits: PackageLimits = DEFAULT_LIMITS): Promise<LoadedBook> {
  const buf = await readInput(path);
  const info = inspectXlsx(buf, path, limits);
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new CliError(`${path} is damaged or not a workbook this command can read (${messageOf(e)})`);
  }
  // ExcelJS reads a table part without headerRowCount (Excel's way of saying 1) as having no
  // header row, and would write it back so: set what the file says.
  const truth = new Map(info.tables.map((t) => [t.name.toLowerCase(), t]));
  for (const ws of workbook.worksheets) {
    for (const model of tableModels(ws)) {
      const t = truth.get(model.name.toLowerCase());
      if (t) {
        model.headerRow = t.headerRowCount > 0;
        model.totalsRow = t.totalsRowCount > 0;
      }
    }
  }
  return { path, workbook, info };
}

function tableModels(ws: Worksheet): TableModel[] {
  const tables = ws.getTables() as unknown as { table?: TableModel }[];
  return tables.map((t) => t.table).filter((m): m is TableModel => m !== undefined);
}

function tableRange(model: TableModel): Range | undefined {
  const ref = model.tableRef ?? model.ref;
  return ref === undefined ? undefined : parseRange(ref);
}

export interface LocatedTable {
  readonly sheet: Worksheet;
  readonly model: TableModel;
  readonly range: Range;
  /** First data row (1-based sheet row). */
  readonly firstDataRow: number;
  /** Last data row (before a totals row); firstDataRow - 1 when the table has none. */
  readonly lastDataRow: number;
}

/** Every table of the workbook with where it is. */
export function locateTables(wb: Workbook): LocatedTable[] {
  const out: LocatedTable[] = [];
  for (const sheet of wb.worksheets) {
    for (const model of tableModels(sheet)) {
      const range = tableRange(model);
      if (!range) continue;
      const header = model.headerRow === false ? 0 : 1;
      const totals = model.totalsRow ? 1 : 0;
      out.push({
        sheet,
        model,
        range,
        firstDataRow: range.top + header,
        lastDataRow: range.bottom - totals,
      });
    }
  }
  return out;
}

export function findTable(wb: Workbook, name: string): LocatedTable | undefined {
  const key = name.toLowerCase();
  return locateTables(wb).find((t) => t.model.name.toLowerCase() === key);
}

export interface RawOptions {
  /** Read each data cell's number format too (RawTable.numberFormats). Default true. */
  readonly formats?: boolean;
}

/** A located table as the contract reads it. */
export function rawTable(t: LocatedTable, options: RawOptions = {}): RawTable {
  const withFormats = options.formats ?? true;
  const { sheet, model, range } = t;
  const width = range.right - range.left + 1;
  const headerRow = model.headerRow === false ? undefined : sheet.findRow(range.top);
  const headers: RawCell[] = [];
  for (let j = 0; j < width; j++) {
    const v = cellRaw(headerRow?.findCell(range.left + j));
    headers.push(v === null || v === "" ? (model.columns[j]?.name ?? null) : v);
  }
  const rows: RawCell[][] = [];
  const numberFormats: string[][] = [];
  for (let r = t.firstDataRow; r <= t.lastDataRow; r++) {
    const row = sheet.findRow(r);
    const cells: RawCell[] = new Array<RawCell>(width).fill(null);
    const formats: string[] = withFormats ? new Array<string>(width).fill("General") : [];
    if (row) {
      for (let j = 0; j < width; j++) {
        const cell = row.findCell(range.left + j);
        if (cell) {
          cells[j] = cellRaw(cell);
          if (withFormats) formats[j] = cellFormat(cell);
        }
      }
    }
    rows.push(cells);
    if (withFormats) numberFormats.push(formats);
  }
  const table: RawTable = {
    name: model.name,
    headers,
    rows,
    sheet: sheet.name,
    topLeft: `${colLetters(range.left)}${range.top}`,
  };
  return withFormats ? { ...table, numberFormats } : table;
}

/** Every table of the workbook, as the contract reads them. */
export function rawWorkbook(wb: Workbook, options: RawOptions = {}): RawWorkbook {
  return { tables: locateTables(wb).map((t) => rawTable(t, options)) };
}

/** A worksheet's cells from A1 as a grid, with number formats. */
export function sheetGrid(ws: Worksheet): SheetGrid {
  const grid: RawCell[][] = [];
  const formats: string[][] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row: Row, rowNumber: number) => {
    const cells: RawCell[] = [];
    const fmts: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell: Cell, col: number) => {
      const v = cellRaw(cell);
      if (v === null) return;
      while (cells.length < col - 1) {
        cells.push(null);
        fmts.push("General");
      }
      cells[col - 1] = v;
      fmts[col - 1] = cellFormat(cell);
    });
    if (cells.length === 0) return;
    while (grid.length < rowNumber - 1) {
      grid.push([]);
      formats.push([]);
    }
    grid[rowNumber - 1] = cells;
    formats[rowNumber - 1] = fmts;
    width = Math.max(width, cells.length);
  });
  for (let i = 0; i < grid.length; i++) {
    const g = grid[i] ?? [];
    const f = formats[i] ?? [];
    while (g.length < width) g.push(null);
    while (f.length < width) f.push("General");
    grid[i] = g;
    formats[i] = f;
  }
  return { name: ws.name, grid, formats };
}

/**
 * A worksheet's merged areas as A1 ranges (`B4:E4`), for the contract's SheetGrid.merges.
 * ExcelJS keeps them in the worksheet's private `_merges` (what its own model writer reads).
 */
export function sheetMerges(ws: Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, { range?: unknown } | undefined> })._merges;
  return Object.values(merges ?? {}).flatMap((m) =>
    typeof m?.range === "string" ? [m.range.replace(/\$/g, "")] : [],
  );
}

export function sheetGrids(wb: Workbook): SheetGrid[] {
  return wb.worksheets.map(sheetGrid);
}

/** A worksheet by name, as Excel matches names (case-insensitively). */
export function worksheetNamed(wb: Workbook, name: string): Worksheet | undefined {
  const key = name.toLowerCase();
  return wb.worksheets.find((ws) => ws.name.toLowerCase() === key);
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * A value to write. Strings are always string cells, never formulas (ExcelJS writes a formula
 * only for a `{ formula }` value), so user text starting with = + - @ stays text.
 */
export function cellValue(v: RawCell | undefined): CellValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return Number.isNaN(v.getTime()) ? null : v;
}

/** Does this text need guarding against formula injection (in CSV and in hosts that take formulas)? */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

/** The cell at a 1-based row and column (created when absent). */
export function cellAt(ws: Worksheet, row: number, col: number): Cell {
  return ws.getRow(row).getCell(col);
}

/** Set a cell from user data, as a value (never a formula). */
export function setCell(cell: Cell, v: RawCell | undefined, numFmt?: string): void {
  const value = cellValue(v);
  cell.value = value;
  if (numFmt !== undefined && numFmt !== "" && numFmt !== "General") cell.numFmt = numFmt;
  else if (value instanceof Date && (cell.numFmt === undefined || cell.numFmt === "General"))
    cell.numFmt = "dd/mm/yyyy";
}

/** A colour in ExcelJS's ARGB form from `#RRGGBB`. */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return /^[0-9A-F]{6}$/.test(h) ? `FF${h}` : /^[0-9A-F]{8}$/.test(h) ? h : "FF000000";
}

/** Width in characters for a column of values (clamped to 8..60). */
export function columnWidth(values: readonly RawCell[], header: RawCell): number {
  let w = String(header ?? "").length + 2;
  for (const v of values) {
    const len =
      v === null
        ? 0
        : typeof v === "number"
          ? Math.min(12, String(v).length)
          : v instanceof Date
            ? 10
            : String(v).length;
    if (len + 2 > w) w = len + 2;
  }
  return Math.max(8, Math.min(60, w));
}

/** Excel's rules for sheet names: 31 characters, none of : \ / ? * [ ], not blank. */
export function sheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, "-")
    .replace(/^'+|'+$/g, "")
    .trim();
  return (cleaned || "Sheet").slice(0, 31);
}

/** Serialise a workbook. */
export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  try {
    const out = await wb.xlsx.writeBuffer();
    return Buffer.from(out as ArrayBuffer);
  } catch (e) {
    throw new CliError(`the workbook could not be written (${messageOf(e)})`);
  }
}
