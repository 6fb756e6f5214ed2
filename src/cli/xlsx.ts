/**
 * The ExcelJS adapter, kept for two uses: the sample workbook (our own content, written with
 * ExcelJS by ./writers) and a second, independent reader of .xlsx files for the tests to compare
 * the command's own reader (./ooxml) with. Nothing here computes a domain rule.
 *
 * - Cell values become the contract's raw cells through its one conversion (normaliseCell);
 *   the non-top-left cells of a merged area are blank (as Office.js gives them).
 * - Anything written from user text is a string cell, never a formula, even when it starts
 *   with `=`, `+`, `-` or `@` (formula injection).
 */
import { Workbook, ValueType, type Cell, type CellValue, type Row, type Worksheet } from "exceljs";
import { colLetters, parseRange, type Range } from "../a1";
import { normaliseCell, type RawCell, type RawTable, type RawWorkbook } from "../contract";
import { CliError, messageOf } from "./errors";
import { readInput } from "./files";
import { DEFAULT_LIMITS, type PackageLimits } from "./limits";
import { inspectXlsx, type PackageInfo } from "./package";

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

// ---------------------------------------------------------------------------------------------
// Reading

function cellRaw(cell: Cell | undefined): RawCell {
  if (!cell) return null;
  if (cell.type === ValueType.Merge) return null; // a merged area's value is in its top-left cell
  return normaliseCell(cell.value);
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
    throw new CliError(
      "DAMAGED",
      `${path} is damaged or not a workbook this command can read (${messageOf(e)})`,
    );
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
function locateTables(wb: Workbook): LocatedTable[] {
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

/** Serialise a workbook. */
export async function workbookBuffer(wb: Workbook): Promise<Buffer> {
  try {
    const out = await wb.xlsx.writeBuffer();
    return Buffer.from(out as ArrayBuffer);
  } catch (e) {
    throw new CliError("OUTPUT_UNWRITABLE", `the workbook could not be written (${messageOf(e)})`);
  }
}
