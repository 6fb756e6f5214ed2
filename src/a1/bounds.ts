/**
 * Ranges as the .xlsx package counts them (a table's `ref`, a merged area, a sheet's dimension):
 * 1-based rows and columns, corners `$`-free or not, no sheet and no whole columns or rows.
 */
import { columnLetters, columnOfLetters } from "./columns";

/** A range's 1-based first and last rows and columns. */
export interface Range {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Column letters of a 1-based column number ("" below 1).
 *
 * @example
 * colLetters(1); // "A"
 * colLetters(28); // "AB"
 */
export function colLetters(col: number): string {
  return col < 1 ? "" : columnLetters(col - 1);
}

/**
 * Parse `B3`, `A1:C5` or `$A$1:$C$5` into a 1-based range (corners in any order); undefined
 * when it is not one.
 *
 * @example
 * parseRange("C5:A1"); // { top: 1, left: 1, bottom: 5, right: 3 }
 */
export function parseRange(ref: string): Range | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) return undefined;
  const left = columnOfLetters(m[1] ?? "A") + 1;
  const top = Number(m[2]);
  const right = m[3] ? columnOfLetters(m[3]) + 1 : left;
  const bottom = m[4] ? Number(m[4]) : top;
  return {
    top: Math.min(top, bottom),
    bottom: Math.max(top, bottom),
    left: Math.min(left, right),
    right: Math.max(left, right),
  };
}

/**
 * `A1:C5` of a 1-based range.
 *
 * @example
 * formatRange({ top: 1, left: 1, bottom: 5, right: 3 }); // "A1:C5"
 */
export function formatRange(r: Range): string {
  return `${colLetters(r.left)}${r.top}:${colLetters(r.right)}${r.bottom}`;
}

/** Whether two ranges share a cell. */
export function overlaps(a: Range, b: Range): boolean {
  return a.left <= b.right && a.right >= b.left && a.top <= b.bottom && a.bottom >= b.top;
}
