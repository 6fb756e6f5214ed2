/**
 * Writing rows of contract tables: changed cells of existing rows, and rows appended at a table's
 * end. An action plans its writes on a TableWriter, then `flush()` does them in two steps:
 *
 * 1. a probe, one sync for all tables and only when some text could be converted by Excel: the
 *    number formats of the cells that text goes into, so text is written as text in Text cells
 *    (as it is) and in other cells (with the quote prefix); see cells.ts;
 * 2. the writes, queued on the action's WriteBatch (synced by the action's `finish()`).
 *
 * Unchanged cells are sent as null (Office.js leaves them alone: "Use null in 2-D arrays to leave
 * specific cells unchanged", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
import type { RawCell } from "../contract";
import { jsonBytes, MAX_BLOCK_ROWS, rowBlocks, type WriteBatch } from "./batch";
import { formatMatters, sameCell, toExcel, type ExcelValue } from "./cells";
import { bodyRows, type TableLayout } from "./tables";

/** A planned write: `rows` from body row `start` (undefined: leave the cell alone). */
interface Block {
  readonly layout: TableLayout;
  readonly start: number;
  readonly rows: readonly (readonly (RawCell | undefined)[])[];
  /** New rows after the table's last row. */
  readonly below: boolean;
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

export class TableWriter {
  private readonly blocks: Block[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly batch: WriteBatch,
  ) {}

  /** Plan the cells of existing rows that change: `rows[i]` replaces `old[i]` for each index. */
  change(
    layout: TableLayout,
    old: readonly (readonly RawCell[])[],
    rows: readonly (readonly RawCell[])[],
    indexes: readonly number[],
  ): void {
    const width = layout.colCount;
    const diff = new Map<number, (RawCell | undefined)[]>();
    for (const i of indexes) {
      const before = old[i] ?? [];
      const after = rows[i] ?? [];
      const cells = Array.from({ length: width }, (_, j) =>
        sameCell(before[j], after[j]) ? undefined : (after[j] ?? null),
      );
      if (cells.some((c) => c !== undefined)) diff.set(i, cells);
    }
    for (const { start, end } of runs([...diff.keys()].sort((a, b) => a - b))) {
      const block = Array.from(
        { length: end - start + 1 },
        (_, r) => diff.get(start + r) ?? Array<undefined>(width).fill(undefined),
      );
      this.blocks.push({ layout, start, rows: block, below: false });
    }
  }

  /**
   * Plan rows appended to a table: first into the trailing blank rows the table already has
   * (an empty Excel table has one), then as new rows after its last row.
   */
  append(layout: TableLayout, trailingBlank: number, rows: readonly (readonly RawCell[])[]): void {
    if (rows.length === 0) return;
    const into = Math.min(trailingBlank, rows.length);
    const firstBlank = layout.bodyRows - trailingBlank;
    for (const { start, count } of rowBlocks(into)) {
      this.blocks.push({
        layout,
        start: firstBlank + start,
        rows: rows.slice(start, start + count),
        below: false,
      });
    }
    const rest = rows.slice(into);
    for (const { start, count } of rowBlocks(rest.length)) {
      this.blocks.push({
        layout,
        start: layout.bodyRows + start,
        rows: rest.slice(start, start + count),
        below: true,
      });
    }
  }

  /** Probe the number formats the planned text needs (one sync, or none), then queue the writes. */
  async flush(): Promise<void> {
    const formats = this.blocks.map((b) => this.queueProbe(b));
    if (formats.some((f) => f !== null)) await this.context.sync();
    for (const [k, b] of this.blocks.entries()) {
      const probe = formats[k] ?? null;
      const formatAt = (i: number, j: number): string | null => {
        if (!probe) return null;
        const grid = probe.numberFormat as unknown[][];
        const row = b.below ? grid[0] : grid[i];
        const f = row?.[j];
        return typeof f === "string" ? f : null;
      };
      const values = b.rows.map((row, i) =>
        Array.from({ length: b.layout.colCount }, (_, j) => {
          const c = row[j];
          if (c === undefined) return null;
          return toExcel(c, formatAt(i, j));
        }),
      );
      await this.queueWrite(b, values);
    }
    this.blocks.length = 0;
  }

  /** Queue the load of the formats a block's text goes into (null when no text needs them). */
  private queueProbe(b: Block): Excel.Range | null {
    if (!b.rows.some((row) => row.some((c) => formatMatters(c ?? null)))) return null;
    const { layout } = b;
    // New rows take the formats of the table's last row (Excel extends a table's formats to rows it adds).
    const start = b.below ? layout.bodyRows - 1 : b.start;
    const count = b.below ? 1 : b.rows.length;
    return bodyRows(this.context, layout.name, start, count, layout.colCount).load("numberFormat");
  }

  private async queueWrite(b: Block, values: (ExcelValue | null)[][]): Promise<void> {
    await this.batch.room(jsonBytes(values));
    if (!b.below) {
      bodyRows(this.context, b.layout.name, b.start, values.length, b.layout.colCount).values =
        values as ExcelValue[][];
      return;
    }
    const filled = values.map((row) => row.map((v) => v ?? ""));
    this.context.workbook.tables.getItem(b.layout.name).rows.add(undefined, filled);
  }
}
