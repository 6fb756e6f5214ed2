/**
 * A1 addresses for the in-memory Excel: `B3`, `$B$3`, `A1:C5`, `'My sheet'!A1:C5`, whole rows and
 * columns (`A:C`, `2:4`). Rows and columns are 0-based inside, as Office.js `rowIndex`/`columnIndex`.
 * The address grammar is the one A1 module's (src/a1, which imports nothing); here the geometry.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from "../a1";

export * from "../a1";

/** Whether a rectangle spans whole columns or whole rows (an unbounded range). */
export function isUnbounded(r: Rect): boolean {
  return r.rowCount >= MAX_ROWS || r.colCount >= MAX_COLUMNS;
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
