/**
 * Range addresses in Excel's grammar, 0-based inside (as Office.js `rowIndex`/`columnIndex`):
 * `B3`, `A1:C5`, whole columns `A:C` and whole rows `2:4`, as Excel reports unbounded ranges
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded).
 */
import { cellAddress } from "./cell";
import { columnLetters, columnOfLetters, MAX_COLUMNS, MAX_ROWS } from "./columns";
import { quoteSheet } from "./sheet";

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/**
 * `A1:C5` (or `A1` for one cell) of a rectangle; whole columns as `A:F` and whole rows as `3:5`,
 * as Excel reports them.
 *
 * @example
 * rectAddress({ row: 0, col: 0, rowCount: 5, colCount: 3 }); // "A1:C5"
 * rectAddress({ row: 0, col: 0, rowCount: MAX_ROWS, colCount: 6 }); // "A:F"
 */
export function rectAddress(r: Rect): string {
  if (r.rowCount >= MAX_ROWS && r.row === 0) {
    return `${columnLetters(r.col)}:${columnLetters(r.col + r.colCount - 1)}`;
  }
  if (r.colCount >= MAX_COLUMNS && r.col === 0) return `${r.row + 1}:${r.row + r.rowCount}`;
  const first = cellAddress(r.row, r.col);
  if (r.rowCount === 1 && r.colCount === 1) return first;
  return `${first}:${cellAddress(r.row + r.rowCount - 1, r.col + r.colCount - 1)}`;
}

/**
 * `Sheet1!A1:C5`, as Office.js `Range.address` reports it.
 *
 * @example
 * qualifiedAddress("My sheet", { row: 1, col: 1, rowCount: 1, colCount: 1 }); // "'My sheet'!B2"
 */
export function qualifiedAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

type Corner = { row: number | null; col: number | null };

function parseCorner(text: string): Corner | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!m) return undefined;
  const letters = m[1] ?? "";
  const digits = m[2] ?? "";
  if (letters === "" && digits === "") return undefined;
  const col = letters === "" ? null : columnOfLetters(letters);
  const row = digits === "" ? null : Number(digits) - 1;
  if (col !== null && (col < 0 || col >= MAX_COLUMNS)) return undefined;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return undefined;
  return { row, col };
}

/**
 * Parse the local part of an address (`B3`, `A1:C5`, `A:C`, `2:4`); undefined when it is not one.
 *
 * @example
 * parseRect("B3:A1"); // { row: 0, col: 0, rowCount: 3, colCount: 2 }
 * parseRect("C:A"); // { row: 0, col: 0, rowCount: MAX_ROWS, colCount: 3 }
 * parseRect("A"); // undefined
 */
export function parseRect(local: string): Rect | undefined {
  const parts = local.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return undefined;
  const a = parseCorner(parts[0] ?? "");
  const b = parts.length === 2 ? parseCorner(parts[1] ?? "") : a;
  if (!a || !b) return undefined;
  // A single corner must be a whole cell; a pair must agree on kind (cells, whole columns or whole rows).
  if (parts.length === 1 && (a.row === null || a.col === null)) return undefined;
  if ((a.row === null) !== (b.row === null) || (a.col === null) !== (b.col === null)) return undefined;
  const r1 = a.row ?? 0;
  const r2 = b.row ?? MAX_ROWS - 1;
  const c1 = a.col ?? 0;
  const c2 = b.col ?? MAX_COLUMNS - 1;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, rowCount: Math.abs(r2 - r1) + 1, colCount: Math.abs(c2 - c1) + 1 };
}

/**
 * The overlap of two rectangles, or null when they share no cell.
 *
 * @example
 * intersection({ row: 0, col: 0, rowCount: 3, colCount: 3 }, { row: 2, col: 1, rowCount: 5, colCount: 1 });
 * // { row: 2, col: 1, rowCount: 1, colCount: 1 }
 */
export function intersection(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const colEnd = Math.min(a.col + a.colCount, b.col + b.colCount);
  if (rowEnd <= row || colEnd <= col) return null;
  return { row, col, rowCount: rowEnd - row, colCount: colEnd - col };
}
