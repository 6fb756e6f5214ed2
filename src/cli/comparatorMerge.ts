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
  const [idCol, periodCol, nameCol, valueCol] = ["indicatorid", "period", "comparator", "value"].map((n) =>
    h.indexOf(n),
  ) as [number, number, number, number];
  const typed = new Map<string, number>();
  table.rows.forEach((r, i) => {
    const text = (j: number): string => cellText(r[j] ?? null);
    const k = keyOf(text(idCol), text(periodCol), text(nameCol));
    if (!typed.has(k)) typed.set(k, i);
  });
  const fresh = new Map<string, ComparatorRow>();
  const conflicts: ComparatorConflict[] = [];
  let same = 0;
  for (const c of incoming) {
    const k = keyOf(c.indicatorId, c.period, c.comparator);
    const at = typed.get(k);
    // A key the imported table gives twice: the first wins.
    if (at === undefined) {
      if (!fresh.has(k)) fresh.set(k, c);
    } else if (sameFigure(table.rows[at]?.[valueCol] ?? null, c.value)) same++;
    else
      conflicts.push({
        cell: cellOf(at, valueCol),
        indicatorId: c.indicatorId,
        period: c.period,
        comparator: c.comparator,
        kept: table.rows[at]?.[valueCol] ?? null,
        imported: c.value,
      });
  }
  const rows = [
    ...table.rows.map((r) => [...r]),
    ...[...fresh.values()].map((c) => comparatorCells(c, table.headers)),
  ];
  return { rows, added: fresh.size, same, conflicts };
}
