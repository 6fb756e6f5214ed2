/**
 * Reading the contract's tables from Excel in a constant number of syncs:
 *   1. discovery: the workbook's table names and sheets (collections, never a missing item);
 *   2. layout: each present table's header row and data-body size;
 *   3. bodies: every table's rows in blocks of at most MAX_BLOCK_ROWS, all in one sync while the
 *      response fits the payload budget (see readBodies: more syncs only for data over ~4.5 MB).
 * Each step only queues loads and returns a function that reads them after the caller's sync, so
 * callers can put their own loads into the same sync.
 */
import { columnLetters, normaliseName, type RawCell, type RawTable } from "../contract";
import { parseBox } from "./address";
import { isRetryableRead, jsonBytes, MAX_BLOCK_ROWS, rowBlocks } from "./batch";

import { fromExcel } from "./cells";

/** The least a cell is planned at (`"",` is 3 bytes; most cells hold more). */
const MIN_BYTES_PER_CELL = 4;
/**
 * A table's first data rows are read with its layout and the rest is planned at their size per
 * cell: the budget (4.5 MB against Excel on the web's 5 MB) is the margin.
 */
const SAMPLE_ROWS = 20;
/** Sizes per cell assumed after each refusal of a response as too large. */
const RETRY_BYTES_PER_CELL = [24, 48, 96, 192];

export interface SheetEntry {
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
}

export interface Discovery {
  /** Table names as written in the workbook, by normalised name. */
  readonly tables: ReadonlyMap<string, string>;
  readonly sheets: readonly SheetEntry[];
}

/** Queue the discovery loads; call the result after the sync. */
export function queueDiscovery(context: Excel.RequestContext): () => Discovery {
  const tables = context.workbook.tables.load("items/name");
  const sheets = context.workbook.worksheets.load("items/name, items/position, items/visibility");
  return () => ({
    tables: new Map(tables.items.map((t) => [normaliseName(t.name), t.name])),
    sheets: sheets.items.map((s) => ({
      name: s.name,
      position: s.position,
      visibility: String(s.visibility),
    })),
  });
}

/** The table's name as written in the workbook, found case- and spacing-insensitively. */
export function foundName(d: Discovery, name: string): string | undefined {
  return d.tables.get(normaliseName(name));
}

export function sheetNamed(d: Discovery, name: string): SheetEntry | undefined {
  const k = name.toLowerCase();
  return d.sheets.find((s) => s.name.toLowerCase() === k);
}

export interface TableLayout {
  /** As written in the workbook. */
  readonly name: string;
  readonly sheet: string;
  /** 0-based sheet row of the header row, and column of the first column. */
  readonly headerRow: number;
  readonly col: number;
  readonly colCount: number;
  /** Data rows (Excel keeps at least one, blank in an empty table). */
  readonly bodyRows: number;
  readonly headers: RawCell[];
  /** Some data rows are hidden (a filter): multi-row writes could land in the wrong rows. */
  readonly hiddenRows: boolean;
  /** The table shows a totals row (new rows cannot be written just below its body). */
  readonly totalsRow: boolean;
  /** UTF-8 bytes per cell of the first data rows, read with the layout: the first read's plan. */
  readonly sampleBytesPerCell: number;
}

/** Queue the layout loads of tables known to exist; call the result after the sync. */
export function queueLayouts(context: Excel.RequestContext, names: readonly string[]): () => TableLayout[] {
  const loads = names.map((name) => {
    const table = context.workbook.tables.getItem(name);
    return {
      name,
      table: table.load("showTotals"),
      header: table.getHeaderRowRange().load("values, address"),
      body: table.getDataBodyRange().load("rowCount, rowHidden"),
      // The first rows (cells below a short table are blank: they only lower the estimate a little).
      sample: table
        .getDataBodyRange()
        .getRow(0)
        .getResizedRange(SAMPLE_ROWS - 1, 0)
        .load("values"),
    };
  });
  return () =>
    loads.map(({ name, table, header, body, sample }) => {
      const box = parseBox(header.address);
      return {
        name,
        sheet: box.sheet,
        headerRow: box.row,
        col: box.col,
        colCount: box.colCount,
        bodyRows: body.rowCount,
        headers: fromExcel(header.values)[0] ?? [],
        // Range.rowHidden (ExcelApi 1.2): false when no row is hidden, null for a mix.
        hiddenRows: body.rowHidden !== false,
        totalsRow: table.showTotals,
        sampleBytesPerCell: jsonBytes(sample.values) / Math.max(1, box.colCount * SAMPLE_ROWS),
      };
    });
}

/** The range of data rows [start, start + count) of a table. */
export function bodyRows(
  context: Excel.RequestContext,
  table: string,
  start: number,
  count: number,
  width: number,
): Excel.Range {
  return context.workbook.tables
    .getItem(table)
    .getDataBodyRange()
    .getCell(start, 0)
    .getResizedRange(count - 1, width - 1);
}

export interface ReadOptions {
  readonly budget: number;
  /** Measured response bytes per cell by table (normalised name); updated after each read. */
  readonly bytesPerCell: Map<string, number>;
  /** Syncs made are counted here. */
  readonly onSync?: () => void;
  /** Called when a sync is refused (its other loads are lost with it). */
  readonly onRefused?: () => void;
}

interface Block {
  readonly layout: TableLayout;
  readonly start: number;
  readonly count: number;
  readonly bytes: number;
}

/** The sync groups of the row blocks still to read, each group within the payload budget. */
function planBlocks(
  layouts: readonly TableLayout[],
  rows: ReadonlyMap<TableLayout, readonly RawCell[][]>,
  options: ReadOptions,
  floor: number,
): Block[][] {
  const perCell = (l: TableLayout): number =>
    Math.max(
      floor,
      MIN_BYTES_PER_CELL,
      options.bytesPerCell.get(normaliseName(l.name)) ?? l.sampleBytesPerCell,
    );
  const blocks: Block[] = [];
  for (const l of layouts) {
    if (l.bodyRows === 0 || l.colCount === 0) continue;
    const rowBytes = perCell(l) * l.colCount;
    const maxRows = Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(options.budget / rowBytes)));
    const done = rows.get(l)?.length ?? 0;
    for (const b of rowBlocks(l.bodyRows - done, maxRows)) {
      blocks.push({ layout: l, start: done + b.start, count: b.count, bytes: b.count * rowBytes });
    }
  }
  const syncs: Block[][] = [];
  let current: Block[] = [];
  let bytes = 0;
  for (const b of blocks) {
    if (current.length > 0 && bytes + b.bytes > options.budget) {
      syncs.push(current);
      current = [];
      bytes = 0;
    }
    current.push(b);
    bytes += b.bytes;
  }
  if (current.length > 0) syncs.push(current);
  return syncs;
}

/** Read the data rows of the tables (see the module comment). Returns raw tables in layout order. */
export async function readBodies(
  context: Excel.RequestContext,
  layouts: readonly TableLayout[],
  options: ReadOptions,
): Promise<RawTable[]> {
  const rows = new Map<TableLayout, RawCell[][]>(layouts.map((l) => [l, []]));
  // A table is planned at its measured size per cell (an earlier read), else at its first row's
  // size with a margin: a workbook that fits one request is read in one sync. When Excel refuses
  // a response as too large (or says GeneralException), the rest is planned again at a larger
  // size per cell, in more syncs.
  let floor = 0;
  const plan = (): Block[][] => planBlocks(layouts, rows, options, floor);
  let pending = plan();
  for (let attempt = 0; pending.length > 0;) {
    const group = pending[0] ?? [];
    const loads = group.map((b) => ({
      block: b,
      range: bodyRows(context, b.layout.name, b.start, b.count, b.layout.colCount).load("values"),
    }));
    try {
      // One sync per payload-sized group of blocks: one in all while the data fits the budget.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      options.onSync?.();
    } catch (e) {
      options.onSync?.();
      options.onRefused?.();
      if (!isRetryableRead(e) || attempt >= RETRY_BYTES_PER_CELL.length) throw e;
      floor = RETRY_BYTES_PER_CELL[attempt] ?? floor * 2;
      attempt++;
      pending = plan();
      continue;
    }
    for (const { block, range } of loads) {
      const got = fromExcel(range.values);
      const into = rows.get(block.layout) ?? [];
      into.push(...got);
      const cells = block.count * block.layout.colCount;
      options.bytesPerCell.set(
        normaliseName(block.layout.name),
        Math.max(1, jsonBytes(range.values) / Math.max(1, cells)),
      );
    }
    pending = pending.slice(1);
  }

  return layouts.map((l) => ({
    name: l.name,
    headers: l.headers,
    rows: rows.get(l) ?? [],
    sheet: l.sheet,
    topLeft: `${columnLetters(l.col)}${l.headerRow + 1}`,
  }));
}
