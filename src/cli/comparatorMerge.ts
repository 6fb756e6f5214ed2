/**
 * Comparator rows merged into a PerfComparators table without overwriting what the user typed:
 * rows are matched by indicator, period and comparator (case and spacing aside, `2014/15` as
 * `2014-15`); a new key is added at the end; a key already there is left exactly as it is, and
 * where its Value differs from the published one the difference is reported (sheet, cell, both
 * figures), never written.
 */
import { cellText, type RawCell, type RawTable } from "../contract";
import { comparatorCells, type ComparatorRow } from "../contract/comparatorImport";

export interface ComparatorConflict {
  /** Sheet!A1 of the user's Value cell. */
  readonly cell: string;
  readonly indicatorId: string;
  readonly period: string;
  readonly comparator: string;
  /** The figure in the workbook (as typed). */
  readonly kept: RawCell;
  /** The figure in the imported table. */
  readonly imported: number;
}

export interface ComparatorMerge {
  /** The table's data rows after the merge (existing rows unchanged, new ones after them). */
  readonly rows: RawCell[][];
  readonly added: number;
  /** Rows already in the table with the same figure. */
  readonly same: number;
  readonly conflicts: ComparatorConflict[];
}

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, " ");
const keyOf = (id: string, period: string, name: string): string =>
  `${norm(id)}|${norm(period).replace(/\s*[/–]\s*/, "-")}|${norm(name)}`;
const header = (h: RawCell): string => cellText(h).trim().toLowerCase().replace(/\s+/g, "");

function sameFigure(kept: RawCell, imported: number): boolean {
  const n = typeof kept === "number" ? kept : Number(cellText(kept).trim());
  return (
    Number.isFinite(n) &&
    cellText(kept).trim() !== "" &&
    Math.abs(n - imported) <= 1e-9 * Math.max(1, Math.abs(imported))
  );
}

/**
 * Merge `incoming` into `table` (see the module comment). `cellOf` names the sheet cell of a
 * data row's column (0-based both) for the conflicts.
 */
export function mergeComparators(
  table: RawTable,
  incoming: readonly ComparatorRow[],
  cellOf: (row: number, column: number) => string,
): ComparatorMerge {
  const h = table.headers.map(header);
  const col = (name: string): number => h.indexOf(name);
  const rows = table.rows.map((r) => [...r]);
  const index = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = keyOf(
      cellText(r[col("indicatorid")] ?? null),
      cellText(r[col("period")] ?? null),
      cellText(r[col("comparator")] ?? null),
    );
    if (!index.has(k)) index.set(k, i);
  });
  const conflicts: ComparatorConflict[] = [];
  let added = 0;
  let same = 0;
  for (const c of incoming) {
    const k = keyOf(c.indicatorId, c.period, c.comparator);
    const at = index.get(k);
    if (at === undefined) {
      rows.push(comparatorCells(c, table.headers));
      index.set(k, rows.length - 1);
      added++;
      continue;
    }
    if (at >= table.rows.length) continue; // the imported table gives the key twice: the first wins
    const kept = rows[at]?.[col("value")] ?? null;
    if (sameFigure(kept, c.value)) same++;
    else
      conflicts.push({
        cell: cellOf(at, col("value")),
        indicatorId: c.indicatorId,
        period: c.period,
        comparator: c.comparator,
        kept,
        imported: c.value,
      });
  }
  return { rows, added, same, conflicts };
}
