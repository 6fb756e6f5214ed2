/**
 * Merged cells (SheetGrid.merges, A1 ranges in sheet coordinates): only the top-left cell of a
 * merged area holds its value. A header merged over several columns ("2013-14" over four
 * quarter-end dates) or rows ("Case Type" over the fiscal-year row and the quarter row) applies
 * to each cell it covers, so header rows are read with merged values spread over their areas.
 * Figures are never spread: a figure belongs to one cell.
 */
import { parseA1 } from "../a1";
import type { RawCell } from "../raw";

export interface GridArea {
  /** 0-based rows and columns in grid coordinates (relative to the origin), inclusive. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Merged A1 ranges as areas of the grid whose top-left cell is at `origin`; unreadable ranges are skipped. */
export function mergeAreas(merges: readonly string[] | undefined, origin: string): GridArea[] {
  const o = parseA1(origin) ?? { row: 0, col: 0 };
  const out: GridArea[] = [];
  for (const m of merges ?? []) {
    const [a, b] = m.replace(/^.*!/, "").split(":");
    const p = parseA1(a ?? "");
    const q = parseA1(b ?? a ?? "");
    if (!p || !q) continue;
    out.push({
      top: Math.min(p.row, q.row) - o.row,
      bottom: Math.max(p.row, q.row) - o.row,
      left: Math.min(p.col, q.col) - o.col,
      right: Math.max(p.col, q.col) - o.col,
    });
  }
  return out;
}

/** A copy of the grid with each merged area's top-left value in every cell of the area. */
export function spreadMerges(grid: readonly (readonly RawCell[])[], areas: readonly GridArea[]): RawCell[][] {
  const out = grid.map((r) => [...r]);
  for (const a of areas) {
    if (a.top < 0 || a.left < 0) continue;
    const value = grid[a.top]?.[a.left] ?? null;
    if (value === null || value === "") continue;
    for (let r = a.top; r <= a.bottom && r < out.length; r++) {
      const row = out[r];
      if (!row) continue;
      for (let c = a.left; c <= a.right; c++) {
        while (row.length <= c) row.push(null);
        if (row[c] === null || row[c] === "") row[c] = value;
      }
    }
  }
  return out;
}

/** The merged area a cell is the top-left of, if any. */
export function areaAt(areas: readonly GridArea[], r: number, c: number): GridArea | undefined {
  return areas.find((a) => a.top === r && a.left === c);
}
