/**
 * A1 addresses for the in-memory Excel: `B3`, `$B$3`, `A1:C5`, `'My sheet'!A1:C5`, whole rows and
 * columns (`A:C`, `2:4`). Rows and columns are 0-based inside, as Office.js `rowIndex`/`columnIndex`.
 */

/** Column letters of a 0-based column (`0` → `A`, `26` → `AA`). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Excel's limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rowCount: number;
  readonly colCount: number;
}

/** 0-based column of column letters (`A` → 0); -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** `A1` of a 0-based cell. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Whether a rectangle spans whole columns or whole rows (an unbounded range). */
export function isUnbounded(r: Rect): boolean {
  return r.rowCount >= MAX_ROWS || r.colCount >= MAX_COLUMNS;
}

/**
 * `A1:C5` (or `A1` for one cell) of a rectangle; whole columns as `A:F` and whole rows as `3:5`,
 * as Excel reports them (`whole-column-address`: "Range addresses comprised of entire columns …
 * `A:F`", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-unbounded).
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

/** The overlap of two rectangles, or null. */
export function intersection(a: Rect, b: Rect): Rect | null {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount);
  const colEnd = Math.min(a.col + a.colCount, b.col + b.colCount);
  if (rowEnd <= row || colEnd <= col) return null;
  return { row, col, rowCount: rowEnd - row, colCount: colEnd - col };
}

/** A sheet name as Excel writes it in an address: quoted when it has spaces or punctuation. */
export function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/** `Sheet1!A1:C5`, as Office.js `Range.address` reports it. */
export function qualifiedAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(r)}`;
}

/** Split `'My sheet'!A1:B2` into sheet (unquoted) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const a = address.trim();
  const bang = a.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: a };
  let sheet = a.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, local: a.slice(bang + 1) };
}

type Corner = { row: number | null; col: number | null };

function parseCorner(text: string): Corner | undefined {
  const m = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/.exec(text);
  if (!m) return undefined;
  const letters = m[1] ?? "";
  const digits = m[2] ?? "";
  if (letters === "" && digits === "") return undefined;
  const col = letters === "" ? null : columnIndex(letters);
  const row = digits === "" ? null : Number(digits) - 1;
  if (col !== null && (col < 0 || col >= MAX_COLUMNS)) return undefined;
  if (row !== null && (row < 0 || row >= MAX_ROWS)) return undefined;
  return { row, col };
}

/** Parse the local part of an address (`B3`, `A1:C5`, `A:C`, `2:4`); undefined when it is not one. */
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

export function sameRect(a: Rect, b: Rect): boolean {
  return a.row === b.row && a.col === b.col && a.rowCount === b.rowCount && a.colCount === b.colCount;
}

export function intersects(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.col < b.col + b.colCount &&
    b.col < a.col + a.colCount
  );
}

export function contains(outer: Rect, row: number, col: number): boolean {
  return (
    row >= outer.row &&
    row < outer.row + outer.rowCount &&
    col >= outer.col &&
    col < outer.col + outer.colCount
  );
}
