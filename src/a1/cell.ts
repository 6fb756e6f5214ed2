/** One cell's A1 address: `B3`, `$B$3`, with 0-based row and column inside. */
import { columnLetters, columnOfLetters } from "./columns";

export interface CellRef {
  /** 0-based column. */
  readonly col: number;
  /** 0-based row. */
  readonly row: number;
}

/**
 * Parse `B3` or `$B$3` (a sheet prefix is ignored); undefined when not a cell address.
 *
 * @example
 * parseA1("Targets!$E$4"); // { col: 4, row: 3 }
 * parseA1("E0"); // undefined
 */
export function parseA1(address: string): CellRef | undefined {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { col: columnOfLetters(m[1] ?? ""), row: row - 1 };
}

/**
 * The A1 address of a 0-based row and column.
 *
 * @example
 * cellAddress(3, 4); // "E4"
 */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/**
 * The A1 address of a 0-based cell.
 *
 * @example
 * toA1({ col: 27, row: 0 }); // "AB1"
 */
export function toA1(ref: CellRef): string {
  return cellAddress(ref.row, ref.col);
}

/**
 * The letters of the column `colOffset` columns right of an address's column (of column A
 * when it is not a cell address): a range's n-th column named as the user sees it.
 *
 * @example
 * columnAt("C4", 2); // "E"
 */
export function columnAt(origin: string, colOffset: number): string {
  return columnLetters((parseA1(origin)?.col ?? 0) + colOffset);
}

/**
 * The address `rowOffset` rows and `colOffset` columns from an origin (default, or when the
 * origin is not an address, A1).
 *
 * @example
 * offsetA1("B3", 2, 1); // "C5"
 */
export function offsetA1(origin: string | undefined, rowOffset: number, colOffset: number): string {
  const o = (origin !== undefined ? parseA1(origin) : undefined) ?? { col: 0, row: 0 };
  return toA1({ col: o.col + colOffset, row: o.row + rowOffset });
}

/**
 * The 0-based column of a cell reference's letters (`AB12` → 27, `$B$3` → 1), or -1: a fast
 * read for a sheet part's every `<c r="…">`, which stops at the first character that is not a
 * letter or `$` and checks nothing after it.
 *
 * @example
 * refColumn("AB12"); // 27
 * refColumn("12"); // -1
 */
export function refColumn(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else if (c === 36) continue;
    else break;
  }
  return i === 0 || n === 0 ? -1 : n - 1;
}

/**
 * The 0-based row of a cell reference's trailing digits (`AB12` → 11), or -1.
 *
 * @example
 * refRow("AB12"); // 11
 */
export function refRow(ref: string): number {
  const m = /(\d+)$/.exec(ref);
  return m ? Number(m[1]) - 1 : -1;
}
