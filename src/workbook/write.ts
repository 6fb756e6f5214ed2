/**
 * Writing rows of a contract table: changed cells of existing rows, and rows appended at its end.
 */
import type { RawCell } from "../contract";
import { jsonBytes, MAX_BLOCK_ROWS, rowBlocks, type WriteBatch } from "./batch";
import { sameCell, toExcel, type ExcelValue } from "./cells";
import { bodyRows, type TableLayout } from "./tables";

/**
 * Queue rows appended to a table: first into the trailing blank rows the table already has
 * (an empty Excel table has one), then as new table rows.
 */
export async function appendRows(
  batch: WriteBatch,
  context: Excel.RequestContext,
  layout: TableLayout,
  trailingBlank: number,
  rows: readonly (readonly ExcelValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const into = Math.min(trailingBlank, rows.length);
  const firstBlank = layout.bodyRows - trailingBlank;
  for (const { start, count } of rowBlocks(into)) {
    const block = rows.slice(start, start + count);
    await batch.room(jsonBytes(block));
    bodyRows(context, layout.name, firstBlank + start, count, layout.colCount).values =
      block as ExcelValue[][];
  }
  const rest = rows.slice(into);
  for (const { start, count } of rowBlocks(rest.length)) {
    const block = rest.slice(start, start + count);
    await batch.room(jsonBytes(block));
    context.workbook.tables.getItem(layout.name).rows.add(undefined, block as ExcelValue[][]);
  }
}

/** Runs of row indexes close together (gaps of up to 20 rows), each under MAX_BLOCK_ROWS. */
function runs(sorted: readonly number[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let k = 0;
  while (k < sorted.length) {
    const start = sorted[k] ?? 0;
    let end = start;
    while (
      k + 1 < sorted.length &&
      (sorted[k + 1] ?? 0) - end <= 20 &&
      (sorted[k + 1] ?? 0) - start < MAX_BLOCK_ROWS
    ) {
      k++;
      end = sorted[k] ?? end;
    }
    k++;
    out.push({ start, end });
  }
  return out;
}

/**
 * Queue the cells of existing rows that change: `rows[i]` replaces `old[i]`; unchanged cells
 * are sent as null (left alone), runs of changed rows close together go in one range.
 */
export async function writeChangedCells(
  batch: WriteBatch,
  context: Excel.RequestContext,
  layout: TableLayout,
  old: readonly (readonly RawCell[])[],
  rows: readonly (readonly RawCell[])[],
  indexes: readonly number[],
): Promise<void> {
  const width = layout.colCount;
  const diff = new Map<number, (ExcelValue | null)[]>();
  for (const i of indexes) {
    const before = old[i] ?? [];
    const after = rows[i] ?? [];
    const cells = Array.from({ length: width }, (_, j) =>
      sameCell(before[j], after[j]) ? null : toExcel(after[j]),
    );
    if (cells.some((c) => c !== null)) diff.set(i, cells);
  }
  for (const { start, end } of runs([...diff.keys()].sort((a, b) => a - b))) {
    const block = Array.from(
      { length: end - start + 1 },
      (_, r) => diff.get(start + r) ?? Array<null>(width).fill(null),
    );
    await batch.room(jsonBytes(block));
    bodyRows(context, layout.name, start, block.length, width).values = block as unknown[][];
  }
}
