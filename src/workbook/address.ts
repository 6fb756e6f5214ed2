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

/** The box of a range address; throws on something that is not one. */
export function parseBox(address: string): Box {
  const { sheet, local } = splitAddress(address);
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

/** `A1:C5` (or `A1`) of 0-based coordinates. */
export function localAddress(row: number, col: number, rowCount = 1, colCount = 1): string {
  const first = `${columnLetters(col)}${row + 1}`;
  if (rowCount === 1 && colCount === 1) return first;
  return `${first}:${columnLetters(col + colCount - 1)}${row + rowCount}`;
}
