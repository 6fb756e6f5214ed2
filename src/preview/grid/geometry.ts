/** The grid's geometry: cells and rectangles, how much of the sheet is drawn, the cells' views and the columns' widths. */
import { parseRect, type CellView, type MemoryWorkbook, type Rect } from "../../memory-excel";

export const MIN_ROWS = 40;
export const MIN_COLS = 12;
export const MAX_RENDER_ROWS = 2000;
export const MAX_RENDER_COLS = 80;

export interface Cell {
  readonly row: number;
  readonly col: number;
}

export const cellKey = (row: number, col: number): string => `${row}:${col}`;

export function rectOf(a: Cell, b: Cell): Rect {
  return {
    row: Math.min(a.row, b.row),
    col: Math.min(a.col, b.col),
    rowCount: Math.abs(a.row - b.row) + 1,
    colCount: Math.abs(a.col - b.col) + 1,
  };
}

export function inRect(r: Rect | null, row: number, col: number): boolean {
  return r !== null && row >= r.row && row < r.row + r.rowCount && col >= r.col && col < r.col + r.colCount;
}

/** The views of the cells drawn: `rows` by `cols` from A1. */
export function readViews(book: MemoryWorkbook, sheetName: string, rows: number, cols: number): CellView[][] {
  const out: CellView[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: CellView[] = [];
    for (let c = 0; c < cols; c++) row.push(book.cellView(sheetName, r, c));
    out.push(row);
  }
  return out;
}

/** The header cells of the sheet's tables (drawn as Excel's table style draws them). */
export function tableHeaderCells(book: MemoryWorkbook, sheetName: string): Set<string> {
  const set = new Set<string>();
  for (const t of book.tableInfos().filter((x) => x.sheet === sheetName)) {
    const r = parseRect(t.address);
    if (r) for (let c = 0; c < r.colCount; c++) set.add(cellKey(r.row, r.col + c));
  }
  return set;
}

/** Each column's width in pixels, from its longest text in the first 400 rows. */
export function columnWidths(views: readonly (readonly CellView[])[], rows: number, cols: number): number[] {
  const w: number[] = [];
  for (let c = 0; c < cols; c++) {
    let len = 0;
    for (let r = 0; r < Math.min(rows, 400); r++) {
      const v = views[r]?.[c];
      if (!v || v.text === "") continue;
      // Text with an empty cell to its right spills over it, as in Excel: it does not widen the column.
      const spills = typeof v.value === "string" && (views[r]?.[c + 1]?.text ?? "") === "";
      len = Math.max(len, spills ? Math.min(v.text.length, 12) : v.text.length);
    }
    w.push(Math.max(64, Math.min(300, len * 7 + 14)));
  }
  return w;
}
