/**
 * Range addresses as Office.js reports them (`Sheet1!B3:D40`, `'My sheet'!A1`).
 */
import { columnLetters, intersection, parseRect, splitSheet } from "../a1";

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
  const { sheet, local } = splitSheet(address);
  return { sheet: sheet ?? "", local };
}

/** The box of a range address (cells, whole columns or whole rows); throws on something that is not one. */
export function parseBox(address: string): Box {
  const { sheet, local } = splitAddress(address);
  const rect = parseRect(local);
  if (!rect) throw new Error(`Excel reported an address PerfCycle cannot read: '${address}'.`);
  return { sheet, ...rect };
}

/** The overlap of two boxes of one sheet, or null. */
export function overlap(a: Box, b: Box): Box | null {
  const r = intersection(a, b);
  return r === null ? null : { sheet: a.sheet, ...r };
}

/** `A1:C5` (or `A1`) of 0-based coordinates. */
export function localAddress(row: number, col: number, rowCount = 1, colCount = 1): string {
  const first = `${columnLetters(col)}${row + 1}`;
  if (rowCount === 1 && colCount === 1) return first;
  return `${first}:${columnLetters(col + colCount - 1)}${row + rowCount}`;
}
