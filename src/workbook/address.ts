/**
 * Range addresses as Office.js reports them (`Sheet1!B3:D40`, `'My sheet'!A1`).
 */
import { columnLetters, parseA1 } from "../contract";

export interface Box {
  readonly sheet: string;
  /** 0-based first row and column. */
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** Split `'My sheet'!A1:B2` into the sheet name (unquoted) and `A1:B2`. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  let sheet = bang < 0 ? "" : address.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'"))
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Excel's sheet size. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/** 0-based column of letters (`A` → 0), or -1. */
function lettersToColumn(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** Whole columns `A:F` or whole rows `3:5` (as Excel reports unbounded ranges), else undefined. */
function unboundedBox(sheet: string, local: string): Box | undefined {
  const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(local);
  if (cols) {
    const a = lettersToColumn(cols[1] ?? "A");
    const b = lettersToColumn(cols[2] ?? "A");
    return { sheet, row: 0, col: Math.min(a, b), rowCount: SHEET_ROWS, colCount: Math.abs(b - a) + 1 };
  }
  const rows = /^\$?(\d{1,7}):\$?(\d{1,7})$/.exec(local);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { sheet, row: Math.min(a, b), col: 0, rowCount: Math.abs(b - a) + 1, colCount: SHEET_COLUMNS };
  }
  return undefined;
}

/** The box of a range address (cells, whole columns or whole rows); throws on something that is not one. */
export function parseBox(address: string): Box {
  const { sheet, local } = splitAddress(address);
  const unbounded = unboundedBox(sheet, local);
  if (unbounded) return unbounded;
  const [a, b] = local.split(":");
  const first = parseA1(a ?? "");
  const last = b === undefined ? first : parseA1(b);
  if (!first || !last) throw new Error(`Excel reported an address PerfCycle cannot read: '${address}'.`);
  return {
    sheet,
    row: Math.min(first.row, last.row),
    col: Math.min(first.col, last.col),
    rowCount: Math.abs(last.row - first.row) + 1,
    colCount: Math.abs(last.col - first.col) + 1,
  };
}

/** The overlap of two boxes of one sheet, or null. */
export function overlap(a: Box, b: Box): Box | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const colEnd = Math.min(a.col + a.colCount, b.col + b.colCount);
  if (rowEnd <= row || colEnd <= col) return null;
  return { sheet: a.sheet, row, col, rowCount: rowEnd - row, colCount: colEnd - col };
}

/** `A1:C5` (or `A1`) of 0-based coordinates. */
export function localAddress(row: number, col: number, rowCount = 1, colCount = 1): string {
  const first = `${columnLetters(col)}${row + 1}`;
  if (rowCount === 1 && colCount === 1) return first;
  return `${first}:${columnLetters(col + colCount - 1)}${row + rowCount}`;
}
