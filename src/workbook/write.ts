/**
 * Writing rows of contract tables: changed cells of existing rows, and rows appended at a table's
 * end. An action plans its writes on a TableWriter, then `flush()` does them in two steps:
 *
 * 1. a probe, one sync for all tables, only when needed: the number formats of the cells text
 *    goes into, so text is written as text in Text cells (as it is) and in other cells (with the
 *    quote prefix), see cells.ts; and, for rows appended, the table's last row (its formats) and
 *    whether the cells below the table are free;
 * 2. the writes, queued on the action's WriteBatch (synced by the action's `finish()`).
 *
 * Rows are appended by setting `Range.values` just below the table, which Excel grows the table
 * over, not by `TableRowCollection.add`, which makes merge conflicts with co-authors ("Use
 * Range.values to add rows", https://learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins);
 * cells the user has below the table are moved down first (`Range.insert`), as that page advises.
 * Cells the row does not fill are sent as null, so calculated columns fill them. A table that
 * shows a totals row is the exception: rows can only go above that row with `rows.add`.
 *
 * A table with hidden (filtered) rows gets one range per row: a multi-row write over hidden rows
 * can land in the wrong rows (office-js#224). Clearing and re-applying the user's filter is not an
 * option: it loses the filter when re-applying fails (office-js#1226, #3030).
 *
 * Unchanged cells are sent as null (Office.js leaves them alone: "Use null in 2-D arrays to leave
 * specific cells unchanged", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values).
 */
import { sameStoredValue, type RawCell } from "../contract";
import { localAddress } from "./address";
import { jsonBytes, MAX_BLOCK_ROWS, rowBlocks, type WriteBatch } from "./batch";
import { formatMatters, toExcel, type ExcelValue } from "./cells";
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
  /** What is below a table, already read (so no probe sync is needed for it). */
  private readonly known = new Map<TableLayout, KnownBelow>();

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
        sameStoredValue(before[j], after[j]) ? undefined : (after[j] ?? null),
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
  append(
    layout: TableLayout,
    trailingBlank: number,
    rows: readonly (readonly RawCell[])[],
    below?: KnownBelow,
  ): void {
    if (rows.length === 0) return;
    if (below) this.known.set(layout, below);
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

  /** Probe what the writes need (one sync, or none), then queue them. */
  async flush(): Promise<void> {
    const probes = this.blocks.map((b) => this.queueProbe(b));
    const queued = this.queueBelowProbes();
    if (probes.some((f) => f !== null) || queued.size > 0) await this.context.sync();
    const below = new Map<TableLayout, KnownBelow>(this.known);
    for (const [layout, read] of queued) below.set(layout, read());
    for (const [layout, probe] of below) this.queueMakeRoom(layout, probe);
    for (const [k, b] of this.blocks.entries()) {
      const lastRow = below.get(b.layout)?.formats;
      const grid = probes[k]?.numberFormat as unknown[][] | undefined;
      const formatAt = (i: number, j: number): string | null => {
        const f = (b.below ? lastRow : grid?.[i])?.[j];
        return typeof f === "string" ? f : null;
      };
      const values = b.rows.map((row, i) =>
        Array.from({ length: b.layout.colCount }, (_, j) => {
          const c = row[j];
          // Blank cells of new rows are left alone, so calculated columns fill them.
          if (c === undefined || (b.below && (c === null || c === ""))) return null;
          return toExcel(c, formatAt(i, j));
        }),
      );
      await this.queueWrite(b, values, b.below ? lastRow : undefined);
    }
    this.blocks.length = 0;
    this.known.clear();
  }

  /** Queue the load of the formats a block's text goes into (null when no text needs them). */
  private queueProbe(b: Block): Excel.Range | null {
    if (b.below || !b.rows.some((row) => row.some((c) => formatMatters(c ?? null)))) return null;
    return bodyRows(this.context, b.layout.name, b.start, b.rows.length, b.layout.colCount).load(
      "numberFormat",
    );
  }

  /** For each table that gets new rows: its last row's formats and the cells where they go. */
  private queueBelowProbes(): Map<TableLayout, () => KnownBelow> {
    const out = new Map<TableLayout, () => KnownBelow>();
    for (const b of this.blocks) {
      if (!b.below || b.layout.totalsRow || out.has(b.layout)) continue;
      const count = this.blocks
        .filter((x) => x.below && x.layout === b.layout)
        .reduce((n, x) => n + x.rows.length, 0);
      const known = this.known.get(b.layout);
      if (known && known.count >= count) continue;
      this.known.delete(b.layout);
      const l = b.layout;
      const formats = bodyRows(this.context, l.name, l.bodyRows - 1, 1, l.colCount).load("numberFormat");
      const cells = this.sheetRange(l, l.bodyRows, count).load("values");
      out.set(l, () => ({
        count,
        formats: (formats.numberFormat as unknown[][])[0],
        taken: (cells.values as unknown[][]).map((row) => row.some((v) => v !== "" && v !== null)),
      }));
    }
    return out;
  }

  /** Cells the user has just below the table move down, so new rows never overwrite them. */
  private queueMakeRoom(layout: TableLayout, probe: KnownBelow): void {
    const count = this.blocks
      .filter((x) => x.below && x.layout === layout)
      .reduce((n, x) => n + x.rows.length, 0);
    if (count === 0 || !probe.taken.slice(0, count).some((t) => t)) return;
    this.batch.small();
    this.sheetRange(layout, layout.bodyRows, count).insert("Down");
  }

  /** Body rows [start, start + count) of a table by sheet address (stable while the table grows). */
  private sheetRange(layout: TableLayout, start: number, count: number): Excel.Range {
    return this.context.workbook.worksheets
      .getItem(layout.sheet)
      .getRange(localAddress(layout.headerRow + 1 + start, layout.col, count, layout.colCount));
  }

  private async queueWrite(
    b: Block,
    values: (ExcelValue | null)[][],
    formats: readonly unknown[] | undefined,
  ): Promise<void> {
    const { layout } = b;
    const perRow = layout.hiddenRows && !b.below && values.length > 1;
    const ranges = perRow
      ? values.map((row, i) => ({ at: b.start + i, rows: [row] }))
      : [{ at: b.start, rows: values }];
    for (const r of ranges) {
      if (r.rows.every((row) => row.every((v) => v === null))) continue;
      await this.batch.room(jsonBytes(r.rows));
      if (!b.below) {
        bodyRows(this.context, layout.name, r.at, r.rows.length, layout.colCount).values =
          r.rows as ExcelValue[][];
        continue;
      }
      if (layout.totalsRow) {
        // Just below the body is the totals row: only TableRowCollection.add can insert above it.
        this.context.workbook.tables.getItem(layout.name).rows.add(
          undefined,
          r.rows.map((row) => row.map((v) => v ?? "")),
        );
        continue;
      }
      const range = this.sheetRange(layout, r.at, r.rows.length);
      // The new rows take the last row's number formats first, so the text written next is
      // written for the cells it lands in.
      if (formats)
        range.numberFormat = r.rows.map(() => formats.map((f) => (typeof f === "string" ? f : null)));
      range.values = r.rows as ExcelValue[][];
    }
  }
}

/** What is just below a table where rows are appended, read by a probe. */
export interface KnownBelow {
  /** Rows probed below the table (at least the rows appended). */
  readonly count: number;
  /** The number formats of the table's last row (new rows take them). */
  readonly formats: readonly unknown[] | undefined;
  /** Whether each probed row holds something (the rows written over are moved down first). */
  readonly taken: readonly boolean[];
}
